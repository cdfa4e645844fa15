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
    var result = ""
    result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\n", "\r", "\t":
        if inAttribute {
          result += "&#\(scalar.value);"
        } else {
          result += scalar == "\r" ? "" : String(scalar)
        }
      default:
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF:
          result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default:
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
