import Foundation
import PermauditCore

/// Escapes user-supplied text so that Markdown (CommonMark and GitHub Flavored Markdown)
/// shows it as written and never as markup: no links, images, HTML, emphasis, headings,
/// lists or broken table rows come out of a value such as `<script>` or `[x](javascript:…)`.
///
/// Every function also puts the text on one line (line breaks become spaces) and shows
/// control characters and bidirectional overrides as `\u{…}`.
public enum MarkdownEscaping {
  /// Characters that start or end inline markup anywhere in a line. `&` is included so an
  /// entity such as `&lt;` stays literal; `$` because GitHub renders `$…$` as math; `|`
  /// because it splits table cells.
  static let inlineSpecials: Set<Character> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$",
  ]

  /// Characters that start a block (heading, list, quote, setext underline) at the start of
  /// a line.
  static let lineStartSpecials: Set<Character> = ["#", "+", "-", "="]

  /// Text for a paragraph, list item or heading.
  public static func text(_ value: String) -> String {
    let line = VisibleText.singleLine(value)
    guard mayNeedEscaping(line) else { return line }
    return escapingOrderedListMarker(escapedByBytes(line))
  }

  /// Text for a table cell: as ``text(_:)``, which also escapes `|` and backslash and puts
  /// line breaks on one line. An empty value gives an empty cell.
  public static func tableCell(_ value: String) -> String {
    text(value)
  }

  /// A code span showing `value` literally, with a backtick fence longer than any run of
  /// backticks inside it. Inside a table, pass `inTable: true` so that `|` is escaped
  /// (GitHub Flavored Markdown removes that escape again inside code spans in tables).
  public static func code(_ value: String, inTable: Bool = false) -> String {
    var content = VisibleText.singleLine(value)
    // Note: the byte checks below only skip work whose result they already know.
    if inTable && content.utf8.contains(UInt8(ascii: "|")) {
      // Note: a table row splits at a `|` that follows an escaped backslash even inside a
      // code span, and no code span in a table shows `\|` exactly, so such a value is
      // written as escaped text instead.
      if content.contains("\\") && content.contains("|") { return tableCell(value) }
      // Note: by scalar, so that a `|` a combining mark follows is escaped too.
      var escaped = String.UnicodeScalarView()
      for scalar in content.unicodeScalars {
        if scalar == "|" { escaped.append("\\") }
        escaped.append(scalar)
      }
      content = String(escaped)
    }
    if content.isEmpty { return "` `" }

    var longestRun = 0
    var run = 0
    if content.utf8.contains(UInt8(ascii: "`")) {
      // Note: by scalar, as CommonMark counts backticks, so that a backtick a combining
      // mark follows still counts and cannot close the span early.
      for scalar in content.unicodeScalars {
        run = scalar == "`" ? run + 1 : 0
        longestRun = max(longestRun, run)
      }
    }
    let fence = String(repeating: "`", count: longestRun + 1)
    // Note: CommonMark strips one space on each side when both ends have one, so padding
    // keeps a value that starts or ends with a backtick or a space intact.
    let first = content.unicodeScalars.first ?? " "
    let last = content.unicodeScalars.last ?? " "
    let needsPadding =
      first == "`" || last == "`"
      || (first == " " && last == " " && !content.allSatisfy { $0 == " " })
    let padding = needsPadding ? " " : ""
    return fence + padding + content + padding + fence
  }

  /// A link to `url` titled `title`, when `url` is an `http` or `https` address; otherwise
  /// the title and the address as plain text, so a `javascript:` address is never a link.
  public static func link(_ title: String, url: String) -> String {
    let trimmed = url.trimmingCharacters(in: .whitespaces)
    let lowercased = trimmed.lowercased()
    guard lowercased.hasPrefix("https://") || lowercased.hasPrefix("http://") else {
      return text(title) + " (" + text(url) + ")"
    }
    return "[" + text(title) + "](<" + linkDestination(trimmed) + ">)"
  }

  /// `url` percent-encoded where it would end or break an angle-bracket link destination.
  static func linkDestination(_ url: String) -> String {
    var result = ""
    for scalar in url.unicodeScalars {
      switch scalar {
      case "<", ">", "\\", " ", "|", "`":
        result += "%" + String(scalar.value, radix: 16, uppercase: true)
      default:
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "%" + (hex.count == 1 ? "0" : "") + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// Whether ``text(_:)`` may change `line`: it holds a byte of ``inlineSpecials``, or
  /// starts with one of ``lineStartSpecials`` or a digit (an ordered list's number). All of
  /// them are ASCII, so a line without those bytes has none of those characters.
  private static func mayNeedEscaping(_ line: String) -> Bool {
    guard let first = line.utf8.first else { return false }
    if isLineStartSpecial(first) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
      return true
    }
    return line.utf8.contains(where: isInlineSpecial)
  }

  /// ``text(_:)``'s backslashes, put in byte by byte: before every special ASCII byte,
  /// even one a combining mark follows.
  ///
  /// Note: a character-by-character loop would see `|` and a combining accent as one
  /// character and leave it alone, which lets such a value split a table cell.
  private static func escapedByBytes(_ line: String) -> String {
    var result: [UInt8] = []
    result.reserveCapacity(line.utf8.count + 8)
    for (offset, byte) in line.utf8.enumerated() {
      if isInlineSpecial(byte) || (offset == 0 && isLineStartSpecial(byte)) {
        result.append(UInt8(ascii: "\\"))
      }
      result.append(byte)
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// Whether `byte` is one of ``inlineSpecials``.
  private static func isInlineSpecial(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "$"):
      return true
    default:
      return false
    }
  }

  /// Whether `byte` is one of ``lineStartSpecials``.
  private static func isLineStartSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "#") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "=")
  }

  /// `1. ` or `1) ` at the start of a line begins an ordered list; escape its punctuation.
  private static func escapingOrderedListMarker(_ text: String) -> String {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 9 else { return text }
    let rest = text.dropFirst(digits.count)
    guard let marker = rest.first, marker == "." || marker == ")" else { return text }
    return digits + "\\" + rest
  }
}
