/// Writes JSON with keys in the order given, so reports read top-down and are
/// byte-identical for the same inputs. Output is UTF-8 with two-space indentation.
public struct JSONWriter {
  /// The text written so far.
  public private(set) var output = ""
  private var indent = 0
  private var needsComma: [Bool] = []
  private var pendingKey = false

  public init() {}

  public mutating func beginObject() { open("{") }
  public mutating func endObject() { close("}") }
  public mutating func beginArray() { open("[") }
  public mutating func endArray() { close("]") }

  /// Writes a key; the next value belongs to it.
  public mutating func key(_ name: String) {
    separate()
    output += "\"" + Self.escaped(name) + "\": "
    pendingKey = true
  }

  public mutating func string(_ value: String) {
    separate()
    output += "\"" + Self.escaped(value) + "\""
  }

  public mutating func int(_ value: Int) {
    separate()
    output += String(value)
  }

  public mutating func bool(_ value: Bool) {
    separate()
    output += value ? "true" : "false"
  }

  public mutating func null() {
    separate()
    output += "null"
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

  /// Takes the text written so far, leaving the writer empty but in the same position, so
  /// that a long report can be written out as it is produced.
  public mutating func drain() -> String {
    defer { output = "" }
    return output
  }

  private mutating func open(_ bracket: String) {
    separate()
    output += bracket
    indent += 1
    needsComma.append(false)
  }

  private mutating func close(_ bracket: String) {
    let hadItems = needsComma.popLast() ?? false
    indent -= 1
    if hadItems { newline() }
    output += bracket
  }

  /// Before a value or key: the comma and line break it needs, unless it follows a key.
  private mutating func separate() {
    if pendingKey {
      pendingKey = false
      return
    }
    guard !needsComma.isEmpty else { return }
    if needsComma[needsComma.count - 1] { output += "," }
    needsComma[needsComma.count - 1] = true
    newline()
  }

  private mutating func newline() {
    output += "\n" + String(repeating: "  ", count: indent)
  }

  /// JSON string escaping; U+2028 and U+2029 are escaped too, for JavaScript consumers.
  public static func escaped(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{08}": result += "\\b"
      case "\u{0C}": result += "\\f"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
