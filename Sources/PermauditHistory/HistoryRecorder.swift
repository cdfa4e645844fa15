import Foundation
import PermauditCore
import PermauditInput
import PermauditPipeline

/// Records one audit run in the history as its accounts stream past, and gives each account
/// its drift since its previous run under the same policy.
///
/// Accounts are staged in a private temporary database (on disk, so memory stays bounded)
/// in batched transactions that take no lock on the history. ``commit(runFolder:recordedAt:)``
/// then appends the run and copies its rows in one `BEGIN IMMEDIATE` transaction, so
/// concurrent runs queue up, the chain stays linear, and a run is either wholly recorded or
/// not at all. A history that does not exist yet is created only then, so a run that fails
/// leaves no file behind.
public final class HistoryRecorder: AuditObserver, @unchecked Sendable {
  // Note: @unchecked because every use of `database` and the mutable state below goes
  // through `lock`; the pipeline calls ``annotate(_:)`` from several threads.
  private let lock = NSLock()
  private let path: String
  private let busyTimeout: Int32
  /// The history, once it exists; `nil` until the commit when it did not exist at the start.
  private var database: SQLiteDatabase?
  /// The run's accounts until the commit.
  private let staged: SQLiteDatabase
  private let policyID: String
  /// Runs appended after this one are not compared with, so drift is the same whoever
  /// appends while this run is under way.
  private let baseline: Int
  private let lookup: SQLiteStatement?
  private let stage: SQLiteStatement
  private var staging = Staging()
  private var firstError: HistoryError?
  private var report: AuditReport?
  private let pauseBeforeCommit: (@Sendable () -> Void)?

  /// Accounts staged per transaction.
  private static let batchSize = 1000

  /// What has been staged so far.
  private struct Staging {
    var count = 0
    var inTransaction = false
    var rowsDigest = CanonicalRecord.origin
    var evidenceDigest = CanonicalRecord.origin
    var drift = DriftSummary()
  }

  /// Opens (creating if needed) the history at `path` for a run under `policyID`.
  ///
  /// - Parameters:
  ///   - busyTimeout: how long to wait for another run's lock, in milliseconds.
  ///   - pauseBeforeCommit: called inside the append transaction before it commits; for
  ///     tests that kill a run midway.
  public init(
    path: String, policyID: String, busyTimeout: Int32 = 60_000,
    pauseBeforeCommit: (@Sendable () -> Void)? = nil
  ) throws(HistoryError) {
    self.path = path
    self.busyTimeout = busyTimeout
    self.policyID = policyID
    self.pauseBeforeCommit = pauseBeforeCommit
    if FileManager.default.fileExists(atPath: path) {
      let database = try HistoryFile.open(path, create: false, busyTimeout: busyTimeout)
      let latest = try database.prepare("SELECT coalesce(max(id), 0) FROM runs")
      baseline = try latest.step() ? latest.integer(0) : 0
      latest.reset()
      lookup = try database.prepare(
        "SELECT a.run_id, r.evaluated_at, a.status, a.findings FROM accounts AS a "
          + "JOIN runs AS r ON r.id = a.run_id WHERE a.policy_id = ?1 AND a.account_id = ?2 "
          + "AND a.run_id <= ?3 ORDER BY a.run_id DESC LIMIT 1")
      self.database = database
    } else {
      baseline = 0
      lookup = nil
    }
    // Note: "" opens a private database in a temporary file, removed when it closes.
    staged = try SQLiteDatabase(path: "", busyTimeout: busyTimeout)
    try staged.execute(
      "CREATE TABLE staged (position INTEGER PRIMARY KEY, account_id TEXT NOT NULL, "
        + "status TEXT NOT NULL, evidence_sha256 TEXT NOT NULL, findings TEXT NOT NULL)")
    stage = try staged.prepare("INSERT INTO staged VALUES (?1, ?2, ?3, ?4, ?5)")
  }

  public func annotate(_ account: AccountResult) -> AccountResult {
    lock.lock()
    defer { lock.unlock() }
    guard firstError == nil else { return account }
    do throws(HistoryError) {
      var annotated = account
      annotated.drift = Drift.compare(AccountSnapshot(account), with: try previous(account.id))
      return annotated
    } catch {
      firstError = error
      return account
    }
  }

  public func record(_ account: AccountResult) throws(ObserverError) {
    lock.lock()
    defer { lock.unlock() }
    do throws(HistoryError) {
      if let firstError { throw firstError }
      try stageRow(account)
    } catch {
      firstError = firstError ?? error
      throw ObserverError(error.description)
    }
  }

  public func finish(_ report: inout AuditReport) throws(ObserverError) {
    lock.lock()
    defer { lock.unlock() }
    do throws(HistoryError) {
      if let firstError { throw firstError }
      if staging.inTransaction {
        try staged.execute("COMMIT")
        staging.inTransaction = false
      }
    } catch {
      throw ObserverError(error.description)
    }
    report.drift = staging.drift
    self.report = report
  }

  public func discard() {
    lock.lock()
    defer { lock.unlock() }
    if staging.inTransaction { try? staged.execute("ROLLBACK") }
    try? staged.execute("DELETE FROM staged")
    staging = Staging()
    report = nil
  }

