/// Writes JSON as UTF-8 bytes with keys in the order given, so reports read top-down and
/// are byte-identical for the same inputs. Two-space indentation, starting at any depth so
/// that a fragment (one account of a streamed report) lines up inside its parent.
public struct JSONWriter {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []
  private var depth: Int
  private var needsComma: [Bool] = []
  private var pendingKey = false

  /// A writer whose first value sits at `depth` levels of indentation.
  public init(depth: Int = 0, capacity: Int = 1024) {
    self.depth = depth
    bytes.reserveCapacity(capacity)
  }

  /// The bytes written so far, as text.
  public var output: String { String(decoding: bytes, as: UTF8.self) }

  public mutating func beginObject() { open(UInt8(ascii: "{")) }
  public mutating func endObject() { close(UInt8(ascii: "}")) }
  public mutating func beginArray() { open(UInt8(ascii: "[")) }
  public mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Writes a key; the next value belongs to it.
  public mutating func key(_ name: String) {
    separate()
    appendQuoted(name)
    bytes.append(UInt8(ascii: ":"))
    bytes.append(UInt8(ascii: " "))
    pendingKey = true
  }

  public mutating func string(_ value: String) {
    separate()
    appendQuoted(value)
  }

  public mutating func int(_ value: Int) {
    separate()
    bytes.append(contentsOf: String(value).utf8)
  }

  public mutating func bool(_ value: Bool) {
    separate()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
  }

  /// `"key": "value"`, or nothing when `value` is `nil`.
  public mutating func field(_ name: String, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  public mutating func field(_ name: String, _ value: Int) {
    key(name)
    int(value)
  }

  private mutating func open(_ bracket: UInt8) {
    separate()
    bytes.append(bracket)
    depth += 1
    needsComma.append(false)
  }

  private mutating func close(_ bracket: UInt8) {
    let hadItems = needsComma.popLast() ?? false
    depth -= 1
    if hadItems { newline() }
    bytes.append(bracket)
  }

  /// Before a value or key: the comma and line break it needs, unless it follows a key.
  private mutating func separate() {
    if pendingKey {
      pendingKey = false
      return
    }
    guard let last = needsComma.indices.last else { return }
    if needsComma[last] { bytes.append(UInt8(ascii: ",")) }
    needsComma[last] = true
    newline()
  }

  private mutating func newline() {
    bytes.append(UInt8(ascii: "\n"))
    for _ in 0..<depth {
      bytes.append(UInt8(ascii: " "))
      bytes.append(UInt8(ascii: " "))
    }
  }

  private mutating func appendQuoted(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    Self.appendEscaped(text, to: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  /// JSON string escaping of `text` onto `bytes`; U+2028 and U+2029 are escaped too, for
  /// JavaScript consumers.
  static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
    var text = text
    text.withUTF8 { utf8 in
      // Note: most values need no escaping; copy those in one go.
      if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x7F }) {
        bytes.append(contentsOf: utf8)
        return
      }
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x00..<0x20, 0x7F:
          appendUnicodeEscape(UInt32(byte), to: &bytes)
        case 0xE2
        where index + 2 < utf8.count && utf8[index + 1] == 0x80
          && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
          appendUnicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &bytes)
          index += 2
        default:
          bytes.append(byte)
        }
        index += 1
      }
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func appendUnicodeEscape(_ value: UInt32, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
    for shift in stride(from: 12, through: 0, by: -4) {
      bytes.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
    }
  }

  /// `text` escaped for a JSON string, without the quotes.
  public static func escaped(_ text: String) -> String {
    var bytes: [UInt8] = []
    appendEscaped(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
