import PermauditCore

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
    JSONText.appendEscaped(text, to: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  /// `text` escaped for a JSON string, without the quotes.
  public static func escaped(_ text: String) -> String {
    var bytes: [UInt8] = []
    JSONText.appendEscaped(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
