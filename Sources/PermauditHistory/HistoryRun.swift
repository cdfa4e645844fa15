/// One audit run as the history stores it: its facts, totals, and place in the hash chain.
public struct HistoryRun: Sendable, Equatable {
  /// The run's number: 1, 2, 3, … in the order runs were appended.
  public var id: Int
  /// When the run was written to the history (the wall clock).
  public var recordedAt: String
  /// The time the run evaluated evidence as of (`--now`, or the clock).
  public var evaluatedAt: String
  public var toolVersion: String
  public var policyID: String
  public var policySHA256: String
  public var catalogSystem: String
  public var catalogSHA256: String
  /// A digest over every account's evidence digests, in report order.
  public var evidenceSHA256: String
  /// `I/N` for a shard of a batch, else `nil`.
  public var shard: String?
  public var accounts: Int
  public var compliant: Int
  public var nonCompliant: Int
  public var inconclusive: Int
  /// The run folder its reports were published in, if any.
  public var reportFolder: String?
  /// The chained digest of the run's account rows, in order.
  public var rowsSHA256: String
  /// The ``recordSHA256`` of the run before it; 64 zeros for the first run.
  public var previousSHA256: String
  /// The SHA-256 of the run's canonical record, which covers every field above.
  public var recordSHA256: String

  /// The fields in canonical order, as ``CanonicalRecord`` encodes them.
  var canonicalFields: [(String, String?)] {
    [
      ("id", String(id)), ("recorded_at", recordedAt), ("evaluated_at", evaluatedAt),
      ("tool_version", toolVersion), ("policy_id", policyID), ("policy_sha256", policySHA256),
      ("catalog_system", catalogSystem), ("catalog_sha256", catalogSHA256),
      ("evidence_sha256", evidenceSHA256), ("shard", shard), ("accounts", String(accounts)),
      ("compliant", String(compliant)), ("non_compliant", String(nonCompliant)),
      ("inconclusive", String(inconclusive)), ("report_folder", reportFolder),
      ("rows_sha256", rowsSHA256), ("previous_sha256", previousSHA256),
    ]
  }
}

/// One account of one run as the history stores it.
struct AccountRow: Sendable, Equatable {
  var position: Int
  var policyID: String
  var accountID: String
  var status: String
  /// The SHA-256 of each evidence document merged for the account, comma-separated.
  var evidenceSHA256: String
  /// The findings as ``FindingsText`` encodes them.
  var findings: String

  var canonicalFields: [(String, String?)] {
    [
      ("position", String(position)), ("policy_id", policyID), ("account_id", accountID),
      ("status", status), ("evidence_sha256", evidenceSHA256), ("findings", findings),
    ]
  }
}
