import Foundation
import PermauditCore

/// An account's findings as one compact JSON text, the way the history stores them:
/// `[{"kind":…,"subject":…,"status":…,"severity":…}, …]`, keys in that order.
///
/// Query them with SQLite's JSON functions, e.g.
/// `SELECT account_id, f.value ->> 'kind' FROM accounts, json_each(findings) AS f`.
enum FindingsText {
  static func encode(_ findings: [FindingRecord]) -> String {
    var text = "["
    for (index, finding) in findings.enumerated() {
      if index > 0 { text += "," }
      text +=
        "{\"kind\":" + JSONText.quoted(finding.kind) + ",\"subject\":"
        + JSONText.quoted(finding.subject)
      text += ",\"status\":" + JSONText.quoted(finding.status) + ",\"severity\":"
      text += JSONText.quoted(finding.severity) + "}"
    }
    return text + "]"
  }

  /// The findings of a stored row; `nil` when the text is not what ``encode(_:)`` writes.
  static func decode(_ text: String) -> [FindingRecord]? {
    guard let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else {
      return nil
    }
    var findings: [FindingRecord] = []
    for item in list {
      guard let object = item as? [String: Any], let kind = object["kind"] as? String,
        let subject = object["subject"] as? String, let status = object["status"] as? String,
        let severity = object["severity"] as? String
      else { return nil }
      findings.append(
        FindingRecord(kind: kind, subject: subject, status: status, severity: severity))
    }
    return findings
  }
}
