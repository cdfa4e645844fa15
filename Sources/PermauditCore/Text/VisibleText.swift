/// Makes user-supplied text safe to show on one line of a report.
///
/// Line breaks and tabs become spaces. Control characters (which could move a terminal's
/// cursor or change its colours) and bidirectional overrides (which can make text read
/// differently from what it is) are shown as `\u{…}` instead of being passed through.
public enum VisibleText {
  /// `text` on one line, with every invisible control shown as `\u{HEX}`.
  public static func singleLine(_ text: String) -> String {
    // Note: most text has nothing to change, and is returned as it is.
    guard mayChange(text) else { return text }
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

  /// Whether `text` has a character that ``singleLine(_:)`` changes: a C0 control, DEL, a
  /// C1 control (U+0080–U+009F, `C2 80`–`C2 9F`), or one of U+2000–U+207F (`E2 80`, `E2 81`),
  /// the block that holds the line separators and the bidirectional controls.
  private static func mayChange(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte < 0x20 || byte == 0x7F { return true }
      if previous == 0xC2 && byte < 0xA0 { return true }
      if previous == 0xE2 && (byte == 0x80 || byte == 0x81) { return true }
      previous = byte
    }
    return false
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
