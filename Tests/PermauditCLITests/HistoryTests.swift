import Foundation
import Testing

@testable import PermauditCLI
@testable import PermauditHistory

/// The audit history end to end: drift across runs, timelines, and `history verify`.
@Suite struct HistoryTests {
  let sandbox: Sandbox
  var history: String { sandbox.path + "/history.sqlite" }

  init() throws {
    sandbox = try Sandbox()
  }

  static let birch = EvidenceFixture.compliant(id: "m_8101", firstName: "Birch")
  static let larch = EvidenceFixture.compliant(id: "m_8102", firstName: "Larch")

  /// Audits `accounts` on day `day` (1…4) after the evidence was collected, into the
  /// sandbox's history.
  func audit(_ accounts: [EvidenceFixture], day: Int, stdout: String = "json") throws -> CLIResult {
    let batch = try sandbox.write(
      accounts.map(\.jsonLine).joined(separator: "\n"), to: "run-\(day).jsonl")
    let result = CLI.run([
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", "2026-12-0\(5 + day)T09:00:00Z", "--reports", "-", "--stdout", stdout,
      "--history", history, "--evidence", batch,
    ])
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    return result
  }

  @Test func driftShowsFindingsThatAppearPersistAndResolveAcrossThreeRuns() throws {
    let withBenefits = Self.birch.with { $0.permissions? += ["Manage company benefits"] }
    let withoutSettings = withBenefits.with {
      $0.permissions?.removeAll { $0 == "Edit company settings" }
    }
    let first = try audit([withBenefits, Self.larch], day: 1)
    let second = try audit([withoutSettings, Self.larch], day: 2)
    let third = try audit([Self.birch, Self.larch], day: 3)

    // Run 1: nothing to compare with.
    let report1 = try first.report()
    let drift1 = try #require(report1.object["drift"] as? [String: Int])
    #expect(drift1["new_accounts"] == 2)
    #expect(try driftOf("m_8101", in: report1)["previous_run"] is NSNull)

    // Run 2: a missing permission appears; the excess permission persists.
    let report2 = try second.report()
    let drift2 = try driftOf("m_8101", in: report2)
    #expect(drift2["previous_run"] as? Int == 1)
    #expect(drift2["previous_status"] as? String == "compliant")
    #expect(drift2["status_changed"] as? Bool == true)
    #expect(keys(drift2["appeared"]) == [FindingKey("missing_permission", "edit_company_settings")])
    #expect(keys(drift2["resolved"]).isEmpty)
    #expect(try driftOf("m_8102", in: report2)["appeared"] as? [Any] == nil ? false : true)
    let totals2 = try #require(report2.object["drift"] as? [String: Int])
    #expect(totals2["changed_accounts"] == 1)
    #expect(totals2["status_changes"] == 1)
    #expect(totals2["findings_appeared"] == 1)
    #expect(totals2["compared"] == 2)

    // Run 3: both findings are resolved.
    let report3 = try third.report()
    let drift3 = try driftOf("m_8101", in: report3)
    #expect(drift3["previous_run"] as? Int == 2)
    #expect(keys(drift3["appeared"]).isEmpty)
    #expect(
      keys(drift3["resolved"]) == [
        FindingKey("missing_permission", "edit_company_settings"),
        FindingKey("excess_permission", "manage_company_benefits"),
      ])
    let unchanged = try driftOf("m_8102", in: report3)
    #expect(keys(unchanged["appeared"]).isEmpty && keys(unchanged["resolved"]).isEmpty)
    #expect((report3.object["drift"] as? [String: Int])?["findings_resolved"] == 2)

