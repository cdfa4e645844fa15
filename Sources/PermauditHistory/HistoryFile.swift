import Foundation

/// Opening the history file: the folder it lives in, SQLite's settings for safe concurrent
/// use, and the schema.
///
/// ```
/// runs           one row per audit run, hash-chained (see HistoryRun)
/// accounts       one row per account per run: status, evidence digests, findings (JSON)
/// notifications  delivery log of webhook notifications (not part of the chain)
/// ```
enum HistoryFile {
  /// The schema version this build writes, kept in `PRAGMA user_version`.
  static let schemaVersion = 1

  /// Opens the history at `path`, creating it and its folder when `create` is set.
  ///
  /// The database uses write-ahead logging (readers never block the writer, and a process
  /// killed mid-write leaves the last committed state), full sync on commit, and waits up
  /// to `busyTimeout` milliseconds for another run's lock.
  static func open(_ path: String, create: Bool, busyTimeout: Int32) throws(HistoryError)
    -> SQLiteDatabase
  {
    if create {
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty {
        do {
          try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        } catch {
          throw HistoryError(path: path, "cannot create the folder '\(folder)'")
        }
      }
    } else if !FileManager.default.fileExists(atPath: path) {
      throw HistoryError(
        path: path, "no history here; run 'permaudit audit' first or pass --history PATH")
    }
    let database = try SQLiteDatabase(path: path, busyTimeout: busyTimeout, create: create)
    try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
    try database.immediateTransaction { () throws(HistoryError) in
      let version = try database.prepare("PRAGMA user_version")
      let current = try version.step() ? version.integer(0) : 0
      version.reset()
      guard current <= schemaVersion else {
        throw HistoryError(
          path: path,
          "written by a newer permaudit (schema \(current)); upgrade permaudit to read it")
      }
      if current < schemaVersion {
        try database.execute(schema + "PRAGMA user_version = \(schemaVersion);")
      }
    }
    return database
  }

  private static let schema = """
    CREATE TABLE IF NOT EXISTS runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      recorded_at TEXT NOT NULL, evaluated_at TEXT NOT NULL, tool_version TEXT NOT NULL,
      policy_id TEXT NOT NULL, policy_sha256 TEXT NOT NULL,
      catalog_system TEXT NOT NULL, catalog_sha256 TEXT NOT NULL,
      evidence_sha256 TEXT NOT NULL, shard TEXT,
      accounts INTEGER NOT NULL, compliant INTEGER NOT NULL,
      non_compliant INTEGER NOT NULL, inconclusive INTEGER NOT NULL,
      report_folder TEXT, rows_sha256 TEXT NOT NULL,
      previous_sha256 TEXT NOT NULL, record_sha256 TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS accounts (
      run_id INTEGER NOT NULL, position INTEGER NOT NULL, policy_id TEXT NOT NULL,
      account_id TEXT NOT NULL, status TEXT NOT NULL, evidence_sha256 TEXT NOT NULL,
      findings TEXT NOT NULL, PRIMARY KEY (run_id, position)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS accounts_by_account
      ON accounts (policy_id, account_id, run_id);
    CREATE TABLE IF NOT EXISTS notifications (
      run_id INTEGER NOT NULL, attempted_at TEXT NOT NULL, target TEXT NOT NULL,
      outcome TEXT NOT NULL, attempts INTEGER NOT NULL, detail TEXT);

    """

  /// The columns of `runs` in ``HistoryRun``'s order, for SELECT and INSERT.
  static let runColumns =
    "id, recorded_at, evaluated_at, tool_version, policy_id, policy_sha256, catalog_system, "
    + "catalog_sha256, evidence_sha256, shard, accounts, compliant, non_compliant, "
    + "inconclusive, report_folder, rows_sha256, previous_sha256, record_sha256"

  /// The run in the current row of a statement selecting ``runColumns``.
  static func run(from row: SQLiteStatement) -> HistoryRun {
    HistoryRun(
      id: row.integer(0), recordedAt: row.text(1) ?? "", evaluatedAt: row.text(2) ?? "",
      toolVersion: row.text(3) ?? "", policyID: row.text(4) ?? "",
      policySHA256: row.text(5) ?? "", catalogSystem: row.text(6) ?? "",
      catalogSHA256: row.text(7) ?? "", evidenceSHA256: row.text(8) ?? "",
      shard: row.text(9), accounts: row.integer(10), compliant: row.integer(11),
      nonCompliant: row.integer(12), inconclusive: row.integer(13),
      reportFolder: row.text(14), rowsSHA256: row.text(15) ?? "",
      previousSHA256: row.text(16) ?? "", recordSHA256: row.text(17) ?? "")
  }

  /// The values of a run for an INSERT of ``runColumns``.
  static func values(of run: HistoryRun) -> [SQLiteValue] {
    [
      .integer(run.id), .text(run.recordedAt), .text(run.evaluatedAt), .text(run.toolVersion),
      .text(run.policyID), .text(run.policySHA256), .text(run.catalogSystem),
      .text(run.catalogSHA256), .text(run.evidenceSHA256), .optional(run.shard),
      .integer(run.accounts), .integer(run.compliant), .integer(run.nonCompliant),
      .integer(run.inconclusive), .optional(run.reportFolder), .text(run.rowsSHA256),
      .text(run.previousSHA256), .text(run.recordSHA256),
    ]
  }
}
