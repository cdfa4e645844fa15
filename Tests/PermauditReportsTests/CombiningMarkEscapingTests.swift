import Foundation
import Testing

@testable import PermauditReports

/// A combining mark after a quote, a pipe or a backtick makes one longer character of
/// them to Swift and Foundation; the escapers must still treat the ASCII part as what it
/// is to a CSV or Markdown reader.
@Suite struct CombiningMarkEscapingTests {
  private static let acute = "\u{0301}"

  /// A title of x, a quote, an acute accent, a comma and a formula must stay one cell: its
  /// quote doubled, so that the formula after the comma never gets a cell of its own.
  @Test func aQuoteBeforeACombiningMarkIsDoubledInCSV() {
    let cell = CSVEscaping.cell("x\"" + Self.acute + ",=HYPERLINK(1)")
    #expect(cell == "\"x\"\"" + Self.acute + ",=HYPERLINK(1)\"")
    #expect(cell.utf8.filter { $0 == UInt8(ascii: "\"") }.count == 4)
  }

  @Test func aPipeBeforeACombiningMarkCannotSplitATableCell() {
    #expect(MarkdownEscaping.tableCell("a|" + Self.acute + "b") == "a\\|" + Self.acute + "b")
    #expect(
      MarkdownEscaping.code("a|" + Self.acute, inTable: true) == "`a\\|" + Self.acute + "`")
  }

  @Test func emphasisMarksBeforeACombiningMarkAreEscaped() {
    #expect(MarkdownEscaping.text("*" + Self.acute + "x*") == "\\*" + Self.acute + "x\\*")
  }

  /// Two backticks then a combining mark are a run of two to CommonMark, so the fence
  /// must be three long.
  @Test func backticksBeforeACombiningMarkLengthenTheCodeFence() {
    #expect(MarkdownEscaping.code("a``" + Self.acute) == "```a``" + Self.acute + "```")
  }
}
