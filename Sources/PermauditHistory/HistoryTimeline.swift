import Foundation
import PermauditCore

/// One account in one run, with its drift since the account's run before.
public struct TimelineEntry: Sendable, Equatable {
  public var policyID: String
  public var accountID: String
  public var run: Int
  /// The time the run evaluated evidence as of.
  public var evaluatedAt: String
  public var status: AccountStatus
  public var findings: [FindingRecord]
  public var drift: AccountDrift
}

/// The history read back per account: every run that judged it, oldest first.
public enum HistoryTimeline {
  /// Calls `body` for each entry, grouped by policy then account (sorted), runs in order.
  /// Memory stays bounded: entries are read one at a time in index order.
  ///
  /// - Parameters:
  ///   - account: only this account's timeline.
  ///   - since: only runs that evaluated at or after this time (earlier runs still serve
  ///     as the comparison for the first one shown).
  public static func read(
    path: String, account: String? = nil, since: Date? = nil,
    _ body: (TimelineEntry) -> Void
  ) throws(HistoryError) {
    let database = try HistoryFile.open(path, create: false, busyTimeout: 60_000)
    try database.execute("BEGIN")
    defer { try? database.execute("ROLLBACK") }
    let entries = try database.prepare(
      "SELECT a.policy_id, a.account_id, a.run_id, r.evaluated_at, a.status, a.findings "
        + "FROM accounts AS a JOIN runs AS r ON r.id = a.run_id "
        + "WHERE ?1 IS NULL OR a.account_id = ?1 ORDER BY a.policy_id, a.account_id, a.run_id")
    try entries.bind([.optional(account)])
    defer { entries.reset() }
    var previous: TimelineEntry?
    while try entries.step() {
      let run = entries.integer(2)
      guard let status = entries.text(4).flatMap(AccountStatus.init(rawValue:)),
        let findings = entries.text(5).flatMap(FindingsText.decode)
      else {
        throw HistoryError(
          path: path, "run \(run) holds an unreadable account row; run 'permaudit history verify'")
      }
      let policyID = entries.text(0) ?? ""
      let accountID = entries.text(1) ?? ""
      let evaluatedAt = entries.text(3) ?? ""
      let snapshot = AccountSnapshot(accountID: accountID, status: status, findings: findings)
      let before = previous.flatMap { entry in
        entry.policyID == policyID && entry.accountID == accountID
          ? PreviousRun(
            run: entry.run, evaluatedAt: entry.evaluatedAt,
            snapshot: AccountSnapshot(
              accountID: accountID, status: entry.status, findings: entry.findings))
          : nil
      }
      let entry = TimelineEntry(
        policyID: policyID, accountID: accountID, run: run, evaluatedAt: evaluatedAt,
        status: status, findings: findings, drift: Drift.compare(snapshot, with: before))
      if let since, let time = Timestamp.parse(evaluatedAt), time < since {
        previous = entry
        continue
      }
      body(entry)
      previous = entry
    }
  }
}
