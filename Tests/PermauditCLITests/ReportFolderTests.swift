import Foundation
import PermauditReports
import Testing

@testable import PermauditCLI

/// The reports an audit writes: layout, the `latest` link, runs that never overwrite each
/// other, nothing for `--reports -`, clear errors, and byte-identical output.
@Suite struct ReportFolderTests {
  let sandbox: Sandbox
  let evidence: String

  init() throws {
    sandbox = try Sandbox()
    evidence = try sandbox.write(
      EvidenceFixture().with { $0.permissions? += ["Manage all timecards"] }.json,
      to: "evidence/account.json")
  }

  /// The folder name of a run at `auditTime`.
  static let runName = "20261205T093000Z-goprofiles-justworks"

  func audit(reports: String, _ extra: [String] = []) -> CLIResult {
    CLI.run(
      [
        "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
        "--now", auditTime, "--evidence", evidence, "--reports", reports,
      ] + extra)
  }

  func contents(of path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  @Test func defaultFormatsGoIntoARunFolder() throws {
    let reports = sandbox.path + "/Reports"
    let result = audit(reports: reports)

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let run = reports + "/runs/" + Self.runName
    let names = try FileManager.default.contentsOfDirectory(atPath: run).sorted()
    #expect(names == ["report.json", "report.md", "report.txt"])
    let report = try ReportView(
      json: String(
        decoding: try contents(of: run + "/report.json"),
        as: UTF8.self))
    #expect(try report.account("m_7301").status == "compliant")
    #expect(result.stdout.contains("Reports: \(run)"))

    let link = try FileManager.default.destinationOfSymbolicLink(atPath: reports + "/latest")
    #expect(link == "runs/" + Self.runName)
    #expect(FileManager.default.fileExists(atPath: reports + "/latest/report.md"))
  }

  @Test func aSecondRunAtTheSameTimeGetsItsOwnFolder() throws {
    let reports = sandbox.path + "/Reports"
    let first = reports + "/runs/" + Self.runName
    #expect(audit(reports: reports).exitCode == .compliant)
    let before = try contents(of: first + "/report.json")
    let marker = try sandbox.write("first run\n", to: "Reports/runs/\(Self.runName)/marker")

    let second = audit(reports: reports, ["--format", "json"])

    #expect(second.exitCode == .compliant, "\(second.stderr)")
    #expect(try contents(of: first + "/report.json") == before)
    #expect(FileManager.default.fileExists(atPath: marker))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: first + "-2") == ["report.json"])
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: reports + "/latest")
    #expect(link == "runs/\(Self.runName)-2")
    #expect(audit(reports: reports).exitCode == .compliant)
    #expect(FileManager.default.fileExists(atPath: first + "-3/report.txt"))
  }

