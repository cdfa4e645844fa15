import Foundation

/// Remembers the results of a pure function of text, for the spellings a batch repeats.
///
/// Safe to share between the threads that evaluate accounts; the result is the function's
/// either way, so the memo never changes what an audit says. It holds at most ``capacity``
/// entries and starts over when full, so memory stays bounded whatever the input.
final class Memo<Value: Sendable>: @unchecked Sendable {
  static var capacity: Int { 4096 }

  private var values: [String: Value] = [:]
  private let lock = NSLock()

  /// The value for `key`: remembered, or computed by `compute` and remembered.
  func value(for key: String, _ compute: (String) -> Value) -> Value {
    lock.lock()
    if let known = values[key] {
      lock.unlock()
      return known
    }
    lock.unlock()

    let value = compute(key)
    lock.lock()
    if values.count >= Self.capacity { values.removeAll(keepingCapacity: true) }
    values[key] = value
    lock.unlock()
    return value
  }
}
