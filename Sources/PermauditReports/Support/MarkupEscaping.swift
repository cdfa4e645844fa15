/// Escapes user-supplied text for HTML and XML, so that no value can open a tag, end an
/// attribute, or start an entity: `<script>` shows as the text `<script>`.
///
/// Characters that XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF) and the
/// bidirectional overrides that can make text read differently from what it is are shown
/// as `\u{HEX}`, in both formats.
public enum MarkupEscaping {
  /// Text for element content.
  public static func text(_ value: String) -> String {
    escape(value, inAttribute: false)
  }

  /// Text for an attribute value in double or single quotes. Line breaks and tabs are
  /// written as character references so that attribute normalization keeps them.
  public static func attribute(_ value: String) -> String {
    escape(value, inAttribute: true)
  }

  private static func escape(_ value: String, inAttribute: Bool) -> String {
    // Note: most values have nothing to escape, and are returned as they are.
    guard mayChange(value) else { return value }
    let utf8 = Array(value.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count + 32)
    var index = 0
    while index < utf8.count {
      let (scalar, length) = decodeSpecial(utf8, at: index)
      switch scalar {
      case nil: result.append(utf8[index])
      case 0x26: result.append(contentsOf: "&amp;".utf8)
      case 0x3C: result.append(contentsOf: "&lt;".utf8)
      case 0x3E: result.append(contentsOf: "&gt;".utf8)
      case 0x22: result.append(contentsOf: "&quot;".utf8)
      case 0x27: result.append(contentsOf: "&#39;".utf8)
      case 0x0A, 0x0D, 0x09:
        if inAttribute {
          result.append(contentsOf: "&#\(scalar ?? 0);".utf8)
        } else if scalar != 0x0D {
          result.append(utf8[index])
        }
      case let value?:
        result.append(contentsOf: ("\\u{" + String(value, radix: 16, uppercase: true) + "}").utf8)
      }
      index += length
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// The character at `index` when ``escape(_:inAttribute:)`` changes it, and how many
  /// bytes it takes; `nil` and 1 for any other byte, which is copied as it is.
  private static func decodeSpecial(_ utf8: [UInt8], at index: Int) -> (UInt32?, Int) {
    let byte = utf8[index]
    switch byte {
    case 0x00..<0x20, 0x7F, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "\""), UInt8(ascii: "'"):
      return (UInt32(byte), 1)
    case 0xC2 where index + 1 < utf8.count && utf8[index + 1] < 0xA0:
      return (UInt32(utf8[index + 1]), 2)
    case 0xE2, 0xEF:
      guard index + 2 < utf8.count else { return (nil, 1) }
      let scalar =
        (UInt32(byte & 0x0F) << 12) | (UInt32(utf8[index + 1] & 0x3F) << 6)
        | UInt32(utf8[index + 2] & 0x3F)
      switch scalar {
      case 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF: return (scalar, 3)
      default: return (nil, 1)
      }
    default:
      return (nil, 1)
    }
  }

  /// Whether `value` has a character that ``escape(_:inAttribute:)`` changes: markup, a C0
  /// control, DEL, a C1 control (`C2 80`–`C2 9F`), one of U+2000–U+207F (`E2 80`, `E2 81`,
  /// which hold the bidirectional controls) or of U+FFC0–U+FFFF (`EF BF`).
  private static func mayChange(_ value: String) -> Bool {
    var previous: UInt8 = 0
    for byte in value.utf8 {
      switch byte {
      case 0x00..<0x20, 0x7F, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"),
        UInt8(ascii: "\""), UInt8(ascii: "'"):
        return true
      case 0x80..<0xA0 where previous == 0xC2, 0x80...0x81 where previous == 0xE2,
        0xBF where previous == 0xEF:
        return true
      default:
        previous = byte
      }
    }
    return false
  }
}
