import CSQLite

/// A compiled SQL statement: bind values, step through rows, read columns.
final class SQLiteStatement {
  private let statement: OpaquePointer
  private let database: SQLiteDatabase

  /// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ statement: OpaquePointer, database: SQLiteDatabase) {
    self.statement = statement
    self.database = database
  }

  deinit {
    sqlite3_finalize(statement)
  }

  /// Binds `values` to the parameters `?1`, `?2`, … after a reset.
  func bind(_ values: [SQLiteValue]) throws(HistoryError) {
    sqlite3_reset(statement)
    sqlite3_clear_bindings(statement)
    for (offset, value) in values.enumerated() {
      let position = Int32(offset + 1)
      let code: Int32
      switch value {
      case .null: code = sqlite3_bind_null(statement, position)
      case .integer(let number): code = sqlite3_bind_int64(statement, position, Int64(number))
      case .text(let text):
        // Note: bound by length, so a value holding U+0000 is stored whole.
        let bytes = Array(text.utf8)
        code = bytes.withUnsafeBufferPointer { buffer in
          buffer.baseAddress.map { base in
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
              sqlite3_bind_text(statement, position, $0, Int32(buffer.count), Self.transient)
            }
          } ?? sqlite3_bind_text(statement, position, "", 0, Self.transient)
        }
      }
      guard code == SQLITE_OK else { throw HistoryError(path: database.path, database.lastError) }
    }
  }

  /// Advances to the next row; `false` when there is none.
  func step() throws(HistoryError) -> Bool {
    switch sqlite3_step(statement) {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw HistoryError(path: database.path, database.lastError)
    }
  }

  /// Binds `values` and runs the statement to completion.
  func run(_ values: [SQLiteValue] = []) throws(HistoryError) {
    try bind(values)
    while try step() {}
  }

  /// Ends the current read, so the statement holds no snapshot of the database.
  func reset() {
    sqlite3_reset(statement)
  }

  /// The integer in column `index` of the current row.
  func integer(_ index: Int32) -> Int {
    Int(sqlite3_column_int64(statement, index))
  }

  /// The text in column `index` of the current row; `nil` for NULL.
  func text(_ index: Int32) -> String? {
    guard sqlite3_column_type(statement, index) != SQLITE_NULL else { return nil }
    guard let pointer = sqlite3_column_text(statement, index) else { return "" }
    let count = Int(sqlite3_column_bytes(statement, index))
    return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
  }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
  case null
  case integer(Int)
  case text(String)

  /// Text, or NULL for `nil`.
  static func optional(_ text: String?) -> SQLiteValue {
    text.map(SQLiteValue.text) ?? .null
  }
}
