import Foundation

/// What `permaudit history verify` found.
public struct HistoryVerification: Sendable, Equatable {
  /// Runs checked.
  public var runs: Int
  /// The record digest of the latest run: note it elsewhere (a ticket, a notification) to
  /// be able to tell later that no run was removed from the end.
  public var head: String?
  /// The first break in the chain, in words naming the run; `nil` when intact.
  public var problem: String?

  public var isIntact: Bool { problem == nil }
}

/// Recomputes the hash chain of a history and finds the first run that was edited,
/// deleted, or had account rows edited, added or removed.
///
/// Each run's record digest covers its fields, the chained digest of its account rows and
/// the previous run's record digest, so changing any stored value, or deleting a run,
/// breaks the chain at that run. Run numbers never repeat (SQLite's AUTOINCREMENT keeps
/// the highest ever used), so deleting the latest run shows too, unless that counter is
/// edited as well; the head digest, kept outside the history, covers that case.
public enum HistoryVerifier {
  /// Verifies the history at `path`, reading it in one snapshot with bounded memory.
  public static func verify(path: String, busyTimeout: Int32 = 60_000) throws(HistoryError)
    -> HistoryVerification
  {
    let database = try HistoryFile.open(path, create: false, busyTimeout: busyTimeout)
    try database.execute("BEGIN")
    defer { try? database.execute("ROLLBACK") }
    let runs = try database.prepare(
      "SELECT \(HistoryFile.runColumns) FROM runs ORDER BY id")
    let rows = try database.prepare(
      "SELECT position, policy_id, account_id, status, evidence_sha256, findings "
        + "FROM accounts WHERE run_id = ?1 ORDER BY position")
    var checked = 0
    var previous: HistoryRun?
    while try runs.step() {
      let run = HistoryFile.run(from: runs)
      if let problem = try check(run, after: previous, rows: rows) {
        return HistoryVerification(runs: checked, head: previous?.recordSHA256, problem: problem)
      }
      checked += 1
      previous = run
    }
    let problem = try checkEnd(database, last: previous)
    return HistoryVerification(runs: checked, head: previous?.recordSHA256, problem: problem)
  }

  /// The break at `run`, if any.
  private static func check(_ run: HistoryRun, after previous: HistoryRun?, rows: SQLiteStatement)
    throws(HistoryError) -> String?
  {
    let expected = (previous?.id ?? 0) + 1
    let name = "run \(run.id) (recorded \(run.recordedAt))"
    if run.id > expected {
      let missing =
        expected == run.id - 1 ? "run \(expected) is" : "runs \(expected)–\(run.id - 1) are"
      return "\(missing) missing: deleted from the history (the chain breaks before \(name))"
    }
    if run.previousSHA256 != (previous?.recordSHA256 ?? CanonicalRecord.origin) {
      return "\(name) does not follow the run before it: a run before it was edited or deleted"
    }
    var digest = CanonicalRecord.origin
    var count = 0
    try rows.bind([.integer(run.id)])
    while try rows.step() {
      let row = AccountRow(
        position: rows.integer(0), policyID: rows.text(1) ?? "", accountID: rows.text(2) ?? "",
        status: rows.text(3) ?? "", evidenceSHA256: rows.text(4) ?? "",
        findings: rows.text(5) ?? "")
      digest = CanonicalRecord.chain(digest, row)
      count += 1
    }
    rows.reset()
    if digest != run.rowsSHA256 || count != run.accounts {
      return "\(name): its account rows were edited, added or removed "
        + "(\(count) rows for \(run.accounts) accounts)"
    }
    if CanonicalRecord.digest(of: run) != run.recordSHA256 {
      return "\(name): its record was edited after it was written"
    }
    return nil
  }

  /// Breaks after the last run: account rows of a deleted run, or a deleted latest run.
  private static func checkEnd(_ database: SQLiteDatabase, last: HistoryRun?)
    throws(HistoryError) -> String?
  {
    let orphans = try database.prepare(
      "SELECT min(run_id) FROM accounts WHERE run_id NOT IN (SELECT id FROM runs)")
    defer { orphans.reset() }
    if try orphans.step(), let run = orphans.text(0) {
      return "account rows of run \(run) remain but the run itself was deleted"
    }
    let sequence = try database.prepare(
      "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'runs'), 0)")
    defer { sequence.reset() }
    let highest = try sequence.step() ? sequence.integer(0) : 0
    let lastID = last?.id ?? 0
    if highest > lastID {
      return highest == lastID + 1
        ? "run \(highest), the latest, is missing: deleted from the history"
        : "runs \(lastID + 1)–\(highest), the latest, are missing: deleted from the history"
    }
    return nil
  }
}