    let verified = CLI.run(["history", "verify", "--history", history])
    #expect(verified.exitCode == .compliant, "\(verified.stderr)")
    #expect(verified.stdout.contains("history intact: 3 runs"))
  }

  @Test func driftShowsInTheTerminalSummaryAndMarkdown() throws {
    _ = try audit([Self.birch], day: 1)
    let changed = Self.birch.with { $0.permissions?.removeAll { $0 == "Edit company settings" } }
    let markdown = try audit([changed], day: 2, stdout: "markdown")
    #expect(markdown.stdout.contains("## Drift since the previous run"))
    #expect(markdown.stdout.contains("**Drift since run 1: status compliant → non-compliant.**"))
    #expect(
      markdown.stdout.contains("- appeared: missing_permission `edit_company_settings` (fail)"))

    let batch = try sandbox.write(changed.jsonLine, to: "terminal.jsonl")
    let terminal = CLI.run([
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", "2026-12-09T09:00:00Z", "--reports", "-", "--history", history,
      "--evidence", batch,
    ])
    #expect(terminal.stdout.contains("Drift: no change since run 2."), "\(terminal.stdout)")
    #expect(terminal.stdout.contains("Drift since previous runs: no change in 1 account."))
  }

  @Test func timelinesShowEveryRunOfAnAccountInTextAndJSON() throws {
    _ = try audit([Self.birch, Self.larch], day: 1)
    _ = try audit(
      [Self.birch.with { $0.permissions?.removeAll { $0 == "Edit company settings" } }], day: 2)
    _ = try audit([Self.birch], day: 3)

    let text = CLI.run(["history", "--history", history, "--account", "m_8101"])
    #expect(text.exitCode == .compliant, "\(text.stderr)")
    let lines = text.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Account m_8101 (policy goprofiles-justworks)")
    #expect(lines.count == 4)
    #expect(lines[2].contains("run 2") && lines[2].contains("non-compliant"))
    #expect(lines[2].contains("+ missing_permission edit_company_settings"))
    #expect(lines[3].contains("- missing_permission edit_company_settings"))

    let json = CLI.run([
      "history", "--history", history, "--format", "json", "--since", "2026-12-07",
    ])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let accounts = try #require(object?["accounts"] as? [[String: Any]], "\(json.stdout)")
    #expect(accounts.map { $0["id"] as? String } == ["m_8101"])
    let timeline = try #require(accounts.first?["timeline"] as? [[String: Any]])
    #expect(timeline.map { $0["run"] as? Int } == [2, 3])
    let drift = try #require(timeline.first?["drift"] as? [String: Any])
    #expect(drift["previous_run"] as? Int == 1, "runs before --since still serve as the baseline")
    // Indented two spaces a level throughout, so that it reads and diffs like `jq .`.
    #expect(json.stdout.contains("\n      \"timeline\": [\n        {\n          \"run\": 2,"))
    #expect(json.stdout.contains("\n        }\n      ]\n    }\n  ]\n}\n"))
  }

  @Test func verifyFindsAHandEditedRow() throws {
    for day in 1...3 { _ = try audit([Self.birch, Self.larch], day: day) }
    try tamper("UPDATE accounts SET status = 'compliant' WHERE run_id = 2 AND position = 1")
    try tamper("UPDATE accounts SET findings = '[]' WHERE run_id = 2 AND position = 0")
    let result = CLI.run(["history", "verify", "--history", history])
    #expect(result.exitCode == .nonCompliant)
    #expect(
      result.stderr.contains("history is broken: run 2 (recorded"), "\(result.stderr)")
    #expect(result.stderr.contains("account rows were edited"))
  }

  @Test func verifyFindsAnEditedRunRecordEvenWithItsDigestRecomputed() throws {
    for day in 1...3 { _ = try audit([Self.birch], day: day) }
    try tamper("UPDATE runs SET compliant = 0 WHERE id = 1")
    #expect(
      CLI.run(["history", "verify", "--history", history]).stderr.contains(
        "run 1 (recorded"))
    // Note: a forger who also rewrites the record digest breaks the next run's link.
    let database = try SQLiteDatabase(path: history)
    let row = try database.prepare("SELECT \(HistoryFile.runColumns) FROM runs WHERE id = 1")
    #expect(try row.step())
    let forged = CanonicalRecord.digest(of: HistoryFile.run(from: row))
    row.reset()
    try database.execute("UPDATE runs SET record_sha256 = '\(forged)' WHERE id = 1")
    let result = CLI.run(["history", "verify", "--history", history])
    #expect(result.exitCode == .nonCompliant)
    #expect(result.stderr.contains("run 2 (recorded"), "\(result.stderr)")
    #expect(result.stderr.contains("does not follow the run before it"))
  }

  @Test func verifyFindsADeletedRunInTheMiddleAndAtTheEnd() throws {
    for day in 1...4 { _ = try audit([Self.birch], day: day) }
    let copy = sandbox.path + "/copy.sqlite"
    try SQLiteDatabase(path: history).execute("VACUUM INTO '\(copy)'")

    try tamper("DELETE FROM accounts WHERE run_id = 2; DELETE FROM runs WHERE id = 2")
    let middle = CLI.run(["history", "verify", "--history", history])
    #expect(middle.exitCode == .nonCompliant)
    #expect(middle.stderr.contains("run 2 is missing"), "\(middle.stderr)")

    try SQLiteDatabase(path: copy).execute(
      "DELETE FROM accounts WHERE run_id = 4; DELETE FROM runs WHERE id = 4")
    let last = CLI.run(["history", "verify", "--history", copy])
    #expect(last.exitCode == .nonCompliant)
    #expect(last.stderr.contains("run 4, the latest, is missing"), "\(last.stderr)")
  }

  @Test func anIntactHistoryVerifiesAndAMissingOneIsAnInputError() throws {
    _ = try audit([Self.birch], day: 1)
    #expect(CLI.run(["history", "verify", "--history", history]).exitCode == .compliant)
    let missing = CLI.run(["history", "verify", "--history", sandbox.path + "/none.sqlite"])
    #expect(missing.exitCode == .invalidInput)
    #expect(missing.stderr.contains("no history here"))
  }

  @Test func theDefaultHistoryLivesInTheReportsFolderAndDashSkipsIt() throws {
    let batch = try sandbox.write(Self.birch.jsonLine, to: "one.jsonl")
    let reports = sandbox.path + "/Reports"
    let base = [
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", auditTime, "--evidence", batch, "--quiet",
    ]
    #expect(CLI.run(base + ["--reports", reports]).exitCode == .compliant)
    #expect(FileManager.default.fileExists(atPath: reports + "/history.sqlite"))
    let skipped = sandbox.path + "/Skipped"
    #expect(CLI.run(base + ["--reports", skipped, "--history", "-"]).exitCode == .compliant)
    #expect(!FileManager.default.fileExists(atPath: skipped + "/history.sqlite"))
  }

  private func tamper(_ sql: String) throws {
    try SQLiteDatabase(path: history).execute(sql)
  }

  private func driftOf(_ id: String, in report: ReportView) throws -> [String: Any] {
    try #require(try report.account(id).object["drift"] as? [String: Any])
  }

  private func keys(_ list: Any?) -> [FindingKey] {
    // Note: only what counts (fail, warn); an accepted over-grant (info) comes and goes
    // with its permission.
    (list as? [[String: Any]] ?? []).filter { ["fail", "warn"].contains($0["status"] as? String) }
      .map {
        FindingKey($0["kind"] as? String ?? "?", $0["subject"] as? String ?? "?")
      }
  }
}
