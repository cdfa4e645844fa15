import PermauditCore
import Testing

@testable import PermauditReports

@Suite struct TextReportTests {
  @Test(arguments: [TextReport.Detail.full, .summary(maxAccounts: 1)])
  func rendersTheSameTwice(_ detail: TextReport.Detail) {
    let first = TextReport.render(FixtureReports.batch, style: .plain, detail: detail)
    #expect(first == TextReport.render(FixtureReports.batch, style: .plain, detail: detail))
  }

  @Test func writesNoEscapeCharacterInPlainStyle() {
    let text = TextReport.render(FixtureReports.all, style: .plain, detail: .full)
    #expect(!text.unicodeScalars.contains("\u{1B}"))
    #expect(!text.unicodeScalars.contains("\u{202E}"))
  }

  @Test func colorsOnlyWithItsOwnSequences() {
    let text = TextReport.render(FixtureReports.all, style: .color, detail: .full)
    #expect(text.contains("\u{1B}[31m✗\u{1B}[0m"))
    let withoutOwnColors = text.replacing(/\x1B\[[0-9]+m/, with: "")
    #expect(!withoutOwnColors.unicodeScalars.contains("\u{1B}"))
    #expect(withoutOwnColors == TextReport.render(FixtureReports.all, style: .plain))
  }

  @Test func keepsLinesWithinTheWidth() {
    let text = TextReport.render(FixtureReports.drifted, style: .plain, detail: .full)
    for line in text.split(separator: "\n") {
      #expect(line.count <= TextReport.width, "\(line)")
    }
  }

  @Test func headsEachAccountWithItsStatusAndCounts() {
    let text = TextReport.render(FixtureReports.all, style: .plain)
    #expect(text.contains("Account m_1000 — COMPLIANT (all 17 requirements met)"))
    #expect(text.contains("Account m_1001 — INCONCLUSIVE (2 failed, 2 unknown, 4 warnings)"))
    #expect(
      text.hasSuffix(
        "3 accounts: 1 compliant, 1 non-compliant, 1 inconclusive "
          + "(policy goprofiles-justworks)\n"))
  }

  @Test func putsEachResultUnderItsStep() {
    let text = TextReport.render(FixtureReports.drifted, style: .plain)
    let lines = text.split(separator: "\n").map(String.init)
    let step2 = lines.firstIndex { $0.hasPrefix("  Step 2 · Add permissions") } ?? -1
    let beyond = lines.firstIndex { $0 == "  Beyond the policy" } ?? -1
    let missing = lines.firstIndex { $0.contains("✗ View invoices & reporting") } ?? -1
    let excess = lines.firstIndex { $0.contains("! Edit employee permissions") } ?? -1
    #expect(step2 < missing && missing < beyond && beyond < excess)
    #expect(lines.contains("    ? Office: missing evidence — not stated in any evidence"))
    #expect(lines.contains { $0.hasPrefix("      i Accepted over-grant: GoProfiles only") })
  }

  @Test func summarizesLargeBatches() {
    let text = TextReport.render(
      FixtureReports.batch, style: .plain, detail: .summary(maxAccounts: 2))
    let lines = text.split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("Account ") }.count == 2)
    let listed = lines.filter { $0.hasPrefix("  ? m_") || $0.hasPrefix("  ✗ m_") }
    #expect(listed.count == TextReport.summaryListLimit)
    #expect(listed.first == "  ✗ m_2002 — NON-COMPLIANT (1 failed, 1 warning)")
    #expect(lines.contains("  … and 4 more"))
    #expect(!text.contains("m_1000"))
  }

  @Test func showsSmallRunsInFullEvenInSummary() {
    let text = TextReport.render(
      FixtureReports.all, style: .plain, detail: .summary(maxAccounts: 5))
    #expect(text == TextReport.render(FixtureReports.all, style: .plain, detail: .full))
  }
}
