import Foundation
import PermauditCore
import Testing

@testable import PermauditReports

@Suite struct MarkdownReportTests {
  let hostile = MarkdownReport.render(FixtureReports.report([FixtureAccounts.hostile()]))

  @Test func rendersTheSameTwice() {
    #expect(MarkdownReport.render(FixtureReports.all) == MarkdownReport.render(FixtureReports.all))
  }

  @Test func keepsHostileValuesAsText() {
    // Note: the documented-source link is the report's own `<…>` link destination.
    let outsideCode = hostile.split(separator: "\n")
      .filter { !$0.hasPrefix("- **Documented source:**") }.map(Self.removingCodeSpans)
    for line in outsideCode {
      #expect(!Self.hasUnescaped("<", in: line), "\(line)")
      #expect(!line.contains("[x](javascript"), "\(line)")
    }
    #expect(hostile.contains(#"\<script\>"#))
    #expect(!hostile.contains("\u{1B}"))
    #expect(!hostile.contains("\u{202E}"))
    #expect(hostile.contains("Zoë 名前"))
  }

  @Test func keepsLineBreaksInValuesFromStartingBlocks() {
    let lines = hostile.split(separator: "\n")
    #expect(!lines.contains { $0.hasPrefix("# Injected") })
    #expect(lines.filter { $0.hasPrefix("# ") }.count == 1)
  }

  @Test func keepsEveryTableRowToItsColumns() {
    var table: [Substring] = []
    var lines = hostile.split(separator: "\n", omittingEmptySubsequences: false)
    lines.append("")
    for line in lines {
      if line.hasPrefix("|") {
        table.append(line)
        continue
      }
      if let header = table.first {
        let columns = Self.cellSeparators(in: header)
        for row in table { #expect(Self.cellSeparators(in: row) == columns, "\(row)") }
      }
      table = []
    }
  }

  @Test func namesPermissionsAndAttributesAsTheCatalogDoes() {
    let drifted = MarkdownReport.render(FixtureReports.drifted)
    #expect(drifted.contains("- [ ] View invoices \\& reporting: expected 'held'"))
    #expect(drifted.contains("- [x] Member Type: '3rd Party Admin / Accountant'"))
    #expect(drifted.contains("- [ ] Office: **unknown**, missing evidence"))
  }

  @Test func linksTheDocumentedSourceOnlyOverHTTP() {
    var report = FixtureReports.drifted
    report.policy.source = DocumentSource(title: "Guide", url: "javascript:alert(1)")
    let markdown = MarkdownReport.render(report)
    #expect(markdown.contains("- **Documented source:** Guide (javascript:alert(1))"))
    #expect(!markdown.contains("](javascript"))
  }

  /// `line` without its code spans, whose text Markdown shows literally.
  static func removingCodeSpans(_ line: Substring) -> String {
    var result = ""
    var rest = line[...]
    while let start = rest.firstIndex(of: "`") {
      let before = rest[..<start]
      guard !before.hasSuffix("\\") else {
        result += rest[...start]
        rest = rest[rest.index(after: start)...]
        continue
      }
      let fence = rest[start...].prefix { $0 == "`" }
      let afterFence = rest[fence.endIndex...]
      result += before
      guard let end = afterFence.range(of: String(fence)) else {
        return result + rest[start...]
      }
      rest = afterFence[end.upperBound...]
    }
    return result + rest
  }

  /// Whether `character` occurs in `line` without an escaping backslash before it.
  static func hasUnescaped(_ character: Character, in line: String) -> Bool {
    var backslashes = 0
    for current in line {
      if current == character, backslashes % 2 == 0 { return true }
      backslashes = current == "\\" ? backslashes + 1 : 0
    }
    return false
  }

  /// `|` characters not escaped by a backslash.
  static func cellSeparators(in line: Substring) -> Int {
    var count = 0
    var backslashes = 0
    for character in line {
      if character == "|", backslashes % 2 == 0 { count += 1 }
      backslashes = character == "\\" ? backslashes + 1 : 0
    }
    return count
  }
}
