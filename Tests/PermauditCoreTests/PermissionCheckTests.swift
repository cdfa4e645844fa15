import Testing

@testable import PermauditCore

@Suite struct PermissionCheckTests {
  @Test func holdingExactlyTheRequiredPermissionsIsCompliant() throws {
    let result = try Fixtures.evaluate(Fixtures.document())
    #expect(result.status == .compliant)
    #expect(result.findingSummary == ["justified_overgrant edit_company_settings"])
    #expect(
      result.passedSubjects(.permission) == [
        "edit_company_settings", "manage_employees", "view_basic_employee_information",
        "view_invoices_and_reporting",
      ])
  }

  @Test func missingPermissionFailsWithReasonImpactAndClickPath() throws {
    let held = Fixtures.requiredPermissionNames.filter { $0 != "View Invoices and Reporting" }
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))

    let finding = try expectSingleFinding(
      result, .missingPermission, subject: "view_invoices_and_reporting")
    #expect(finding.status == .fail)
    #expect(finding.severity == .low)
    #expect(finding.step == "permissions")
    #expect(finding.expected == "held")
    #expect(finding.actual == "not held")
    #expect(finding.reason == "Reads reporting lines.")
    #expect(finding.impact == "The org chart is flat.")
    #expect(finding.risk == .low)
    let remediation = try #require(finding.remediation)
    #expect(remediation.contains("'View Invoices and Reporting'"))
    #expect(remediation.contains(Fixtures.permissionScreen))
    #expect(remediation.contains("'Finance'"))
    #expect(result.status == .nonCompliant)
    #expect(!result.passedSubjects(.permission).contains("view_invoices_and_reporting"))
  }

  @Test func clickPathPrefersThePermissionsOwnPlace() {
    let catalog = Catalog(
      system: "demo", title: "Demo",
      permissions: [
        PermissionDefinition(id: "a", name: "Alpha", group: "Extras", path: "Settings > Alpha"),
        PermissionDefinition(id: "b", name: "Beta"),
      ])
    let paths = PermissionPaths(index: PermissionIndex(catalog: catalog), system: "demo")
    #expect(paths.grant(catalog.permissions[0]).hasPrefix("In Settings > Alpha, under 'Extras',"))
    #expect(paths.revoke(catalog.permissions[1]).hasPrefix("In the demo permission screen,"))
    #expect(paths.revoke(catalog.permissions[1]).contains("'Beta'"))
  }

  @Test func requirementsOwnRemediationReplacesTheClickPath() throws {
    var policy = Fixtures.permissionPolicy(requiring: ["manage_employees"])
    policy.steps[0].permissions[0].remediation = "Ask payroll to grant it."
    let result = try Fixtures.evaluate(Fixtures.document(permissions: []), policy: policy)
    let finding = try expectSingleFinding(result, .missingPermission, subject: "manage_employees")
    #expect(finding.remediation == "Ask payroll to grant it.")
  }

  @Test func emptyListHoldsNothingSoEveryRequirementIsMissing() throws {
    let result = try Fixtures.evaluate(Fixtures.document(permissions: []))
    #expect(
      result.findingSummary == [
        "missing_permission edit_company_settings", "missing_permission manage_employees",
        "missing_permission view_basic_employee_information",
        "missing_permission view_invoices_and_reporting",
      ])
    #expect(result.status == .nonCompliant)
  }

  @Test func absentListIsMissingEvidenceAndInconclusive() throws {
    let result = try Fixtures.evaluate(Fixtures.document(permissions: nil))
    #expect(
      result.findingSummary == [
        "missing_evidence edit_company_settings", "missing_evidence manage_employees",
        "missing_evidence view_basic_employee_information",
        "missing_evidence view_invoices_and_reporting",
      ])
    #expect(result.findings.allSatisfy { $0.status == .fail && $0.step == "permissions" })
    #expect(result.status == .inconclusive)
    #expect(result.passedSubjects(.permission).isEmpty)
  }

  @Test func documentWithoutListDoesNotDisputeAnotherThatHasOne() throws {
    let withList = Fixtures.document(
      permissions: Fixtures.requiredPermissionNames + ["Company Admin"])
    let withoutList = Fixtures.secondDocument(permissions: nil)
    let result = try Fixtures.evaluate(withList, withoutList)
    #expect(result.findingsBeyondOvergrant == ["excess_permission company_admin"])
    #expect(result.status == .compliant)
  }

  @Test func requiredPermissionHeldThroughImpliesPasses() throws {
    let held = [
      "Edit Company Settings", "Manage Employees", "View All Employee Information",
      "View Invoices and Reporting",
    ]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))
    expectNoFinding(result, .missingPermission)
    let check = try #require(
      result.passed.first { $0.subject == "view_basic_employee_information" })
    #expect(check.actual == "held through view_all_employee_information")
    #expect(result.findingsBeyondOvergrant == ["excess_permission view_all_employee_information"])
  }

  @Test func requiredPermissionHeldThroughTwoStepsOfImpliesPasses() throws {
    let policy = Fixtures.permissionPolicy(requiring: ["view_company_settings"])
    let result = try Fixtures.evaluate(
      Fixtures.document(permissions: ["Company Admin"]), policy: policy)
    #expect(result.passedSubjects(.permission) == ["view_company_settings"])
    #expect(result.findingSummary == ["excess_permission company_admin"])
  }

  @Test(arguments: ["Manage All Timecards", "Approve Timecards"])
  func cycleMembersSatisfyEachOther(_ held: String) throws {
    let policy = Fixtures.permissionPolicy(requiring: ["manage_all_timecards"])
    let result = try Fixtures.evaluate(Fixtures.document(permissions: [held]), policy: policy)
    #expect(result.passedSubjects(.permission) == ["manage_all_timecards"])
    #expect(result.findings.isEmpty, "findings: \(result.findingSummary)")
    #expect(result.status == .compliant)
  }

  @Test func samePermissionInSeveralSpellingsIsHeldOnce() throws {
    let held =
      Fixtures.requiredPermissionNames + [
        "edit  company settings", "EDIT_COMPANY_SETTINGS", "Company settings (edit)",
        "Manage\u{00A0}Employees\u{200B}",
      ]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))
    #expect(result.findingSummary == ["justified_overgrant edit_company_settings"])
    #expect(result.passedSubjects(.permission).count == 4)
  }

  @Test func justifiedOvergrantIsAnInfoFindingWithTheDocumentedReason() throws {
    let result = try Fixtures.evaluate(Fixtures.document())
    let finding = try expectSingleFinding(
      result, .justifiedOvergrant, subject: "edit_company_settings")
    #expect(finding.status == .info)
    #expect(finding.severity == .info)
    #expect(finding.reason == Fixtures.overgrantReason)
    #expect(finding.step == "permissions")
    #expect(result.status == .compliant)
  }

  @Test func overgrantIsNotReportedForAMissingPermission() throws {
    let held = Fixtures.requiredPermissionNames.filter { $0 != "Edit Company Settings" }
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))
    expectNoFinding(result, .justifiedOvergrant)
    try expectSingleFinding(result, .missingPermission, subject: "edit_company_settings")
  }

  @Test func unrecognizedNameIsAWarningWithASuggestion() throws {
    let held = Fixtures.requiredPermissionNames + ["Manage Company Benefit"]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))
    let finding = try expectSingleFinding(
      result, .unrecognizedPermission, subject: "Manage Company Benefit")
    #expect(finding.status == .warn)
    #expect(finding.suggestion == "Manage Company Benefits")
    #expect(finding.remediation?.contains("'Manage Company Benefits'") == true)
    #expect(result.status == .compliant)
  }

  @Test func unrecognizedNameFarFromEverythingHasNoSuggestion() throws {
    let held = Fixtures.requiredPermissionNames + ["  Payroll   Wizard "]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))
    let finding = try expectSingleFinding(
      result, .unrecognizedPermission, subject: "  Payroll   Wizard ")
    #expect(finding.suggestion == nil)
    #expect(finding.remediation?.contains("catalog") == true)
  }

  @Test func unrecognizedNameInTwoSpellingsIsReportedOnce() throws {
    let held = Fixtures.requiredPermissionNames + ["Payroll Wizard", "payroll  WIZARD"]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held))
    try expectSingleFinding(result, .unrecognizedPermission, subject: "Payroll Wizard")
  }

  @Test func unrecognizedNameFailsUnderFailOnWarn() throws {
    let held = Fixtures.requiredPermissionNames + ["Payroll Wizard"]
    let result = try Fixtures.evaluate(Fixtures.document(permissions: held), failOn: .warn)
    #expect(result.status == .nonCompliant)
  }
}
