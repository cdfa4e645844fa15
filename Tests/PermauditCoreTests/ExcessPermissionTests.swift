import Testing

@testable import PermauditCore

@Suite struct ExcessPermissionTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var excess: ExcessTreatment
    var status: CheckStatus?
    var accountStatus: AccountStatus
    var testDescription: String { "excess: \(excess.rawValue)" }
  }

  static let treatments: [Case] = [
    .init(excess: .ignore, status: nil, accountStatus: .compliant),
    .init(excess: .info, status: .info, accountStatus: .compliant),
    .init(excess: .warn, status: .warn, accountStatus: .compliant),
    .init(excess: .fail, status: .fail, accountStatus: .nonCompliant),
  ]

  @Test(arguments: treatments)
  func excessTakesThePolicysTreatment(_ entry: Case) throws {
    let held = Fixtures.requiredPermissionNames + ["Manage Company Benefits"]
    let result = try Fixtures.evaluate(
      Fixtures.document(permissions: held), policy: Fixtures.policy(excess: entry.excess))
    let excess = result.findings(.excessPermission)
    #expect(excess.map(\.status) == (entry.status.map { [$0] } ?? []))
    #expect(result.status == entry.accountStatus)
    if let finding = excess.first {
      #expect(finding.subject == "manage_company_benefits")
      #expect(finding.severity == .critical)
      #expect(finding.risk == .critical)
      #expect(finding.actual == "held")
      let remediation = try #require(finding.remediation)
      #expect(remediation.contains("'Manage Company Benefits'"))
      #expect(remediation.contains(Fixtures.permissionScreen))
      #expect(remediation.contains("'Benefits'"))
      #expect(remediation.contains("remove"))
    }
  }

  @Test func excessWarningsFailUnderFailOnWarn() throws {
    let held = Fixtures.requiredPermissionNames + ["Manage Company Benefits"]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held), failOn: .warn)
    #expect(result.status == .nonCompliant)
    let info = try Fixtures.evaluate(
      Fixtures.document(permissions: held), policy: Fixtures.policy(excess: .info),
      failOn: .warn)
    #expect(info.status == .compliant)
  }

  @Test func permissionImpliedByARequiredOneIsNotExcess() throws {
    let held = Fixtures.requiredPermissionNames + ["View Company Settings"]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))
    expectNoFinding(result, .excessPermission)
  }

  @Test func permissionThatImpliesARequiredOneIsStillExcess() throws {
    let held = Fixtures.requiredPermissionNames + ["Company Admin"]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))
    try expectSingleFinding(result, .excessPermission, subject: "company_admin")
  }

  @Test func excessIsOrderedByRiskThenCatalogOrder() throws {
    let held =
      Fixtures.requiredPermissionNames + [
        "Approve Timecards", "Upload & View All Documents", "Manage Company Benefits",
        "View All Employee Information", "Company Admin", "Manage All Timecards",
      ]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))
    #expect(
      result.findings(.excessPermission).map(\.subject) == [
        "manage_company_benefits", "company_admin", "view_all_employee_information",
        "upload_and_view_all_documents", "manage_all_timecards", "approve_timecards",
      ])
  }

  @Test func noExcessIsReportedWhenPermissionsAreUnknown() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(permissions: nil), policy: Fixtures.policy(excess: .fail))
    expectNoFinding(result, .excessPermission)
    expectNoFinding(result, .unrecognizedPermission)
  }
}
