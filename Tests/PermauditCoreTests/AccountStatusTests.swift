import Testing

@testable import PermauditCore

@Suite struct AccountStatusTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var findings: [(FindingKind, CheckStatus)]
    var failOn: FailOn
    var status: AccountStatus

    init(
      _ findings: [(FindingKind, CheckStatus)], _ failOn: FailOn, _ status: AccountStatus
    ) {
      self.findings = findings
      self.failOn = failOn
      self.status = status
    }

    var testDescription: String {
      let written = findings.map { "\($0.0.rawValue) \($0.1.rawValue)" }
      return "[\(written.joined(separator: ", "))] under --fail-on \(failOn.rawValue)"
    }
  }

  static let cases: [Case] = [
    .init([], .fail, .compliant),
    .init([], .warn, .compliant),
    .init([(.justifiedOvergrant, .info)], .warn, .compliant),
    .init([(.excessPermission, .info)], .warn, .compliant),
    .init([(.staleEvidence, .warn)], .fail, .compliant),
    .init([(.staleEvidence, .warn)], .warn, .nonCompliant),
    .init([(.staleEvidence, .warn)], .never, .compliant),
    .init([(.missingPermission, .waived)], .warn, .compliant),
    .init([(.missingPermission, .fail)], .fail, .nonCompliant),
    .init([(.missingPermission, .fail)], .never, .nonCompliant),
    .init([(.excessPermission, .fail)], .fail, .nonCompliant),
    .init([(.missingEvidence, .fail)], .fail, .inconclusive),
    .init([(.conflictingEvidence, .fail)], .fail, .inconclusive),
    .init([(.attributeMismatch, .fail), (.missingEvidence, .fail)], .fail, .inconclusive),
    .init([(.staleEvidence, .warn), (.conflictingEvidence, .fail)], .warn, .inconclusive),
  ]

  @Test(arguments: cases)
  func statusFollowsTheFindings(_ entry: Case) {
    let findings = entry.findings.map { kind, status in
      Finding(kind: kind, status: status, severity: .medium, subject: "x")
    }
    #expect(Fixtures.engine(failOn: entry.failOn).status(of: findings) == entry.status)
  }

  @Test func summaryCountsEachStatus() {
    var summary = AuditSummary()
    for status: AccountStatus in [.compliant, .inconclusive, .nonCompliant, .compliant] {
      summary.count(status)
    }
    #expect(summary.accounts == 4)
    #expect(summary.compliant == 2)
    #expect(summary.nonCompliant == 1)
    #expect(summary.inconclusive == 1)
    #expect(!summary.isAllCompliant)
  }
}
