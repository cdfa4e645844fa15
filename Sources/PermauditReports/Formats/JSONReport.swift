import PermauditCore

/// The `permaudit.report/v1` JSON report (SPEC §7).
///
/// Written in three parts, so that a batch can be streamed: ``header(_:)`` before the
/// accounts, ``account(_:)`` for each, and ``footer(_:)`` with the summary counts.
public enum JSONReport {
  public static let schema = "permaudit.report/v1"

  /// The whole report at once.
  public static func render(_ report: AuditReport) -> String {
    var bytes = header(report)
    for (position, account) in report.accounts.enumerated() {
      bytes += Self.account(account, isFirst: position == 0)
    }
    bytes += footer(report)
    return ReportDigest.sealed(String(decoding: bytes, as: UTF8.self))
  }

  /// The report up to and including the opening of the `accounts` list.
  public static func header(_ report: AuditReport) -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.field("schema", schema)
    json.field("generated_at", report.generatedAt)
    json.key("tool")
    json.beginObject()
    json.field("name", report.tool.name)
    json.field("version", report.tool.version)
    json.endObject()
    json.key("policy")
    json.beginObject()
    json.field("id", report.policy.id)
    json.field("title", report.policy.title)
    json.field("path", report.policyFile.path)
    json.field("sha256", report.policyFile.sha256)
    if let source = report.policy.source {
      json.field("source", source.title)
      json.field("source_url", source.url)
    }
    json.endObject()
    json.key("catalog")
    json.beginObject()
    json.field("system", report.catalog.system)
    json.field("title", report.catalog.title)
    json.field("path", report.catalogFile.path)
    json.field("sha256", report.catalogFile.sha256)
    json.endObject()
    json.field("fail_on", report.failOn.rawValue)
    json.field("shard", report.shard?.description)
    json.key("accounts")
    return json.bytes + Array("[".utf8)
  }

  /// One account on a line of its own inside the `accounts` list, with the separator
  /// before it. Accounts render independently, so a batch can render them in parallel.
  ///
  /// Note: one line an account keeps a large report greppable and line-diffable by
  /// account, and a third smaller than indented JSON, which is most of the cost of writing
  /// it; the rest of the report stays indented for reading.
  public static func account(_ account: AccountResult, isFirst: Bool) -> [UInt8] {
    var json = JSONWriter(oneLineWithCapacity: 8192)
    if isFirst { json.raw("\n    ") } else { json.raw(",\n    ") }
    write(account, to: &json)
    return json.bytes
  }

  /// The end of the `accounts` list, the summary counts and, when the run keeps a
  /// history, the run's `drift` totals (see ``DriftJSON``).
  public static func footer(_ summary: AuditSummary, drift: DriftSummary? = nil) -> [UInt8] {
    var json = JSONWriter(depth: 1)
    json.beginObject()
    json.field("accounts", summary.accounts)
    json.field("compliant", summary.compliant)
    json.field("non_compliant", summary.nonCompliant)
    json.field("inconclusive", summary.inconclusive)
    json.endObject()
    let close = summary.accounts == 0 ? "],\n  \"summary\": " : "\n  ],\n  \"summary\": "
    var driftSection: [UInt8] = []
    if let drift {
      var writer = JSONWriter(depth: 1)
      DriftJSON.write(drift, includingSample: false, to: &writer)
      driftSection = Array(",\n  \"drift\": ".utf8) + writer.bytes
    }
    return Array(close.utf8) + json.bytes + driftSection + Array("\n}\n".utf8)
  }

  private static func write(_ account: AccountResult, to json: inout JSONWriter) {
    json.beginObject()
    json.field("id", account.id)
    json.field("status", account.status.rawValue)
    json.key("evidence")
    json.beginArray()
    for provenance in account.evidence { write(provenance, to: &json) }
    json.endArray()
    json.key("findings")
    json.beginArray()
    for finding in account.findings { write(finding, to: &json) }
    json.endArray()
    json.key("passed")
    json.beginArray()
    for check in account.passed {
      json.beginObject()
      json.field("kind", check.kind.rawValue)
      json.field("subject", check.subject)
      json.field("step", check.step)
      json.endObject()
    }
    json.endArray()
    if let drift = account.drift {
      json.key("drift")
      DriftJSON.write(drift, to: &json)
    }
    json.endObject()
  }

  private static func write(_ finding: Finding, to json: inout JSONWriter) {
    json.beginObject()
    json.findingFields(finding)
    writeSources(finding.evidence, to: &json)
    writeWaiver(finding.waiver, to: &json)
    json.endObject()
  }

  private static func write(_ provenance: Provenance, to json: inout JSONWriter) {
    json.beginObject()
    json.field("source", provenance.source)
    json.field("collected_at", provenance.collectedAt)
    json.field("origin", provenance.origin)
    json.field("sha256", provenance.sha256)
    json.endObject()
  }

  /// The documents a result rests on, by origin (the account's `evidence` lists them whole).
  private static func writeSources(_ evidence: [Provenance], to json: inout JSONWriter) {
    json.key("evidence")
    json.beginArray()
    for provenance in evidence { json.string(provenance.origin) }
    json.endArray()
  }
}
