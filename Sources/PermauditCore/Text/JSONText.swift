/// JSON string escaping, shared by every writer of JSON in permaudit (reports, collected
/// evidence, the history's stored findings), so they all escape the same characters.
///
/// Quotes, backslashes and control characters are escaped, and so are U+2028 and U+2029,
/// which end lines in JavaScript. Everything else is written as UTF-8.
public enum JSONText {
  /// `text` as a JSON string literal, quotes included.
  public static func quoted(_ text: String) -> String {
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    appendEscaped(text, to: &bytes)
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `text`, escaped for the inside of a JSON string, to `bytes`.
  public static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
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
}
