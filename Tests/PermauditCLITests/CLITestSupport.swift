import Foundation
import Testing

@testable import PermauditCLI

/// What the command wrote, collected from any thread.
final class OutputBuffer: @unchecked Sendable {
  // Note: @unchecked because every access to `text` goes through `lock`.
  private let lock = NSLock()
  private var text = ""

  func append(_ chunk: String) {
    lock.withLock { text += chunk }
  }

  var contents: String {
    lock.withLock { text }
  }
}

/// One in-process run of `permaudit`: its exit code and both output streams.
struct CLIResult {
  let exitCode: ExitCode
  let stdout: String
  let stderr: String

  /// Text that would mean the process crashed or printed a trace instead of a message.
  static let traceMarkers = [
    "Fatal error", "Stack dump", "Current stack trace", "Illegal instruction",
    "Segmentation fault",
  ]

  var hasTrace: Bool {
    Self.traceMarkers.contains { stderr.contains($0) || stdout.contains($0) }
  }

  /// The JSON report printed by `--stdout json`.
  func report(sourceLocation: SourceLocation = #_sourceLocation) throws -> ReportView {
    try ReportView(json: stdout, sourceLocation: sourceLocation)
  }
}

/// The time every audit in these tests is evaluated at.
let auditTime = "2026-12-05T09:30:00Z"

enum CLI {
  /// Runs `permaudit arguments` in-process; `input` is what standard input holds.
  static func run(_ arguments: [String], input: [UInt8] = []) -> CLIResult {
    let stdout = OutputBuffer()
    let stderr = OutputBuffer()
    let console = Console(
      write: { stdout.append($0) }, writeError: { stderr.append($0) },
      readInput: { input }, environment: [:],
      // Note: a clock far from `auditTime`, so a run that forgets `--now` shows in the results.
      clock: { Date(timeIntervalSince1970: 0) })
    let code = Permaudit.run(arguments, console: console)
    return CLIResult(exitCode: code, stdout: stdout.contents, stderr: stderr.contents)
  }

  /// Runs `permaudit audit` with the repository's policies folder, a fixed `--now`, no
  /// report files and one format on standard output, then `extra`.
  static func audit(
    evidence: [String], _ extra: [String] = [], policy: String = "goprofiles-justworks",
    stdout format: String = "json", input: [UInt8] = []
  ) -> CLIResult {
    var arguments = [
      "audit", "--policies-dir", Repository.policies, "--policy", policy, "--now", auditTime,
      "--reports", "-", "--stdout", format,
    ]
    for path in evidence { arguments += ["--evidence", path] }
    return run(arguments + extra, input: input)
  }
}

/// Paths inside this repository, found from this file's own path.
enum Repository {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // PermauditCLITests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()
    .path

  static var policies: String { root + "/Policies" }
}

/// A fresh temporary folder for one test, removed when the test's suite value goes away.
final class Sandbox: Sendable {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "permaudit-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes `text` to `name` (a path relative to the sandbox) and returns the full path.
  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    try write(bytes: Array(text.utf8), to: name)
  }

  /// Writes `bytes` to `name` (a path relative to the sandbox) and returns the full path.
  @discardableResult
  func write(bytes: [UInt8], to name: String) throws -> String {
    let full = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }

  /// Every file and folder under the sandbox, as relative paths, sorted.
  func listing() -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: path)
    return (enumerator?.allObjects as? [String] ?? []).sorted()
  }
}

/// A `(kind, subject)` pair, the way findings are compared.
struct FindingKey: Hashable, Sendable, CustomStringConvertible {
  let kind: String
  let subject: String

  init(_ kind: String, _ subject: String) {
    self.kind = kind
    self.subject = subject
  }

  var description: String { "\(kind) \(subject)" }
}

/// The JSON report, decoded with JSONSerialization and read by key.
struct ReportView {
  let object: [String: Any]

  init(json: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8))
    object = try #require(
      decoded as? [String: Any], "the report is not a JSON object", sourceLocation: sourceLocation)
  }

  var summary: [String: Int] {
    object["summary"] as? [String: Int] ?? [:]
  }

  var accounts: [AccountView] {
    (object["accounts"] as? [[String: Any]] ?? []).map(AccountView.init)
  }

  func account(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> AccountView
  {
    try #require(
      accounts.first { $0.id == id }, "no account '\(id)' in the report",
      sourceLocation: sourceLocation)
  }
}

/// One account of the JSON report.
struct AccountView {
  let object: [String: Any]

  var id: String? { object["id"] as? String }
  var status: String? { object["status"] as? String }
  var findings: [[String: Any]] { object["findings"] as? [[String: Any]] ?? [] }
  var evidence: [[String: Any]] { object["evidence"] as? [[String: Any]] ?? [] }

  /// The findings that count: status `fail` or `warn`.
  var judged: Set<FindingKey> {
    Set(
      findings.filter { ["fail", "warn"].contains($0["status"] as? String) }.map {
        FindingKey($0["kind"] as? String ?? "?", $0["subject"] as? String ?? "?")
      })
  }

  func finding(_ kind: String, _ subject: String) -> [String: Any]? {
    findings.first { $0["kind"] as? String == kind && $0["subject"] as? String == subject }
  }
}

/// Asserts the shape every input or usage error has: exit 2, a message, nothing judged.
func expectInputError(
  _ result: CLIResult, mentioning fragments: [String] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.exitCode == .invalidInput, "\(result.stderr)", sourceLocation: sourceLocation)
  #expect(
    result.stderr.hasPrefix("permaudit: error: "), "stderr: \(result.stderr)",
    sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
  #expect(!result.hasTrace, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
  for fragment in fragments {
    #expect(
      result.stderr.contains(fragment), "stderr lacks '\(fragment)': \(result.stderr)",
      sourceLocation: sourceLocation)
  }
}

/// Asserts that `stderr` points at `file` with a `file:line:column:` location.
func expectLocated(
  _ result: CLIResult, in file: String, line: Int? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let linePattern = line.map(String.init) ?? "[0-9]+"
  let pattern = NSRegularExpression.escapedPattern(for: file) + ":\(linePattern):[0-9]+: "
  #expect(
    result.stderr.range(of: pattern, options: .regularExpression) != nil,
    "expected '\(file):\(line.map(String.init) ?? "LINE"):COLUMN:' in: \(result.stderr)",
    sourceLocation: sourceLocation)
}
