/// Makes user-supplied text safe to show on one line of a report.
///
/// Line breaks and tabs become spaces. Control characters (which could move a terminal's
/// cursor or change its colours) and bidirectional overrides (which can make text read
/// differently from what it is) are shown as `\u{…}` instead of being passed through.
public enum VisibleText {
  /// `text` on one line, with every invisible control shown as `\u{HEX}`.
  public static func singleLine(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      defer { previousWasCarriageReturn = scalar == "\r" }
      switch scalar.value {
      case 0x0A:
        // Note: CR LF is one line break, so it becomes one space.
        if !previousWasCarriageReturn { result += " " }
      case 0x09, 0x0D, 0x85, 0x2028, 0x2029:
        result += " "
      default:
        appendVisible(scalar, to: &result)
      }
    }
    return result
  }

  /// `text` on one line with line breaks shown as `\u{HEX}` too, for error messages whose
  /// every character should stay visible.
  public static func escapingLineBreaks(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x2028, 0x2029: appendEscape(scalar, to: &result)
      default: appendVisible(scalar, to: &result)
      }
    }
    return result
  }

  /// `scalar`, or its `\u{HEX}` form when it is a control or a bidirectional override.
  private static func appendVisible(_ scalar: Unicode.Scalar, to result: inout String) {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
      appendEscape(scalar, to: &result)
    default:
      result.unicodeScalars.append(scalar)
    }
  }

  private static func appendEscape(_ scalar: Unicode.Scalar, to result: inout String) {
    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
  }
}
