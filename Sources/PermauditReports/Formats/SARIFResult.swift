import PermauditCore

/// One finding as a SARIF `result`.
struct SARIFResult {
  let report: AuditReport
  let account: AccountResult
  let rules: SARIFRuleIndex

  func write(_ finding: Finding, to json: inout JSONWriter) {
    let names = ReportNames(catalog: report.catalog)
    let rule = rules.rule(for: finding)
    let effective = finding.waiver?.originalStatus ?? finding.status
    json.beginObject()
    json.field("ruleId", rule.id)
    json.field("ruleIndex", rule.index)
    json.field("kind", effective == .info || effective == .pass ? "informational" : "fail")
    json.field("level", Self.level(effective))
    json.key("message")
    json.beginObject()
    json.field(
      "text",
      "Account '\(account.id)': \(names.subject(of: finding)) — "
        + ReportNames.kind(finding.kind) + ", "
        + ReportNames.comparison(finding) { "'" + $0 + "'" } + "."
        + (finding.remediation.map { " Fix: " + $0 } ?? ""))
    json.endObject()
    writeLocations(finding, to: &json)
    json.key("partialFingerprints")
    json.beginObject()
    json.field(SARIFReport.fingerprintName, fingerprint(finding))
    json.endObject()
    if let note = finding.waiver, finding.status == .waived {
      json.key("suppressions")
      json.beginArray()
      json.beginObject()
      json.field("kind", "external")
      json.field("status", "accepted")
      json.field("justification", WaiverText.describe(note))
      json.endObject()
      json.endArray()
    }
    writeProperties(finding, to: &json)
    json.endObject()
  }

  /// The same for the same policy, account, kind and subject, run after run.
  func fingerprint(_ finding: Finding) -> String {
    SHA256.hex(
      [report.policy.id, account.id, finding.kind.rawValue, finding.subject]
        .joined(separator: "\u{0}"))
  }

  private func writeLocations(_ finding: Finding, to json: inout JSONWriter) {
    json.key("locations")
    json.beginArray()
    json.beginObject()
    json.key("physicalLocation")
    json.beginObject()
    json.key("artifactLocation")
    json.beginObject()
    let origin = finding.evidence.first?.origin ?? report.policyFile.path
    let (path, line) = Self.split(origin)
    json.field("uri", Self.uri(path))
    json.endObject()
    if let line {
      json.key("region")
      json.beginObject()
      json.field("startLine", line)
      json.endObject()
    }
    json.endObject()
    json.key("logicalLocations")
    json.beginArray()
    json.beginObject()
    json.field("name", finding.subject)
    json.field("fullyQualifiedName", account.id + "/" + finding.subject)
    json.field("kind", "member")
    json.endObject()
    json.endArray()
    json.endObject()
    json.endArray()
  }

  private func writeProperties(_ finding: Finding, to json: inout JSONWriter) {
    json.key("properties")
    json.beginObject()
    json.field("account", account.id)
    json.field("account_status", account.status.rawValue)
    json.findingFields(finding, kindKey: "finding_kind")
    json.key("evidence")
    json.beginArray()
    for provenance in finding.evidence {
      json.beginObject()
      json.field("source", provenance.source)
      json.field("collected_at", provenance.collectedAt)
      json.field("origin", provenance.origin)
      json.field("sha256", provenance.sha256)
      json.endObject()
    }
    json.endArray()
    if let note = finding.waiver {
      json.key("waiver")
      Self.write(note.waiver, state: nil, originalStatus: note.originalStatus, to: &json)
    }
    json.endObject()
  }

  /// A waiver as a property bag.
  static func write(
    _ waiver: Waiver, state: String?, originalStatus: CheckStatus? = nil,
    to json: inout JSONWriter
  ) {
    json.waiverObject(waiver) { json in
      json.field("state", state)
      json.field("status_before_waiver", originalStatus?.rawValue)
    }
  }

  static func level(_ status: CheckStatus) -> String {
    switch status {
    case .fail: return "error"
    case .warn: return "warning"
    case .info: return "note"
    case .pass, .waived: return "none"
    }
  }

  /// An origin such as `batch.jsonl:12` split into the file and its line.
  static func split(_ origin: String) -> (String, Int?) {
    guard let colon = origin.lastIndex(of: ":"),
      let line = Int(origin[origin.index(after: colon)...]), line > 0
    else { return (origin, nil) }
    return (String(origin[..<colon]), line)
  }

  /// A path as a relative URI reference: everything but unreserved characters and `/`
  /// percent-encoded.
  static func uri(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
      let isUnreserved =
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || (0x30...0x39).contains(byte) || [0x2D, 0x2E, 0x5F, 0x7E, 0x2F].contains(byte)
      if isUnreserved {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return result
  }
}
