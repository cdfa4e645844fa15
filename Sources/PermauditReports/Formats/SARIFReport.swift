import PermauditCore

/// The SARIF 2.1.0 report, for code-scanning dashboards: one rule per requirement (see
/// ``SARIFRules``), one result per finding, with the level from its status, a waived
/// finding as a suppressed result, and a fingerprint that stays the same across runs so
/// that the same finding is the same alert.
///
/// Streamed in three parts: the run's tool, rules and input files; the results, account by
/// account (fragments are joined with ``separator``); then the run's totals and waivers, and
/// the report's own digest.
public enum SARIFReport {
  public static let schemaURI =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  /// What goes between two non-empty account fragments.
  public static let separator = ","
  /// The name of the fingerprint in `partialFingerprints`.
  public static let fingerprintName: StaticString = "permauditFinding/v1"

  /// The whole report.
  public static func render(_ report: AuditReport) -> String {
    let fragments = report.accounts.map { fragment($0, in: report) }.filter { !$0.isEmpty }
    return ReportDigest.sealed(
      prologue(report) + fragments.joined(separator: separator) + epilogue(report))
  }

  /// Up to and including the opening of the run's `results`.
  public static func prologue(_ report: AuditReport) -> String {
    var json = JSONWriter()
    json.beginObject()
    json.field("$schema", schemaURI)
    json.field("version", "2.1.0")
    json.key("runs")
    json.beginArray()
    json.beginObject()
    json.key("tool")
    json.beginObject()
    json.key("driver")
    json.beginObject()
    json.field("name", report.tool.name)
    json.field("version", report.tool.version)
    json.key("rules")
    json.beginArray()
    for rule in SARIFRules(report: report).rules { write(rule, to: &json) }
    json.endArray()
    json.endObject()
    json.endObject()
    json.key("automationDetails")
    json.beginObject()
    json.field("id", "permaudit/" + report.policy.id + "/")
    json.endObject()
    json.key("artifacts")
    json.beginArray()
    writeArtifact(report.policyFile, role: "policy", to: &json)
    writeArtifact(report.catalogFile, role: "userSpecifiedConfiguration", to: &json)
    if let file = report.waivers.file {
      writeArtifact(file, role: "userSpecifiedConfiguration", to: &json)
    }
    json.endArray()
    json.key("results")
    return json.output + "["
  }

  /// One account's results, without a separator in front; empty when it has no findings.
  public static func fragment(_ account: AccountResult, in report: AuditReport) -> String {
    guard !account.findings.isEmpty else { return "" }
    let rules = SARIFRuleIndex(policy: report.policy)
    return account.findings.map { finding in
      var json = JSONWriter(depth: 4, capacity: 2048)
      SARIFResult(report: report, account: account, rules: rules).write(finding, to: &json)
      return "\n        " + json.output
    }.joined(separator: ",")
  }

  /// The end of the results, the run's totals and waivers, and the report's digest.
  public static func epilogue(_ report: AuditReport) -> String {
    var json = JSONWriter(depth: 3)
    json.beginObject()
    json.field("generated_at", report.generatedAt)
    json.field("policy", report.policy.id)
    json.field("policy_title", report.policy.title)
    json.field("fail_on", report.failOn.rawValue)
    json.key("summary")
    json.beginObject()
    json.field("accounts", report.summary.accounts)
    json.field("compliant", report.summary.compliant)
    json.field("non_compliant", report.summary.nonCompliant)
    json.field("inconclusive", report.summary.inconclusive)
    json.endObject()
    json.key("waivers")
    json.beginArray()
    for (position, waiver) in report.waivers.waivers.enumerated() {
      SARIFResult.write(
        waiver, state: WaiverText.state(waiver, in: report, position: position), to: &json)
    }
    json.endArray()
    json.endObject()
    return "\n      ],\n      \"properties\": " + json.output + "\n    }\n  ],\n"
      + "  \"properties\": {\n    \"" + ReportDigest.token + "\": \""
      + ReportDigest.placeholder + "\"\n  }\n}\n"
  }

  private static func write(_ rule: SARIFRules.Rule, to json: inout JSONWriter) {
    json.beginObject()
    json.field("id", rule.id)
    json.key("shortDescription")
    json.beginObject()
    json.field("text", rule.summary)
    json.endObject()
    json.key("fullDescription")
    json.beginObject()
    json.field("text", rule.description)
    json.endObject()
    json.key("help")
    json.beginObject()
    json.field("text", rule.help)
    json.endObject()
    json.key("properties")
    json.beginObject()
    json.field("severity", rule.severity.rawValue)
    json.field("security-severity", securitySeverity(rule.severity))
    json.field("step", rule.step)
    json.endObject()
    json.endObject()
  }

  private static func writeArtifact(
    _ file: ReportedFile, role: String, to json: inout JSONWriter
  ) {
    json.beginObject()
    json.key("location")
    json.beginObject()
    json.field("uri", SARIFResult.uri(file.path))
    json.endObject()
    json.key("roles")
    json.beginArray()
    json.string(role)
    json.endArray()
    json.key("hashes")
    json.beginObject()
    json.field("sha-256", file.sha256)
    json.endObject()
    json.endObject()
  }

  /// The score GitHub code scanning ranks security alerts by.
  static func securitySeverity(_ severity: Severity) -> String {
    switch severity {
    case .critical: return "9.5"
    case .high: return "8.0"
    case .medium: return "5.5"
    case .low: return "3.0"
    case .info: return "0.0"
    }
  }
}
