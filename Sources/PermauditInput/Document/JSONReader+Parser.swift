/// The state of one JSON read: a cursor over the bytes and the line it is on.
///
/// Containers are kept on an explicit stack rather than the call stack, so that no input,
/// however deep, can exhaust the thread's stack before the depth limit is checked.
struct JSONParser {
  /// Whether the bytes are a whole document or one JSON Lines record.
  enum Mode {
    case document
    case lineRecord
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let file: String
  let maxDepth: Int
  let mode: Mode

  /// The next byte to read.
  var index = 0
  /// The 1-based line of `index`.
  var line: Int
  /// Where the current line starts.
  var lineStart = 0
  /// UTF-8 continuation bytes between `lineStart` and `index`, to count columns in scalars.
  var continuationBytes = 0
  /// Reused storage for strings with escapes.
  var scratch: [UInt8] = []

  init(
    bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int, maxDepth: Int,
    mode: Mode
  ) {
    self.bytes = bytes
    self.file = file
    self.line = firstLine
    self.maxDepth = maxDepth
    self.mode = mode
  }

  /// Where the cursor is.
  var location: SourceLocation { location(at: index) }

  /// Where a byte on the current line is, assuming no multi-byte scalar lies between it
  /// and the cursor.
  func location(at position: Int) -> SourceLocation {
    SourceLocation(
      file: file, line: line, column: position - lineStart - continuationBytes + 1)
  }

  var isAtEnd: Bool { index >= bytes.count }

  /// Reads the single value of the input and checks that nothing follows it.
  mutating func parseDocument() throws(InputError) -> Node {
    if mode == .document { skipByteOrderMark() }
    skipWhitespace()
    guard !isAtEnd else { throw .emptyDocument(file: file, format: "JSON") }

    let root = try parseValue()

    skipWhitespace()
    guard isAtEnd else { throw contentAfterValue() }
    return root
  }

  /// Reads one value, with everything nested inside it.
  mutating func parseValue() throws(InputError) -> Node {
    var stack: [JSONFrame] = []

    reading: while true {
      // Read the start of a value: a scalar is complete, a container is opened.
      skipWhitespace()
      guard !isAtEnd else { throw unexpectedEnd(inside: stack.last) }
      var value: Node
      let start = location
      switch bytes[index] {
      case JSONByte.openBrace, JSONByte.openBracket:
        guard stack.count < maxDepth else {
          throw .nestingTooDeep(maxDepth: maxDepth, at: start)
        }
        var frame = JSONFrame(isObject: bytes[index] == JSONByte.openBrace, location: start)
        index += 1
        skipWhitespace()
        if !isAtEnd && bytes[index] == frame.closer {
          index += 1
          value = frame.makeNode()
        } else {
          if frame.isObject { try readKey(into: &frame) }
          stack.append(frame)
          continue reading
        }
      default:
        value = try parseScalar()
      }

      // Attach the value to its container, closing every container that ends after it.
      while var frame = stack.popLast() {
        frame.add(value)
        skipWhitespace()
        guard !isAtEnd else { throw unexpectedEnd(inside: frame) }

        if bytes[index] == JSONByte.comma {
          let comma = location
          index += 1
          skipWhitespace()
          try rejectTrailingComma(at: comma)
          if frame.isObject { try readKey(into: &frame) }
          stack.append(frame)
          continue reading
        }
        guard bytes[index] == frame.closer else { throw missingSeparator(after: frame) }
        index += 1
        value = frame.makeNode()
      }
      return value
    }
  }

  /// Reads `"key":` into the frame, refusing a key the object already has.
  mutating func readKey(into frame: inout JSONFrame) throws(InputError) {
    guard !isAtEnd else { throw unexpectedEnd(inside: frame) }
    guard bytes[index] == JSONByte.quote else { throw missingKey() }

    let keyLocation = location
    let key = try parseString()
    if let first = frame.mapping.firstLocation(of: key) {
      throw .duplicateKey(key, at: keyLocation, first: first)
    }

    skipWhitespace()
    guard !isAtEnd else { throw unexpectedEnd(inside: frame) }
    guard bytes[index] == JSONByte.colon else { throw missingColon(after: key) }
    index += 1
    frame.key = key
    frame.keyLocation = keyLocation
  }

  /// Reads `true`, `false`, `null`, a number or a string.
  mutating func parseScalar() throws(InputError) -> Node {
    let start = location
    switch bytes[index] {
    case JSONByte.quote:
      return Node(.string(try parseString()), at: start)
    case JSONByte.minus, JSONByte.zero...JSONByte.nine:
      return Node(.number(try parseNumber()), at: start)
    case UInt8(ascii: "t") where matches("true"):
      index += 4
      return Node(.bool(true), at: start)
    case UInt8(ascii: "f") where matches("false"):
      index += 5
      return Node(.bool(false), at: start)
    case UInt8(ascii: "n") where matches("null"):
      index += 4
      return Node(.null, at: start)
    default:
      throw unexpectedValueStart()
    }
  }

  /// Whether the bytes at the cursor spell `word` and no letter follows it.
  func matches(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard bytes.count - index >= count else { return false }
    let text = UnsafeBufferPointer(start: word.utf8Start, count: count)
    for offset in 0..<count where bytes[index + offset] != text[offset] {
      return false
    }
    let next = index + count
    return next == bytes.count || !JSONByte.isWordByte(bytes[next])
  }

  mutating func skipByteOrderMark() {
    guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else {
      return
    }
    index = 3
    lineStart = 3
  }

  /// Skips the four JSON white-space bytes, counting lines.
  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case JSONByte.space, JSONByte.tab, JSONByte.carriageReturn:
        index += 1
      case JSONByte.lineFeed:
        index += 1
        line += 1
        lineStart = index
        continuationBytes = 0
      default:
        return
      }
    }
  }
}

/// One list or object that is open while its contents are read.
struct JSONFrame {
  let isObject: Bool
  /// Where the opening bracket stands.
  let location: SourceLocation
  var items: [Node] = []
  var mapping = DocumentMappingBuilder()
  /// The key whose value is being read, in an object.
  var key = ""
  var keyLocation: SourceLocation

  init(isObject: Bool, location: SourceLocation) {
    self.isObject = isObject
    self.location = location
    self.keyLocation = location
  }

  var opener: UInt8 { isObject ? JSONByte.openBrace : JSONByte.openBracket }
  var closer: UInt8 { isObject ? JSONByte.closeBrace : JSONByte.closeBracket }
  var kindName: String { isObject ? "object" : "list" }

  mutating func add(_ value: Node) {
    if isObject {
      mapping.append(MappingEntry(key: key, keyLocation: keyLocation, value: value))
    } else {
      items.append(value)
    }
  }

  func makeNode() -> Node {
    Node(isObject ? .mapping(mapping.entries) : .sequence(items), at: location)
  }
}