  /// Appends the finished run to the history, chained to the latest run.
  ///
  /// - Parameters:
  ///   - runFolder: where the run's reports were published, if anywhere.
  ///   - recordedAt: the wall-clock time of the append.
  /// - Returns: the run as recorded, with its number and record digest.
  public func commit(runFolder: String?, recordedAt: Date) throws(HistoryError) -> HistoryRun {
    lock.lock()
    defer { lock.unlock() }
    guard let report else {
      throw HistoryError(path: path, "the run is not finished; nothing to record")
    }
    let database: SQLiteDatabase
    if let opened = self.database {
      database = opened
    } else {
      database = try HistoryFile.open(path, create: true, busyTimeout: busyTimeout)
      self.database = database
    }
    let recorded = try database.immediateTransaction { () throws(HistoryError) -> HistoryRun in
      var run = try newRun(report, in: database, runFolder: runFolder, recordedAt: recordedAt)
      run.recordSHA256 = CanonicalRecord.digest(of: run)
      try database.prepare(
        "INSERT INTO runs (\(HistoryFile.runColumns)) VALUES "
          + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
      ).run(HistoryFile.values(of: run))
      try copyStagedRows(into: database, run: run.id)
      pauseBeforeCommit?()
      return run
    }
    try staged.execute("DELETE FROM staged")
    staging = Staging()
    self.report = nil
    return recorded
  }

  /// The run to append, numbered after every run ever appended (deleted ones included,
  /// which SQLite's AUTOINCREMENT remembers) and chained to the latest one.
  private func newRun(
    _ report: AuditReport, in database: SQLiteDatabase, runFolder: String?, recordedAt: Date
  ) throws(HistoryError) -> HistoryRun {
    let last = try database.prepare(
      "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'runs'), 0), "
        + "coalesce((SELECT max(id) FROM runs), 0)), "
        + "(SELECT record_sha256 FROM runs ORDER BY id DESC LIMIT 1)")
    defer { last.reset() }
    guard try last.step() else {
      throw HistoryError(path: database.path, "cannot read the latest run")
    }
    let summary = report.summary
    return HistoryRun(
      id: last.integer(0) + 1, recordedAt: Timestamp.format(recordedAt),
      evaluatedAt: Timestamp.format(report.generatedAt), toolVersion: report.tool.version,
      policyID: report.policy.id, policySHA256: report.policyFile.sha256,
      catalogSystem: report.catalog.system, catalogSHA256: report.catalogFile.sha256,
      evidenceSHA256: staging.evidenceDigest, shard: report.shard?.description,
      accounts: summary.accounts, compliant: summary.compliant,
      nonCompliant: summary.nonCompliant, inconclusive: summary.inconclusive,
      reportFolder: runFolder, rowsSHA256: staging.rowsDigest,
      previousSHA256: last.text(1) ?? CanonicalRecord.origin, recordSHA256: "")
  }

  /// Copies the staged rows into the history, in order, one prepared insert per row.
  private func copyStagedRows(into database: SQLiteDatabase, run: Int) throws(HistoryError) {
    let rows = try staged.prepare(
      "SELECT position, account_id, status, evidence_sha256, findings FROM staged "
        + "ORDER BY position")
    defer { rows.reset() }
    let insert = try database.prepare("INSERT INTO accounts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
    while try rows.step() {
      try insert.run([
        .integer(run), .integer(rows.integer(0)), .text(policyID), .text(rows.text(1) ?? ""),
        .text(rows.text(2) ?? ""), .text(rows.text(3) ?? ""), .text(rows.text(4) ?? ""),
      ])
    }
  }

  /// The account's latest run under this policy, up to the baseline.
  private func previous(_ accountID: String) throws(HistoryError) -> PreviousRun? {
    guard let lookup else { return nil }
    try lookup.bind([.text(policyID), .text(accountID), .integer(baseline)])
    // Note: reset at once, so no read snapshot outlives the lookup and blocks the append.
    defer { lookup.reset() }
    guard try lookup.step() else { return nil }
    let run = lookup.integer(0)
    guard let status = lookup.text(2).flatMap(AccountStatus.init(rawValue:)),
      let findings = lookup.text(3).flatMap(FindingsText.decode)
    else {
      throw HistoryError(
        path: path,
        "run \(run) holds an unreadable row for account '\(accountID)'; "
          + "run 'permaudit history verify'")
    }
    return PreviousRun(
      run: run, evaluatedAt: lookup.text(1) ?? "",
      snapshot: AccountSnapshot(accountID: accountID, status: status, findings: findings))
  }

  private func stageRow(_ account: AccountResult) throws(HistoryError) {
    if !staging.inTransaction {
      try staged.execute("BEGIN")
      staging.inTransaction = true
    }
    let row = AccountRow(
      position: staging.count, policyID: policyID, accountID: account.id,
      status: account.status.rawValue,
      evidenceSHA256: account.evidence.map(\.sha256).joined(separator: ","),
      findings: FindingsText.encode(account.findings.map(FindingRecord.init)))
    try stage.run([
      .integer(row.position), .text(row.accountID), .text(row.status),
      .text(row.evidenceSHA256), .text(row.findings),
    ])
    staging.count += 1
    staging.rowsDigest = CanonicalRecord.chain(staging.rowsDigest, row)
    staging.evidenceDigest = CanonicalRecord.chain(
      staging.evidenceDigest, evidence: row.evidenceSHA256)
    if let drift = account.drift { staging.drift.add(drift, accountID: account.id) }
    if staging.count % Self.batchSize == 0 {
      try staged.execute("COMMIT")
      staging.inTransaction = false
    }
  }
}