  @Test func formatsChooseTheFiles() throws {
    let reports = sandbox.path + "/out"
    #expect(audit(reports: reports, ["--format", "markdown,text"]).exitCode == .compliant)

    let run = reports + "/runs/" + Self.runName
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: run).sorted()
        == ["report.md", "report.txt"])
  }

  @Test func aRepeatedFormatIsWrittenOnce() throws {
    let reports = sandbox.path + "/Reports"
    let result = audit(reports: reports, ["--format", "json, json"])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let run = reports + "/runs/" + Self.runName
    #expect(try FileManager.default.contentsOfDirectory(atPath: run) == ["report.json"])
    #expect(result.stdout.contains("(json)\n"))
  }

  /// A run that cannot make its standard-output scratch file (no temporary folder) fails
  /// before anything is judged and leaves no run folder behind.
  @Test func aFailureWhilePreparingOutputsLeavesNoRunFolder() throws {
    let reports = sandbox.path + "/Reports"
    let run = try Executable.start(
      [
        "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
        "--now", auditTime, "--evidence", evidence, "--reports", reports, "--stdout", "json",
      ], in: sandbox.path, name: "no-tmp", environment: ["TMPDIR": sandbox.path + "/missing/"])

    #expect(run.wait() == 2, "\(run.stderr)")
    let runs = (try? FileManager.default.contentsOfDirectory(atPath: reports + "/runs")) ?? []
    #expect(runs.isEmpty)
  }

  @Test func anEmptyReportsFolderIsAUsageError() throws {
    let before = sandbox.listing()
    let result = audit(reports: "")

    expectInputError(result, mentioning: ["--reports"])
    #expect(sandbox.listing() == before)
  }

  @Test func reportsDashWritesNothing() throws {
    let before = sandbox.listing()
    let result = audit(reports: "-")

    #expect(result.exitCode == .compliant)
    #expect(sandbox.listing() == before)
    #expect(!result.stdout.contains("Reports:"))
  }

  @Test func aReportsFolderUnderAFileIsAClearError() throws {
    try sandbox.write("a regular file\n", to: "blocker")
    let before = sandbox.listing()
    let result = audit(reports: sandbox.path + "/blocker/Reports")

    expectInputError(result, mentioning: [sandbox.path + "/blocker"])
    #expect(result.stderr.contains("is a file, not a folder"), "\(result.stderr)")
    #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    #expect(sandbox.listing() == before)
  }

  @Test func aFailedRunLeavesNoRunFolderBehind() throws {
    let reports = sandbox.path + "/Reports"
    let store = ReportFolder(root: reports)
    #expect(throws: AtomicFile.WriteError.self) {
      try store.store(
        [("report.json", "{}\n"), ("missing-folder/report.md", "# no\n")],
        runName: Self.runName)
    }

    #expect(try FileManager.default.contentsOfDirectory(atPath: reports + "/runs").isEmpty)
    #expect(!FileManager.default.fileExists(atPath: reports + "/latest"))
  }

  @Test func atomicWritesReplaceWholeFilesAndLeaveNoTemporaries() throws {
    let path = sandbox.path + "/atomic/report.txt"
    try FileManager.default.createDirectory(
      atPath: sandbox.path + "/atomic", withIntermediateDirectories: true)
    try AtomicFile.write("first version, longer than the second\n", to: path)
    try AtomicFile.write("second\n", to: path)

    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: sandbox.path + "/atomic")
        == ["report.txt"])
    #expect(throws: AtomicFile.WriteError.self) {
      try AtomicFile.write("x", to: sandbox.path + "/no-such-folder/report.txt")
    }
  }

  @Test(arguments: ["json", "markdown", "text"])
  func sameInputsGiveByteIdenticalOutput(_ format: String) throws {
    let extra = ["--stdout", format, "--format", "json,markdown,text"]
    let first = audit(reports: sandbox.path + "/one", extra)
    let second = audit(reports: sandbox.path + "/two", extra)

    #expect(first.exitCode == .compliant)
    #expect(!first.stdout.isEmpty)
    #expect(first.stdout == second.stdout)
    for name in ["report.json", "report.md", "report.txt"] {
      let one = try contents(of: sandbox.path + "/one/runs/\(Self.runName)/" + name)
      let two = try contents(of: sandbox.path + "/two/runs/\(Self.runName)/" + name)
      #expect(one == two, "\(name) differs between runs")
    }
  }

  @Test func standardOutputMatchesTheReportFile() throws {
    let reports = sandbox.path + "/Reports"
    let result = audit(reports: reports, ["--stdout", "json"])

    let file = try contents(of: reports + "/runs/\(Self.runName)/report.json")
    #expect(Data(result.stdout.utf8) == file)
  }

  @Test func aLargeReportOnStandardOutputMatchesTheFileByteForByte() throws {
    // Note: over a megabyte of JSON with '—' and '→' in it, so the output is copied in
    // pieces and some piece ends inside a multi-byte character.
    let accounts = (1...300).map {
      EvidenceFixture.compliant(id: "m_5\(1000 + $0)", firstName: "Ωmega\($0)")
        .with { $0.permissions = [] }.jsonLine
    }
    let batch = try sandbox.write(accounts.joined(separator: "\n"), to: "large.jsonl")
    let reports = sandbox.path + "/Reports"
    let result = CLI.run([
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", auditTime, "--evidence", batch, "--reports", reports, "--stdout", "json",
      "--format", "json",
    ])

    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let file = try contents(of: reports + "/runs/\(Self.runName)/report.json")
    #expect(file.count > 1 << 20)
    #expect(Data(result.stdout.utf8) == file)
    #expect(try result.report().summary["non_compliant"] == 300)
  }

  @Test func aFailedRunKeepsTheLatestCompleteRun() throws {
    let reports = sandbox.path + "/Reports"
    #expect(audit(reports: reports).exitCode == .compliant)
    let broken = try sandbox.write(
      [
        EvidenceFixture.compliant(id: "m_6001", firstName: "Elm").jsonLine,
        "{\"system\": \"justworks\", \"account\": ",
      ].joined(separator: "\n"), to: "broken.jsonl")

    let failed = CLI.run([
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", auditTime, "--evidence", broken, "--reports", reports,
    ])

    expectInputError(failed)
    expectLocated(failed, in: broken, line: 2)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: reports + "/runs")
        == [Self.runName])
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: reports + "/latest")
    #expect(link == "runs/" + Self.runName)
    #expect(sandbox.listing().allSatisfy { !$0.contains(".partial") && !$0.hasSuffix(".tmp") })
  }

  @Test func inputReadTwiceStillMakesOneRunFolder() throws {
    // Note: m_4101's second document comes after another account's, so the audit reads the
    // input a second time; the first attempt must leave nothing behind.
    let lines = [
      EvidenceFixture.compliant(id: "m_4101", firstName: "Oak").with { $0.permissions = nil },
      EvidenceFixture.compliant(id: "m_4102", firstName: "Ash"),
      EvidenceFixture.compliant(id: "m_4101", firstName: "Oak").with { $0.attributes = [:] },
    ].map(\.jsonLine)
    let batch = try sandbox.write(lines.joined(separator: "\n"), to: "apart.jsonl")
    let reports = sandbox.path + "/Reports"
    let result = CLI.run([
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", auditTime, "--evidence", batch, "--reports", reports,
    ])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: reports + "/runs") == [Self.runName])
    let run = reports + "/runs/" + Self.runName
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: run).sorted()
        == ["report.json", "report.md", "report.txt"])
    let report = try ReportView(
      json: String(decoding: try contents(of: run + "/report.json"), as: UTF8.self))
    #expect(report.summary["accounts"] == 2)
  }

  @Test func theNumberOfThreadsDoesNotChangeTheReports() throws {
    // Account m_9103 appears again at the end, so its documents are apart.
    var lines = (1...40).map {
      EvidenceFixture.compliant(id: "m_9\(100 + $0)", firstName: "Svc\($0)")
        .with { if $0.accountID.hasSuffix("7") { $0.permissions?.removeFirst() } }.jsonLine
    }
    lines.append(
      EvidenceFixture.compliant(id: "m_9103", firstName: "Svc3")
        .with {
          $0.source = "screenshot"
          $0.permissions?.removeLast()
        }.jsonLine)
    let path = try sandbox.write(lines.joined(separator: "\n"), to: "batch.jsonl")
    let outputs = ["1", "3", "8"].map { jobs in
      CLI.audit(evidence: [path], ["--jobs", jobs]).stdout
    }

    #expect(outputs[0] == outputs[1])
    #expect(outputs[0] == outputs[2])
    let report = try ReportView(json: outputs[0])
    #expect(report.summary["accounts"] == 40)
    #expect(
      try report.account("m_9103").judged
        == [FindingKey("conflicting_evidence", "view_invoices_and_reporting")])
    #expect(try report.account("m_9117").status == "non_compliant")
  }

  @Test func batchReportsAreDeterministicToo() throws {
    let accounts = (1...12).map {
      EvidenceFixture.compliant(id: "m_9\($0)", firstName: "Svc\($0)")
    }
    let path = try sandbox.write(
      accounts.map(\.jsonLine).joined(separator: "\n"), to: "batch.jsonl")
    let runs = (1...2).map { _ in
      CLI.audit(evidence: [path], stdout: "markdown").stdout
    }

    #expect(!runs[0].isEmpty)
    #expect(runs[0] == runs[1])
  }
}
