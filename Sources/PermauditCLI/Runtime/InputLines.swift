import Foundation

/// Standard input read whole once and handed out a line at a time, for consoles that
/// only provide `readInput` (tests, and answers piped to `permaudit attest`).
final class InputLines: @unchecked Sendable {
  // Note: @unchecked because `lines` and `position` are only touched under `lock`.
  private let read: @Sendable () -> [UInt8]
  private let lock = NSLock()
  private var lines: [String]?
  private var position = 0

  init(read: @escaping @Sendable () -> [UInt8]) {
    self.read = read
  }

  /// The next line without its line end (`\n` or `\r\n`), or `nil` after the last.
  @Sendable func next() -> String? {
    lock.withLock {
      if lines == nil {
        var all = String(decoding: read(), as: UTF8.self)
          .split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
          }
        if all.last == "" { all.removeLast() }
        lines = all
      }
      guard let lines, position < lines.count else { return nil }
      position += 1
      return lines[position - 1]
    }
  }
}
