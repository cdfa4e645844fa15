import Foundation
import Testing

@testable import PermauditCLI

/// `audit` with live evidence, `attest`, and the end-to-end flow of issue 3: collect from
/// the fake Partner API, merge with an attestation, audit with the GoProfiles policy.
@Suite struct LiveAuditTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  static let parameters = [
    "--param", "linking_first_name=Acme", "--param",
    "linking_work_email=\(FakeJustworks.serviceEmail)",
  ]

  /// Answers to `attest --policy goprofiles-justworks`, in question order: the account,
  /// then the attributes of step 1, then every catalog permission by screen group.
  static let answers = [
    "3rd Party Admin / Accountant", "yes", "Acme", "Service Account", "Integration User", "-",
    "No Department", "Remote (work from home)", "2026-11-30", FakeJustworks.serviceEmail,
    "work_email",
    "yes", "no",  // Settings: edit company settings, edit employee permissions
    "yes", "yes", "yes", "yes",  // Company HR
    "no",  // Payments: view invoices & reporting
    "no", "no",  // Benefits, Timecards
    "-",  // nothing else
  ]

  private func audit(_ evidence: [String], environment: [String: String], _ extra: [String] = [])
    -> CLIResult
  {
    var arguments =
      [
        "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
        "--now", "2026-12-05T09:30:00Z", "--reports", "-", "--stdout", "json",
        "--request-timeout", "10", "--retry-backoff", "0.01",
      ] + Self.parameters + extra
    for reference in evidence { arguments += ["--evidence", reference] }
    return LiveCLI.run(arguments, environment: environment)
  }

  private func attest(out: String) -> CLIResult {
    LiveCLI.run(
      [
        "attest", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
        "--out", out, "--by", "it-admin@acme.example", "--account", FakeJustworks.serviceID,
      ],
      environment: [:], input: Self.answers.joined(separator: "\n") + "\n")
  }

  @Test func collectAttestAndAuditEndToEnd() throws {
    let fake = try FakeJustworks()
    let environment = try fake.environment(sandbox: sandbox)
    let collected = sandbox.path + "/01-justworks.json"
    let attested = sandbox.path + "/02-attestation.json"
    let collect = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceEmail)", out: collected, environment: environment)
    #expect(collect.exitCode == .compliant, "\(collect.stderr)")
    let attest = attest(out: attested)
    #expect(attest.exitCode == .compliant, "\(attest.stderr)")

    let result = audit([collected, attested], environment: [:])
    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let account = try result.report().account(FakeJustworks.serviceID)
    #expect(account.status == "non_compliant")
    #expect(
      account.judged == [
        FindingKey("attribute_mismatch", "title"),
        FindingKey("missing_permission", "view_invoices_and_reporting"),
      ])
    let sources = account.evidence.compactMap { $0["source"] as? String }
    #expect(sources == ["justworks-api:127.0.0.1", "attestation:it-admin@acme.example"])
  }

  @Test func aLiveAuditMergesTheAPIWithTheAttestation() throws {
    let fake = try FakeJustworks()
    let attested = sandbox.path + "/attestation.json"
    #expect(attest(out: attested).exitCode == .compliant)
    let result = audit(
      ["justworks:\(FakeJustworks.serviceEmail)", attested],
      environment: try fake.environment(sandbox: sandbox))
    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let account = try result.report().account(FakeJustworks.serviceID)
    #expect(
      account.evidence.compactMap { $0["source"] as? String } == [
        "justworks-api:127.0.0.1", "attestation:it-admin@acme.example",
      ])
    #expect(
      account.judged.contains(FindingKey("missing_permission", "view_invoices_and_reporting")))
  }

  @Test func whatTheAPICannotTellIsMissingEvidence() throws {
    let fake = try FakeJustworks()
    let result = audit(
      ["justworks:\(FakeJustworks.serviceEmail)"],
      environment: try fake.environment(sandbox: sandbox))
    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let account = try result.report().account(FakeJustworks.serviceID)
    #expect(account.status == "inconclusive")
    for subject in ["admin_access", "invitation", "edit_company_settings"] {
      #expect(account.finding("missing_evidence", subject) != nil, "\(subject)")
    }
    #expect(account.finding("attribute_mismatch", "title") != nil)
  }

  @Test func aCollectionFailureDuringAnAuditExits3() throws {
    let fake = try FakeJustworks(scenario: "always_401")
    let result = audit(
      ["justworks:\(FakeJustworks.serviceEmail)"],
      environment: try fake.environment(sandbox: sandbox))
    expectCollectionFailure(result, mentioning: ["authentication failed"])
  }

  @Test func fetchesHTTPSEvidenceWithTheBearerToken() throws {
    let fake = try FakeJustworks()
    let attested = sandbox.path + "/attestation.json"
    #expect(attest(out: attested).exitCode == .compliant)
    var environment = try fake.environment(sandbox: sandbox)
    environment["PERMAUDIT_EVIDENCE_TOKEN"] = "evidence-token"
    let result = audit(
      ["justworks:\(FakeJustworks.serviceID)", fake.url + "/evidence/batch.jsonl?sig=abc"],
      environment: environment)
    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let report = try result.report()
    #expect(report.accounts.compactMap(\.id).sorted() == ["m_other", FakeJustworks.serviceID])
    #expect(!result.stdout.contains("sig=abc"))
  }

  @Test func httpsEvidenceWithoutTheTokenExits3() throws {
    let fake = try FakeJustworks()
    let result = audit([fake.url + "/evidence/account.json"], environment: [:])
    expectCollectionFailure(result, mentioning: ["HTTP 401", "PERMAUDIT_EVIDENCE_TOKEN"])
  }

  @Test func attestRefusesToWriteAHalfAnsweredFile() {
    let out = sandbox.path + "/half.json"
    let result = LiveCLI.run(
      [
        "attest", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
        "--out", out, "--by", "it-admin@acme.example", "--account", FakeJustworks.serviceID,
      ],
      environment: [:], input: Self.answers.prefix(5).joined(separator: "\n") + "\n")
    expectAttestationRefused(
      result, mentioning: ["5 of 21 questions answered", "nothing was written"])
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func attestRefusesAPipedAnswerThatDoesNotFit() {
    var answers = Self.answers
    answers[1] = "maybe"  // Admin Access takes yes or no
    let out = sandbox.path + "/wrong.json"
    let result = LiveCLI.run(
      [
        "attest", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
        "--out", out, "--by", "it-admin@acme.example", "--account", FakeJustworks.serviceID,
      ],
      environment: [:], input: answers.joined(separator: "\n") + "\n")
    expectAttestationRefused(result, mentioning: ["answer 2 ('maybe')", "answer yes or no"])
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}

/// Asserts a refused attestation: exit 2, the error as the last line, no evidence printed.
private func expectAttestationRefused(
  _ result: CLIResult, mentioning fragments: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.exitCode == .invalidInput, "\(result.stderr)", sourceLocation: sourceLocation)
  let last = result.stderr.split(separator: "\n").last ?? ""
  #expect(last.hasPrefix("permaudit: error: "), "\(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
  for fragment in fragments {
    #expect(last.contains(fragment), "\(last)", sourceLocation: sourceLocation)
  }
}
