import Foundation
import PermauditCore
import Testing

@testable import PermauditReports

/// Hostile values (markup, quotes, formulas, control characters, non-ASCII) in every field
/// the fixtures have, rendered in the formats that embed them in markup or cells.
@Suite struct ReportEscapingTests {
  static let report = FixtureReports.withWaivers

  @Test func htmlShowsMarkupAsText() {
    let html = HTMLReport.render(Self.report)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(html.contains("Zoë 名前"))
    #expect(!html.contains("\u{1B}"))
    #expect(!html.contains("\u{202E}"))
    #expect(html.contains("Content-Security-Policy"))
    #expect(!html.contains("href=\"javascript"))
  }

  @Test func htmlTagsAreOnlyTheReportsOwn() throws {
    let html = HTMLReport.render(Self.report)
    let allowed: Set<String> = [
      "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2",
      "h3", "h4", "dl", "dt", "dd", "code", "main", "section", "ul", "ol", "li", "span",
      "p", "article", "div", "strong", "table", "thead", "tbody", "tr", "th", "td", "br",
      "footer", "a",
    ]
    let pattern = try Regex("<(/?)([!A-Za-z][A-Za-z0-9]*)")
    for match in html.matches(of: pattern) {
      let name = String(match.output[2].substring ?? "")
      #expect(allowed.contains(name), "unexpected tag <\(name)>")
    }
  }

  @Test func markupEscapingCoversQuotesAndControls() {
    #expect(
      MarkupEscaping.text("<a href=\"x\">'&'</a>")
        == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    #expect(MarkupEscaping.attribute("a\nb\tc") == "a&#10;b&#9;c")
    #expect(MarkupEscaping.text("bell\u{7}") == "bell\\u{7}")
    #expect(MarkupEscaping.text("\u{FFFE}") == "\\u{FFFE}")
  }

  @Test func junitEscapesEveryValue() {
    let xml = JUnitReport.render(Self.report)
    #expect(!xml.contains("<script"))
    #expect(!xml.contains("<img"))
    #expect(!xml.contains("<b>"))
    #expect(!xml.contains("\u{1B}"))
    #expect(xml.contains("m_6666|&lt;b&gt;`x`&lt;/b&gt;"))
  }

  @Test func junitCountsMatchItsCases() throws {
    let xml = JUnitReport.render(Self.report)
    let suites = xml.components(separatedBy: "<testsuite ").dropFirst()
    #expect(suites.count == Self.report.accounts.count)
    for suite in suites {
      let body = suite.components(separatedBy: "</testsuite>")[0]
      func attribute(_ name: String) -> Int? {
        guard let range = body.range(of: " \(name)=\"") else { return nil }
        return Int(body[range.upperBound...].prefix { $0.isNumber })
      }
      #expect(attribute("tests") == body.components(separatedBy: "<testcase ").count - 1)
      #expect(attribute("failures") == body.components(separatedBy: "<failure ").count - 1)
      #expect(attribute("errors") == body.components(separatedBy: "<error ").count - 1)
      #expect(attribute("skipped") == body.components(separatedBy: "<skipped ").count - 1)
    }
  }

  @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
  func csvNeutralizesFormulas(_ value: String) {
    let cell = CSVEscaping.cell(value)
    let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
    #expect(unquoted.hasPrefix("'"), "\(cell)")
  }

  @Test func csvQuotesAsRFC4180Says() {
    #expect(CSVEscaping.cell("plain") == "plain")
    #expect(CSVEscaping.cell("a,b") == "\"a,b\"")
    #expect(CSVEscaping.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVEscaping.cell("two\nlines") == "\"two\nlines\"")
    #expect(CSVEscaping.row(["a", "b"]) == "a,b\r\n")
  }

  @Test func csvRowsParseBackToTheirValues() throws {
    let csv = CSVReport.render(Self.report)
    let rows = CSVParser.parse(csv)
    #expect(rows.first == CSVReport.columns)
    let findings = Self.report.accounts.flatMap(\.findings)
    #expect(rows.count == findings.count + 1)
    for row in rows { #expect(row.count == CSVReport.columns.count) }
    for row in rows.dropFirst() {
      for cell in row {
        if let first = cell.unicodeScalars.first {
          #expect(!CSVEscaping.formulaStarts.contains(first), "\(cell)")
        }
      }
    }
    let hostile = try #require(
      rows.first { $0[2] == "unrecognized_permission" && $0[0].hasPrefix("m_6666") })
    #expect(hostile[0] == "m_6666|<b>`x`</b>")
    #expect(hostile[14] == "'+cmd|' /C calc'!A0")
    #expect(hostile[15] == "'@SUM(1+1) \"quoted\" 名前")
    #expect(hostile[17].hasPrefix("'=HYPERLINK(\"http://evil.example\""))
  }
}

/// A strict RFC 4180 reader, for checking what the CSV report writes.
enum CSVParser {
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var isQuoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if isQuoted {
        if scalar == "\"" {
          if scalars.first == "\"" {
            cell.unicodeScalars.append(scalars.removeFirst())
          } else {
            isQuoted = false
          }
        } else {
          cell.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where cell.isEmpty: isQuoted = true
      case ",":
        row.append(cell)
        cell = ""
      case "\r" where scalars.first == "\n":
        scalars.removeFirst()
        row.append(cell)
        rows.append(row)
        (row, cell) = ([], "")
      default: cell.unicodeScalars.append(scalar)
      }
    }
    return rows
  }
}
