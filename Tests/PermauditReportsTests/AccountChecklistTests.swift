import PermauditCore
import Testing

@testable import PermauditReports

@Suite struct AccountChecklistTests {
  static let accounts = [
    FixtureAccounts.compliant(), FixtureAccounts.drifted(), FixtureAccounts.hostile(),
  ]

  func checklist(_ account: AccountResult) -> AccountChecklist {
    AccountChecklist(
      account: account, policy: FixtureCatalog.policy,
      names: ReportNames(catalog: FixtureCatalog.catalog))
  }

  @Test(arguments: accounts)
  func showsEveryFindingExactlyOnce(_ account: AccountResult) {
    let checklist = checklist(account)
    var shown: [Finding] = checklist.beyond
    for row in checklist.rows {
      shown += row.notes
      switch row.outcome {
      case .finding(let finding), .unknown(let finding): shown.append(finding)
      case .passed, .notEvaluated: break
      }
    }
    #expect(shown.count == account.findings.count)
    for finding in account.findings { #expect(shown.contains(finding)) }
  }

  @Test(arguments: accounts)
  func listsEveryRequirementInPolicyOrder(_ account: AccountResult) {
    let subjects = checklist(account).rows.map(\.subject)
    let expected = FixtureCatalog.policy.steps.flatMap { step in
      step.attributes.map { AccountChecklist.Row.Subject.attribute($0.attribute) }
        + step.permissions.map { .permission($0.id) }
    }
    #expect(subjects == expected)
  }

  @Test func placesFindingsOnTheirRequirements() {
    let rows = checklist(FixtureAccounts.drifted()).rows
    let office = rows.first { $0.subject == .attribute("office") }
    let settings = rows.first { $0.subject == .permission("edit_company_settings") }
    if case .unknown(let finding)? = office?.outcome {
      #expect(finding.kind == .missingEvidence)
    } else {
      Issue.record("office should be unknown")
    }
    #expect(settings?.isMet == true)
    #expect(settings?.notes.map(\.kind) == [.justifiedOvergrant])
  }

  @Test func sendsFindingsOfUnknownStepsBeyondThePolicy() {
    var account = FixtureAccounts.compliant()
    account.findings.append(
      Finding(
        kind: .attributeMismatch, status: .fail, severity: .low, subject: "title",
        step: "no-such-step"))
    #expect(checklist(account).beyond.map(\.step) == ["no-such-step"])
  }
}

extension AccountResult: CustomTestStringConvertible {
  public var testDescription: String { id }
}
