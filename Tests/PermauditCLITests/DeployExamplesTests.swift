import Foundation
import Testing

/// The deployment examples in `deploy/` are valid for the tools that read them.
@Suite struct DeployExamplesTests {
  static let systemdAnalyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(.enabled(if: systemdAnalyze != nil, "systemd-analyze is not installed"))
  func theSystemdUnitsVerify() throws {
    let sandbox = try Sandbox()
    let source = Repository.root + "/deploy/systemd/"
    // Note: systemd-analyze checks that ExecStart exists, so point it at a real program.
    let service = try String(contentsOfFile: source + "permaudit.service", encoding: .utf8)
      .replacingOccurrences(of: "/usr/local/bin/permaudit", with: "/bin/true")
    let units = [
      try sandbox.write(service, to: "permaudit.service"),
      try sandbox.write(
        try String(contentsOfFile: source + "permaudit.timer", encoding: .utf8),
        to: "permaudit.timer"),
    ]
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.systemdAnalyze))
    process.arguments = ["verify"] + units
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
    #expect(!output.contains("permaudit."), "warnings about our units: \(output)")
  }

  @Test func everyExampleRunsTheAuditWithTheScheduledOptions() throws {
    for file in [
      "cron/permaudit", "systemd/permaudit.service", "kubernetes/cronjob.yaml",
      "kubernetes/indexed-job.yaml", "ci/github-actions.yml",
    ] {
      let text = try String(contentsOfFile: Repository.root + "/deploy/" + file, encoding: .utf8)
      #expect(text.contains("permaudit"), "\(file)")
      #expect(text.contains("audit"), "\(file)")
      #expect(!text.contains("hooks.slack.com/services/T"), "\(file) must not hold a webhook")
    }
    let indexed = try String(
      contentsOfFile: Repository.root + "/deploy/kubernetes/indexed-job.yaml", encoding: .utf8)
    #expect(indexed.contains("--shard \"$JOB_COMPLETION_INDEX/4\""))
    #expect(indexed.contains("completionMode: Indexed"))
  }
}
