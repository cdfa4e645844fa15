import Foundation

/// The comparison forms of names and values (SPEC §4 and §6).
///
/// Every Unicode white-space character counts as a space, runs of spaces fold to one and
/// the ends are trimmed; invisible format characters (zero-width space, U+FEFF, …) are
/// removed; the result is in Unicode NFC. Nothing else is folded: accents and look-alike
/// letters from other scripts stay different.
public enum TextNormalization {
  /// The comparison form of an attribute value; case is kept.
  public static func value(_ text: String) -> String {
    if let ascii = foldedASCII(text, lowercase: false) { return ascii }
    // Note: NFC comes last, since removing a format character can leave a letter next to
    // the combining mark that it kept apart.
    return foldSpaces(in: text).precomposedStringWithCanonicalMapping
  }

  /// The comparison form of an attribute value with case ignored (emails, or requirements
  /// that say `match: case-insensitive`).
  public static func caseInsensitiveValue(_ text: String) -> String {
    if let ascii = foldedASCII(text, lowercase: true) { return ascii }
    return value(text).lowercased()
  }

  /// The form under which permission names are matched: a value's form, lowercased, with
  /// typographic quotes made plain and `&` read as `and`.
  public static func permissionKey(_ name: String) -> String {
    // Note: `&` and the backtick are ASCII but rewritten below, so they take the long way.
    if let ascii = foldedASCII(name, lowercase: true),
      !ascii.contains(where: { $0 == "&" || $0 == "`" })
    {
      return ascii
    }

    var text = ""
    text.unicodeScalars.reserveCapacity(name.unicodeScalars.count)
    for scalar in name.unicodeScalars {
      switch scalar {
      case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{0060}", "\u{00B4}":
        text.unicodeScalars.append("'")
      case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}":
        text.unicodeScalars.append("\"")
      case "&", "\u{FF06}":
        text += " and "
      default:
        text.unicodeScalars.append(scalar)
      }
    }
    return value(text).lowercased()
  }

  /// Folds white space and drops format characters.
  static func foldSpaces(in text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if scalar.properties.generalCategory == .format { continue }
      if pendingSpace {
        result.unicodeScalars.append(" ")
        pendingSpace = false
      }
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  /// The fast path for pure ASCII text, which is already NFC and has no format characters;
  /// `nil` when the text holds anything else.
  static func foldedASCII(_ text: String, lowercase: Bool) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      guard byte < 0x80 else { return nil }
      if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace {
        bytes.append(0x20)
        pendingSpace = false
      }
      bytes.append(lowercase && byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
