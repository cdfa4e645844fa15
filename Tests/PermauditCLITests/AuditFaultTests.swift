import Foundation
import Testing

@testable import PermauditCLI

/// Input and usage errors of `permaudit audit`: exit 2, one located message on standard
/// error, nothing on standard output, never a trace.
@Suite struct AuditFaultTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  static let base = EvidenceFixture()

  /// A fault written as one evidence file's text.
  struct FileFault: Sendable, CustomTestStringConvertible {
    let name: String
    let file: String
    let text: String
    var arguments: [String] = []
    /// Text the message must contain.
    var mentions: [String] = []
    /// Text on the line the message must point at as `file:line:column`.
    var locatedAt: String?
    var testDescription: String { name }
  }

  static let fileFaults: [FileFault] = [
    FileFault(
      name: "malformed JSON is located", file: "broken.json",
      text: """
        {"system": "justworks",
         "account": {"id": "m_7301" "title": "Service Account"},
         "permissions": []}
        """,
      locatedAt: "\"title\""),
    FileFault(
      name: "malformed JSON stays an input error under --fail-on never", file: "broken.json",
      text: "{\"system\": \"justworks\",\n  \"account\": {\"id\": \"m_7301\"}\n",
      arguments: ["--fail-on", "never"]),
    FileFault(
      name: "a trailing comma is an error", file: "trailing.json",
      text: base.json.replacingOccurrences(
        of: "\"View invoices & reporting\"", with: "\"View invoices & reporting\","),
      mentions: ["comma"], locatedAt: "reporting\","),
    FileFault(
      name: "a duplicate key is an error", file: "duplicate.json",
      text: base.json.replacingOccurrences(
        of: "\"source\" :", with: "\"source\" : \"again\",\n  \"source\" :"),
      mentions: ["source"]),
    FileFault(
      name: "a number where a string is expected is an error", file: "number.json",
      text: base.json.replacingOccurrences(
        of: "\"title\" : \"Service Account\"", with: "\"title\" : 1234"),
      mentions: ["title"]),
    FileFault(
      name: "an unknown top-level key is an error", file: "unknown-key.json",
      text: base.json.replacingOccurrences(of: "\"permissions\" :", with: "\"permisions\" :"),
      mentions: ["permisions"]),
    FileFault(
      name: "collected_at without a time zone is an error", file: "zoneless.json",
      text: base.with { $0.collectedAt = "2026-12-05T06:45:00" }.json,
      mentions: ["collected_at"]),
    FileFault(
      name: "a required parameter without a value is named",
      file: "no-email.json",
      text: base.with { $0.parameters?["linking_work_email"] = nil }.json,
      mentions: ["linking_work_email"]),
    FileFault(
      name: "parameters missing altogether are named", file: "no-parameters.json",
      text: base.with { $0.parameters = nil }.json, mentions: ["linking_first_name"]),
    FileFault(
      name: "evidence for another system is refused", file: "other-system.json",
      text: base.with { $0.system = "gusto" }.json, mentions: ["gusto", "justworks"]),
    FileFault(
      name: "evidence dated more than five minutes after --now is refused",
      file: "future.json", text: base.with { $0.collectedAt = "2026-12-05T09:36:00Z" }.json,
      mentions: ["2026-12-05T09:36:00Z"]),
    FileFault(
      name: "YAML nested 5,000 levels deep is refused without a crash", file: "deep.yaml",
      text: "system: justworks\naccount:\n  id: m_7301\npermissions: "
        + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n",
      locatedAt: "permissions: [[["),
    FileFault(
      name: "JSON nested 5,000 levels deep is refused without a crash", file: "deep.json",
      text: "{\"system\": \"justworks\", \"permissions\": "
        + String(repeating: "[", count: 5_000) + "\n",
      locatedAt: "[[["),
    FileFault(
      name: "a malformed line in the middle of a batch is named", file: "batch.jsonl",
      text: [
        EvidenceFixture.compliant(id: "m_8201", firstName: "Hazel").jsonLine,
        "{\"system\": \"justworks\", \"account\": {\"id\": \"m_8202\"",
        EvidenceFixture.compliant(id: "m_8203", firstName: "Alder").jsonLine,
      ].joined(separator: "\n") + "\n",
      locatedAt: "m_8202"),
    FileFault(
      name: "an empty evidence file audits nothing", file: "empty.json", text: ""),
  ]

  @Test(arguments: fileFaults)
  func refusesBadEvidence(_ fault: FileFault) throws {
    let path = try sandbox.write(fault.text, to: fault.file)
    let result = CLI.audit(evidence: [path], fault.arguments)

    expectInputError(result, mentioning: fault.mentions)
    if let marker = fault.locatedAt {
      let lines = fault.text.split(separator: "\n", omittingEmptySubsequences: false)
      let index = try #require(lines.firstIndex { $0.contains(marker) }, "no '\(marker)'")
      expectLocated(result, in: path, line: index + 1)
    }
  }

  /// A fault in the command line or its surroundings, around valid evidence.
  struct UsageFault: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    var mentions: [String] = []
    var testDescription: String { name }
  }

  static let usageFaults: [UsageFault] = [
    UsageFault(
      name: "a --param the policy does not declare",
      arguments: ["--param", "linking_work_emial=x"],
      mentions: ["linking_work_emial", "did you mean 'linking_work_email'"]),
    UsageFault(
      name: "the same --param twice",
      arguments: ["--param", "linking_first_name=A", "--param", "linking_first_name=B"],
      mentions: ["linking_first_name"]),
    UsageFault(
      name: "a --param without '='", arguments: ["--param", "linking_first_name"],
      mentions: ["NAME=VALUE"]),
    UsageFault(
      name: "a --param with an empty value (an unset shell variable)",
      arguments: ["--param", "linking_work_email="],
      mentions: ["linking_work_email", "empty value"]),
    UsageFault(
      name: "a --param whose value is only a line break (a quoted empty expansion)",
      arguments: ["--param", "linking_work_email=\n"],
      mentions: ["linking_work_email", "empty value"]),
    UsageFault(
      name: "a --param whose value is only invisible characters",
      arguments: ["--param", "linking_work_email=\u{FEFF}\u{2060}\u{00A0}"],
      mentions: ["linking_work_email", "empty value"]),
    UsageFault(
      name: "an unknown option", arguments: ["--evidnce", "x"],
      mentions: ["--evidnce", "did you mean '--evidence'"]),
    UsageFault(
      name: "an unknown --fail-on level", arguments: ["--fail-on", "sometimes"],
      mentions: ["sometimes"]),
    UsageFault(
      name: "an unknown format", arguments: ["--format", "json,markdwn"],
      mentions: ["markdwn", "did you mean 'markdown'"]),
    UsageFault(
      name: "a format named by its file extension", arguments: ["--format", "json,md"],
      mentions: ["'md'", "did you mean 'markdown'"]),
    UsageFault(
      name: "a --now without a time zone", arguments: ["--now", "2026-12-05 09:30"],
      mentions: ["--now"]),
  ]

  /// Every usage error is one line, then a pointer at the command's help, whether the
  /// parser or the command found it.
  @Test(arguments: usageFaults)
  func refusesABadCommandLine(_ fault: UsageFault) throws {
    let path = try sandbox.write(Self.base.json, to: "evidence.json")
    let result = CLI.audit(evidence: [path], fault.arguments)

    expectInputError(result, mentioning: fault.mentions)
    #expect(result.stderr.hasSuffix("\nsee 'permaudit audit --help'\n"), "\(result.stderr)")
  }

  @Test(arguments: [
    ("goprofiles-justwork", "did you mean 'goprofiles-justworks'"),
    ("/nonexistent/policy-that-is-not-there.yaml", "does not exist"),
    ("policy-that-is-not-there.yaml", "does not exist"),
  ])
  func aMissingPolicyIsNamed(_ policy: String, _ explanation: String) throws {
    let path = try sandbox.write(Self.base.json, to: "evidence.json")
    let result = CLI.audit(evidence: [path], policy: policy)

    expectInputError(result, mentioning: [policy, explanation])
  }

  @Test func anEmptyFolderAuditsNothing() throws {
    try FileManager.default.createDirectory(
      atPath: sandbox.path + "/empty", withIntermediateDirectories: true)
    try sandbox.write("nothing here\n", to: "empty/README.md")
    let result = CLI.audit(evidence: [sandbox.path + "/empty"])

    expectInputError(result, mentioning: ["no accounts"])
  }

  @Test func aMissingEvidencePathIsNamed() {
    let path = sandbox.path + "/not-there.json"
    expectInputError(CLI.audit(evidence: [path]), mentioning: [path])
  }

  @Test func emptyStandardInputAuditsNothing() {
    expectInputError(CLI.audit(evidence: ["-"], input: []))
  }

  @Test func standardInputCanBeReadOnlyOnce() {
    let input = Array(Self.base.json.utf8)
    expectInputError(CLI.audit(evidence: ["-", "-"], input: input), mentioning: ["--evidence -"])
  }

  @Test func liveSourcesWithCredentialsInTheURLAreRefusedWithoutLeakingThem() {
    // Note: live sources are collected; credentials in a URL are a configuration problem
    // refused before any connection (exit 2, an input error), and never echoed.
    let result = CLI.audit(evidence: ["https://auditor:hunter2@hr.example.test/e?token=abc123"])

    #expect(result.exitCode == .invalidInput, "\(result.stderr)")
    #expect(result.stderr.contains("holds user information"))
    #expect(!result.stderr.contains("hunter2"))
    #expect(!result.stderr.contains("abc123"))
  }

  @Test func controlCharactersInQuotedValuesStayOnOneLine() throws {
    let key = "x\npermaudit: error: forged\u{1B}[31m\u{202E}"
    let text = EvidenceFixture.serialize(["system": "justworks", key: 1], options: [])
    let path = try sandbox.write(text, to: "forged.json")
    let results = [
      CLI.audit(evidence: [path]), CLI.audit(evidence: [sandbox.path + "/no\nsuch\u{1B}[2J"]),
      CLI.audit(evidence: [path], ["--param", "bad\rname=1"]),
    ]

    for result in results {
      expectInputError(result)
      // Note: a usage error's second line is the pointer at --help.
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 1 || lines.last == "see 'permaudit audit --help'", "\(lines)")
      #expect(lines.count <= 2, "\(result.stderr)")
      #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D })
      #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x202E })
    }
    #expect(results[0].stderr.contains("'x\\u{A}permaudit: error: forged\\u{1B}[31m"))
  }

  @Test func missingRequiredOptionsAreNamed() {
    expectInputError(
      CLI.run(["audit", "--evidence", "x", "--policies-dir", Repository.policies]),
      mentioning: ["--policy"])
    expectInputError(
      CLI.run(["audit", "--policy", "goprofiles-justworks", "--policies-dir", Repository.policies]),
      mentioning: ["--evidence"])
  }

  @Test func anUnknownCommandSuggestsTheKnownOnes() {
    expectInputError(CLI.run(["audti"]), mentioning: ["audti", "audit"])
    expectInputError(CLI.run([]), mentioning: ["audit"])
  }

  @Test func errorsNeverWriteReports() throws {
    let path = try sandbox.write(Self.base.with { $0.system = "bamboo" }.json, to: "e.json")
    let reports = sandbox.path + "/Reports"
    let result = CLI.run([
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", auditTime, "--reports", reports, "--evidence", path,
    ])

    expectInputError(result)
    // Note: the reports folder itself may have been created; no run and no file may be.
    let runs = (try? FileManager.default.contentsOfDirectory(atPath: reports + "/runs")) ?? []
    #expect(runs.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: reports + "/latest"))
    #expect(sandbox.listing().filter { $0.hasPrefix("Reports/") && !$0.hasSuffix("runs") } == [])
  }
}
