import Foundation
import Testing

@testable import PermauditReports

/// Every renderer against its golden file (`PERMAUDIT_RECORD_GOLDEN=1` re-records them).
@Suite struct GoldenFileTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let file: String
    let render: @Sendable () -> String
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(file: "report.md") { MarkdownReport.render(FixtureReports.all) },
    Case(file: "report.txt") {
      TextReport.render(FixtureReports.all, style: .plain, detail: .full)
    },
    Case(file: "drifted-color.txt") {
      // Note: stored with ESC written as `\e`, so the golden file reads in any editor.
      TextReport.render(FixtureReports.drifted, style: .color, detail: .full)
        .replacingOccurrences(of: "\u{1B}", with: "\\e")
    },
    Case(file: "batch-summary.txt") {
      TextReport.render(FixtureReports.batch, style: .plain, detail: .summary(maxAccounts: 2))
    },
    Case(file: "empty.md") { MarkdownReport.render(FixtureReports.report([])) },
    Case(file: "waivers.md") { MarkdownReport.render(FixtureReports.withWaivers) },
    Case(file: "report.html") { HTMLReport.render(FixtureReports.withWaivers) },
    Case(file: "report.sarif") { SARIFReport.render(FixtureReports.withWaivers) },
    Case(file: "report.junit.xml") { JUnitReport.render(FixtureReports.withWaivers) },
    Case(file: "report.csv") { CSVReport.render(FixtureReports.withWaivers) },
    Case(file: "waivers.json") { JSONReport.render(FixtureReports.withWaivers) },
    Case(file: "empty.txt") {
      TextReport.render(FixtureReports.report([]), style: .plain, detail: .full)
    },
  ]

  @Test(arguments: cases)
  func rendersAsRecorded(_ golden: Case) {
    GoldenFile.check(golden.render(), against: golden.file)
  }

  @Test func lineDiffShowsOnlyChangedLinesWithNumbers() {
    let diff = GoldenFile.lineDiff(expected: "a\nb\nc\n", actual: "a\nB\nc\nd\n")
    #expect(diff == "-2: b\n+2: B\n+4: d")
  }
}
