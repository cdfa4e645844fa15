import PermauditCore
import Testing

@testable import PermauditReports

/// The escapers skip text with nothing to escape and work on bytes where they can; these
/// compare them with ``ReferenceEscaping`` (how they worked before) on tricky text.
@Suite struct EscapingReferenceTests {
  static let samples: [String] = {
    var generator = TrickyText(seed: 2026)
    let handPicked = [
      "", " ", "plain", "q\"\u{301}x, y", "\"\u{FE0F}", "*\u{301}", "#\u{301} h", "1. item",
      "12) x", "\u{0660}. digits", "`\u{301}|\\|x", "a \u{301}b", " lead  and trail ",
      "Company → Settings", "\u{C2}\u{A0}", "\u{2066}x\u{2069}", "cr\r\nlf\rcr",
      String(repeating: "long words ", count: 30) + "→ end",
    ]
    return handPicked + (0..<20_000).map { _ in generator.next() }
  }()

  @Test func visibleTextMatches() {
    for text in Self.samples {
      #expect(
        VisibleText.singleLine(text) == ReferenceEscaping.visibleLine(text),
        "\(text.debugDescription)")
    }
  }

  @Test func markupEscapingMatches() {
    for text in Self.samples {
      #expect(MarkupEscaping.text(text) == ReferenceEscaping.markup(text, inAttribute: false))
      #expect(
        MarkupEscaping.attribute(text) == ReferenceEscaping.markup(text, inAttribute: true),
        "\(text.debugDescription)")
    }
  }

  @Test func markdownEscapingMatches() {
    for text in Self.samples {
      #expect(
        MarkdownEscaping.text(text) == ReferenceEscaping.markdownText(text),
        "\(text.debugDescription)")
      #expect(
        MarkdownEscaping.code(text) == ReferenceEscaping.markdownCode(text, inTable: false),
        "\(text.debugDescription)")
      #expect(
        MarkdownEscaping.code(text, inTable: true)
          == ReferenceEscaping.markdownCode(text, inTable: true), "\(text.debugDescription)")
    }
  }

  @Test func csvEscapingMatches() {
    for text in Self.samples {
      #expect(CSVEscaping.cell(text) == ReferenceEscaping.csvCell(text), "\(text.debugDescription)")
    }
  }

  @Test(arguments: [1, 4, 12, 40, 76])
  func wrappingMatches(_ width: Int) {
    var generator = TrickyText(seed: UInt64(width))
    let long = (0..<2_000).map { _ in generator.next(maximumPieces: 60) }
    for text in Self.samples + long {
      #expect(
        TextWrapping.wrap(text, width: width) == ReferenceEscaping.wrap(text, width: width),
        "\(text.debugDescription)")
    }
  }
}
