import Foundation

/// The escapers as they were before they learned to skip text with nothing to escape and
/// to work on bytes: the reference the faster ones must match for every input.
enum ReferenceEscaping {
  static func visibleLine(_ text: String) -> String {
    var result = ""
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      defer { previousWasCarriageReturn = scalar == "\r" }
      switch scalar.value {
      case 0x0A:
        if !previousWasCarriageReturn { result += " " }
      case 0x09, 0x0D, 0x85, 0x2028, 0x2029:
        result += " "
      case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  static func markup(_ value: String, inAttribute: Bool) -> String {
    var result = ""
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

  static func markdownText(_ value: String) -> String {
    let inlineSpecials: Set<Unicode.Scalar> = [
      "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$",
    ]
    let lineStartSpecials: Set<Unicode.Scalar> = ["#", "+", "-", "="]
    // Note: by scalar, so a special that a combining mark follows is escaped too.
    var result = ""
    for (offset, scalar) in visibleLine(value).unicodeScalars.enumerated() {
      if inlineSpecials.contains(scalar) || (offset == 0 && lineStartSpecials.contains(scalar)) {
        result.unicodeScalars.append("\\")
      }
      result.unicodeScalars.append(scalar)
    }
    let digits = result.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 9 else { return result }
    let rest = result.dropFirst(digits.count)
    guard let marker = rest.first, marker == "." || marker == ")" else { return result }
    return digits + "\\" + rest
  }

  static func markdownCode(_ value: String, inTable: Bool) -> String {
    var content = visibleLine(value)
    if inTable {
      if content.contains("\\") && content.contains("|") { return markdownText(value) }
      content = String(
        String.UnicodeScalarView(
          content.unicodeScalars.flatMap { $0 == "|" ? ["\\", $0] : [$0] }))
    }
    if content.isEmpty { return "` `" }
    var longestRun = 0
    var run = 0
    for scalar in content.unicodeScalars {
      run = scalar == "`" ? run + 1 : 0
      longestRun = max(longestRun, run)
    }
    let fence = String(repeating: "`", count: longestRun + 1)
    let first = content.unicodeScalars.first ?? " "
    let last = content.unicodeScalars.last ?? " "
    let isBlank = content.allSatisfy { $0 == " " }
    let needsPadding = first == "`" || last == "`" || (first == " " && last == " " && !isBlank)
    let padding = needsPadding ? " " : ""
    return fence + padding + content + padding + fence
  }

  static func csvCell(_ value: String) -> String {
    let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    var text = value
    if let first = text.unicodeScalars.first, formulaStarts.contains(first) {
      text = "'" + text
    }
    let needsQuotes = text.unicodeScalars.contains {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
    }
    guard needsQuotes else { return text }
    let doubled = text.unicodeScalars.flatMap { $0 == "\"" ? [$0, $0] : [$0] }
    return "\"" + String(String.UnicodeScalarView(doubled)) + "\""
  }

  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}

/// Strings made of pieces that escaping and wrapping treat specially, or that join with
/// their neighbours into one character (combining marks, joiners, prepended marks, CR LF).
struct TrickyText {
  static let pieces: [String] = [
    "a", "Zz", "9", "1.", "2)", " ", "  ", "\"", "'", "&", "<", ">", "\\", "`", "*", "_", "[",
    "]", "|", "~", "$", "#", "+", "-", "=", "@", ",", "\t", "\r", "\n", "\r\n", "\u{0}",
    "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "e\u{301}", "\u{301}",
    "\u{0600}", "\u{200D}", "\u{FE0F}", "\u{1F468}", "→", "\u{2027}", "\u{2028}", "\u{2029}",
    "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}",
    "\u{FFBF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "日本", "\u{1100}\u{1161}", "\u{0903}",
    "\u{1F1FA}\u{1F1F8}", "word", "longerword",
  ]

  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// A string of up to `maximumPieces` pieces.
  mutating func next(maximumPieces: Int = 12) -> String {
    var text = ""
    for _ in 0..<Int(random() % UInt64(maximumPieces + 1)) {
      text += Self.pieces[Int(random() % UInt64(Self.pieces.count))]
    }
    return text
  }

  /// SplitMix64, so that a failing string can be found again.
  private mutating func random() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
