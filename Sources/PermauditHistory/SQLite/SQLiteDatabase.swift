import CSQLite
import Foundation

/// One connection to a SQLite database file: the little of SQLite's C API the history
/// needs, with every failure turned into a ``HistoryError`` that names the file.
final class SQLiteDatabase {
  let path: String
  private let handle: OpaquePointer

  /// Opens (creating if needed) the database at `path`, waiting up to `busyTimeout`
  /// milliseconds for another process's lock before giving up.
  init(path: String, busyTimeout: Int32 = 60_000, create: Bool = true)
    throws(HistoryError)
  {
    self.path = path
    var handle: OpaquePointer?
    let flags =
      SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX
    let code = sqlite3_open_v2(path, &handle, flags, nil)
    guard code == SQLITE_OK, let handle else {
      let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close(handle)
      throw HistoryError(path: path, "cannot open the history: \(reason)")
    }
    self.handle = handle
    sqlite3_busy_timeout(handle, busyTimeout)
    sqlite3_extended_result_codes(handle, 1)
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  /// Runs one or more statements that return no rows.
  func execute(_ sql: String) throws(HistoryError) {
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &message)
    guard code == SQLITE_OK else {
      let reason = message.map { String(cString: $0) } ?? lastError
      sqlite3_free(message)
      throw HistoryError(path: path, reason)
    }
  }

  /// A compiled statement.
  func prepare(_ sql: String) throws(HistoryError) -> SQLiteStatement {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement
    else {
      throw HistoryError(path: path, lastError)
    }
    return SQLiteStatement(statement, database: self)
  }

  /// Runs `body` in a transaction that takes the write lock at once (`BEGIN IMMEDIATE`),
  /// so concurrent writers queue up instead of deadlocking; rolls back if it throws.
  func immediateTransaction<T>(_ body: () throws(HistoryError) -> T) throws(HistoryError)
    -> T
  {
    try execute("BEGIN IMMEDIATE")
    do {
      let value = try body()
      try execute("COMMIT")
      return value
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// SQLite's message for the last failure.
  var lastError: String {
    let message = String(cString: sqlite3_errmsg(handle))
    let code = sqlite3_extended_errcode(handle)
    if code & 0xFF == SQLITE_BUSY {
      return message + " (another permaudit run held the history too long)"
    }
    return message
  }
}
