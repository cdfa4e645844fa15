import PermauditInput

/// The exact bytes the hash chain is computed over, so that the same record always hashes
/// the same and no two different records share bytes.
///
/// Each field is one line, `name:LENGTH:value` with the value's UTF-8 length, or `name:-`
/// for a missing value; lengths make the encoding unambiguous whatever the values hold.
enum CanonicalRecord {
  /// The digest before anything: the first run's `previous_sha256`, and the rows digest
  /// of a run without accounts.
  static let origin = String(repeating: "0", count: 64)

  static func encode(_ tag: String, _ fields: [(String, String?)]) -> String {
    var text = tag + "\n"
    for (name, value) in fields {
      if let value {
        text += "\(name):\(value.utf8.count):\(value)\n"
      } else {
        text += "\(name):-\n"
      }
    }
    return text
  }

  /// The record digest of a run.
  static func digest(of run: HistoryRun) -> String {
    Digest.sha256(encode("permaudit.history.run/v1", run.canonicalFields))
  }

  /// The rows digest after `row`, chained from the digest of the rows before it.
  static func chain(_ previous: String, _ row: AccountRow) -> String {
    Digest.sha256(previous + "\n" + encode("permaudit.history.account/v1", row.canonicalFields))
  }

  /// The evidence digest after one more account's evidence digests.
  static func chain(_ previous: String, evidence: String) -> String {
    Digest.sha256(previous + "\n" + evidence)
  }
}
