/// A forward-only cursor over one JSON Lines record for ``EvidenceRecordDecoder``.
///
/// It reads only the JSON that evidence records are usually written in: objects, lists,
/// strings, `true`, `false` and `null`. Every read answers `nil` (or `false`) when the
/// bytes hold anything else, a number or a problem alike, and the record is then left to
/// ``JSONReader``, which accepts or explains it. What it does accept, it reads exactly as
/// ``JSONReader`` does.
struct EvidenceRecordScanner {
  /// A scalar value as the fast path reads it.
  enum Scalar {
    case null
    case bool(Bool)
    case text(String)
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte to read.
  var index = 0
  /// Storage for the text of a string with escapes.
  var scratch: [UInt8] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Whether nothing but white space is left.
  mutating func isAtEnd() -> Bool {
    skipWhitespace()
    return index == bytes.count
  }

  /// Steps over white space and then `byte`, if `byte` comes next.
  mutating func skip(_ byte: UInt8) -> Bool {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// Steps over white space and `null`, if it comes next.
  mutating func skipNull() -> Bool {
    skipWhitespace()
    guard matches("null") else { return false }
    index += 4
    return true
  }

  /// Steps over what follows an entry of an object or list: `true` after a comma (another
  /// entry follows), `false` after `closer`, and `nil` for anything else.
  mutating func entryFollows(closer: UInt8) -> Bool? {
    skipWhitespace()
    guard index < bytes.count else { return nil }
    let byte = bytes[index]
    index += 1
    if byte == JSONByte.comma { return true }
    return byte == closer ? false : nil
  }

  /// Reads `"key":` and returns the key's bytes; `nil` unless the key is ASCII without
  /// escapes, whose bytes compare as its text does.
  ///
  /// Note: Swift compares strings by canonical equivalence, under which some non-ASCII
  /// keys equal others; the strict reader, which finds duplicates that way, judges them.
  mutating func key() -> UnsafeBufferPointer<UInt8>? {
    guard skip(JSONByte.quote) else { return nil }
    let start = index
    skipPlainASCII()
    guard index < bytes.count, bytes[index] == JSONByte.quote else { return nil }
    let key = UnsafeBufferPointer(rebasing: bytes[start..<index])
    index += 1
    return skip(JSONByte.colon) ? key : nil
  }

  /// Reads a string, `true`, `false` or `null`.
  mutating func scalar() -> Scalar? {
    skipWhitespace()
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case JSONByte.quote:
      return text().map(Scalar.text)
    case UInt8(ascii: "t") where matches("true"):
      index += 4
      return .bool(true)
    case UInt8(ascii: "f") where matches("false"):
      index += 5
      return .bool(false)
    case UInt8(ascii: "n") where matches("null"):
      index += 4
      return .null
    default:
      return nil
    }
  }

  /// Whether the bytes at the cursor spell `word`.
  private func matches(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard bytes.count - index >= count else { return false }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      return false
    }
    return true
  }

  /// Steps over the JSON white space a line can hold: space, tab and carriage return.
  mutating func skipWhitespace() {
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == JSONByte.space || byte == JSONByte.tab || byte == JSONByte.carriageReturn
      else { return }
      index += 1
    }
  }
}
