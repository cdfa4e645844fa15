import Foundation

/// Remembers the results of a pure function of text, for the spellings a batch repeats.
///
/// Safe to share between the threads that evaluate accounts; the result is the function's
/// either way, so the memo never changes what an audit says. It holds at most ``capacity``
/// entries and starts over when full, so memory stays bounded whatever the input.
///
/// Note: texts are found by a hash of their UTF-8 bytes in a table of its own, since
/// `Dictionary` hashes a `String` with SipHash, which costs more than the lookups save.
final class Memo<Value: Sendable>: @unchecked Sendable {
  static var capacity: Int { 4096 }

  // Note: every access holds `lock`, so the run-time exclusivity check adds nothing.
  @exclusivity(unchecked) private var table = MemoTable<Value>()
  private let lock = NSLock()

  /// The value for `key`: remembered, or computed by `compute` and remembered.
  func value(for key: String, _ compute: (String) -> Value) -> Value {
    let hash = MemoTable<Value>.hash(key)
    lock.lock()
    if let known = table.value(for: key, hash: hash) {
      lock.unlock()
      return known
    }
    lock.unlock()

    let value = compute(key)
    lock.lock()
    if table.count >= Self.capacity { table.removeAll() }
    table.insert(value, for: key, hash: hash)
    lock.unlock()
    return value
  }
}

/// An open-addressing hash table from texts to values, keyed by FNV-1a of the UTF-8 bytes.
struct MemoTable<Value> {
  // Note: parallel arrays, so that probing reads hashes without copying keys or values.
  private var hashes: [UInt64] = Array(repeating: 0, count: 16)
  private var keys: [String] = Array(repeating: "", count: 16)
  /// `nil` marks an empty slot.
  private var values: [Value?] = Array(repeating: nil, count: 16)
  private(set) var count = 0

  func value(for key: String, hash: UInt64) -> Value? {
    let mask = values.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while values[slot] != nil {
      if hashes[slot] == hash, keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Adds `value` for `key`, which the table does not hold.
  mutating func insert(_ value: Value, for key: String, hash: UInt64) {
    if (count + 1) * 2 > values.count { grow() }
    let mask = values.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while values[slot] != nil {
      if hashes[slot] == hash, keys[slot] == key { return }
      slot = (slot + 1) & mask
    }
    hashes[slot] = hash
    keys[slot] = key
    values[slot] = value
    count += 1
  }

  mutating func removeAll() {
    for slot in values.indices {
      keys[slot] = ""
      values[slot] = nil
    }
    count = 0
  }

  private mutating func grow() {
    let old = (hashes, keys, values)
    let size = values.count * 2
    hashes = Array(repeating: 0, count: size)
    keys = Array(repeating: "", count: size)
    values = Array(repeating: nil, count: size)
    count = 0
    for slot in old.2.indices {
      guard let value = old.2[slot] else { continue }
      insert(value, for: old.1[slot], hash: old.0[slot])
    }
  }

  /// FNV-1a of the text's UTF-8 bytes.
  static func hash(_ text: String) -> UInt64 {
    if let hash = text.utf8.withContiguousStorageIfAvailable({ hash($0) }) { return hash }
    return hash(Array(text.utf8))
  }

  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash
  }

  private static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { hash($0) }
  }
}
