import Foundation
import Testing

@testable import PermauditCLI

/// Secrets planted in the environment and in the fake API's answers (access tokens, a
/// rotated refresh token, unmapped member fields, error descriptions, a URL's query) must
/// never reach standard output, standard error, evidence or report files.
@Suite struct SecretLeakTests {
  /// Every planted value contains this marker, so one search finds any of them.
  static let marker = "PLANTED"

  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  private func fake(_ scenario: String) throws -> FakeJustworks {
    try FakeJustworks(
      scenario: "\(scenario),secret=\(Self.marker)-in-answers",
      arguments: [
        "--client-secret", "\(Self.marker)-client-secret", "--refresh-token",
        "\(Self.marker)-refresh-token", "--evidence-token", "\(Self.marker)-evidence-token",
      ])
  }

  private func environment(_ fake: FakeJustworks) -> [String: String] {
    [
      "JUSTWORKS_API_URL": fake.url, "JUSTWORKS_CLIENT_ID": "client-fake",
      "JUSTWORKS_CLIENT_SECRET": "\(Self.marker)-client-secret",
      "JUSTWORKS_REFRESH_TOKEN": "\(Self.marker)-refresh-token",
      "PERMAUDIT_EVIDENCE_TOKEN": "\(Self.marker)-evidence-token",
    ]
  }

  @Test func noSecretReachesAnyOutputOrFile() throws {
    var results: [CLIResult] = []

    let healthy = try fake("rotate")
    results.append(
      LiveCLI.collect(
        "justworks:\(FakeJustworks.serviceEmail)", out: sandbox.path + "/member.json",
        environment: environment(healthy), ["--verbose"]))
    #expect(results.last?.exitCode == .compliant, "\(results.last?.stderr ?? "")")

    let auditing = try fake("")
    let audit = LiveCLI.run(
      [
        "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
        "--now", "2026-12-05T09:30:00Z", "--reports", sandbox.path + "/reports",
        "--format", "json,markdown,text", "--verbose", "--param", "linking_first_name=Acme",
        "--param", "linking_work_email=\(FakeJustworks.serviceEmail)",
        "--evidence", "justworks:\(FakeJustworks.serviceEmail)",
        "--evidence", auditing.url + "/evidence/account.json?token=\(Self.marker)-in-query",
      ],
      environment: environment(auditing))
    #expect(audit.exitCode == .nonCompliant, "\(audit.stderr)")
    results.append(audit)

    for scenario in ["always_401", "malformed", "always_500"] {
      let failing = try fake(scenario)
      results.append(
        LiveCLI.collect(
          "justworks:\(FakeJustworks.serviceEmail)", out: sandbox.path + "/\(scenario).json",
          environment: environment(failing), ["--verbose", "--retries", "1"]))
      #expect(results.last?.exitCode == .collectionFailed)
    }
    var refused = environment(healthy)
    refused["JUSTWORKS_CLIENT_SECRET"] = "\(Self.marker)-wrong-secret"
    results.append(
      LiveCLI.collect(
        "justworks:\(FakeJustworks.serviceEmail)", out: sandbox.path + "/refused.json",
        environment: refused, ["--verbose"]))
    #expect(results.last?.exitCode == .collectionFailed)

    for result in results {
      #expect(!result.stdout.contains(Self.marker), "stdout: \(result.stdout)")
      #expect(!result.stderr.contains(Self.marker), "stderr: \(result.stderr)")
    }
    let files = sandbox.listing().filter { !$0.hasSuffix("/") }
    #expect(files.contains("member.json"))
    #expect(files.contains { $0.hasSuffix("report.json") })
    for file in files {
      let text = (try? String(contentsOfFile: sandbox.path + "/" + file, encoding: .utf8)) ?? ""
      #expect(!text.contains(Self.marker), "\(file) holds a secret")
    }
  }
}
