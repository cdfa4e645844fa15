import Testing

@testable import PermauditCore

@Suite struct EvidenceMergingTests {
  @Test func agreeingDocumentsMergeWithBothProvenances() throws {
    let first = Fixtures.document()
    let second = Fixtures.secondDocument()
    let result = try Fixtures.evaluate(first, second)
    #expect(result.status == .compliant)
    #expect(result.evidence == [first.provenance, second.provenance])
    let check = try #require(result.passed.first { $0.subject == "last_name" })
    #expect(check.evidence == [first.provenance, second.provenance])
  }

  @Test func attributeStatedDifferentlyIsConflictingEvidence() throws {
    let first = Fixtures.document(changing: ["last_name": .text("Service Account")])
    let second = Fixtures.secondDocument(changing: ["last_name": .text("service account")])
    let result = try Fixtures.evaluate(first, second)

    let finding = try expectSingleFinding(result, .conflictingEvidence, subject: "last_name")
    #expect(finding.status == .fail)
    #expect(finding.step == "service-account")
    #expect(
      finding.actual?.contains("'Service Account' (attestation:it-admin@example.com)") == true)
    #expect(finding.actual?.contains("'service account' (justworks-api)") == true)
    #expect(finding.evidence == [first.provenance, second.provenance])
    expectNoFinding(result, .attributeMismatch)
    #expect(result.status == .inconclusive)
  }

  struct AgreementCase: CustomTestStringConvertible, Sendable {
    var attribute: String
    var first: String
    var second: String
    var testDescription: String { "\(attribute): '\(first)' and '\(second)'" }
  }

  static let agreements: [AgreementCase] = [
    .init(attribute: "last_name", first: "Service Account", second: " Service\u{3000} Account"),
    .init(attribute: "last_name", first: "Service Account", second: "Service\u{200B} Account"),
    .init(attribute: "title", first: "Intégration", second: "Inte\u{0301}gration"),
    .init(
      attribute: "work_email", first: "acme-svc@connect.example", second: "ACME-SVC@connect.example"
    ),
    .init(attribute: "department", first: "No Department", second: "no department"),
  ]

  @Test(arguments: agreements)
  func valuesEqualAfterNormalizationDoNotConflict(_ entry: AgreementCase) throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(changing: [entry.attribute: .text(entry.first)]),
      Fixtures.secondDocument(changing: [entry.attribute: .text(entry.second)]))
    expectNoFinding(result, .conflictingEvidence)
    #expect(result.status == .compliant)
  }

  @Test func nullAndTextConflict() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(changing: ["last_name": .empty]), Fixtures.secondDocument())
    try expectSingleFinding(result, .conflictingEvidence, subject: "last_name")
  }

  @Test func attributeStatedByOnlyOneDocumentIsKnown() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(changing: ["last_name": nil]), Fixtures.secondDocument())
    expectNoFinding(result, .missingEvidence)
    expectNoFinding(result, .conflictingEvidence)
    let check = try #require(result.passed.first { $0.subject == "last_name" })
    #expect(check.evidence.map(\.source) == ["justworks-api"])
  }

  @Test func permissionListedByOneDocumentOnlyIsConflictingEvidence() throws {
    let first = Fixtures.document(
      permissions: Fixtures.requiredPermissionNames + ["Manage Company Benefits"])
    let second = Fixtures.secondDocument()
    let result = try Fixtures.evaluate(first, second)

    let finding = try expectSingleFinding(
      result, .conflictingEvidence, subject: "manage_company_benefits")
    #expect(finding.status == .fail)
    #expect(finding.severity == .critical)
    #expect(finding.actual?.contains("held according to attestation:it-admin@example.com") == true)
    #expect(finding.actual?.contains("not held according to justworks-api") == true)
    #expect(Set(finding.evidence) == [first.provenance, second.provenance])
    expectNoFinding(result, .excessPermission)
    #expect(result.status == .inconclusive)
  }

  @Test func unrecognizedNameListedByOneDocumentOnlyIsConflictingAsWritten() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(permissions: Fixtures.requiredPermissionNames + ["Payroll  Wizard"]),
      Fixtures.secondDocument())
    try expectSingleFinding(result, .conflictingEvidence, subject: "Payroll  Wizard")
    expectNoFinding(result, .unrecognizedPermission)
    #expect(result.status == .inconclusive)
  }

  @Test func requiredPermissionInDisputeReplacesItsCheck() throws {
    let held = Fixtures.requiredPermissionNames.filter { $0 != "Manage Employees" }
    let result = try Fixtures.evaluate(
      Fixtures.document(), Fixtures.secondDocument(permissions: held))

    let finding = try expectSingleFinding(result, .conflictingEvidence, subject: "manage_employees")
    #expect(finding.step == "permissions")
    #expect(finding.reason == "Reads employee records.")
    #expect(result.findingsBeyondOvergrant == ["conflicting_evidence manage_employees"])
    #expect(!result.passedSubjects(.permission).contains("manage_employees"))
    #expect(result.status == .inconclusive)
  }

  @Test func emptyListDisputesEveryPermissionOfAnotherList() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(), Fixtures.secondDocument(permissions: []))
    #expect(result.findings(.conflictingEvidence).count == 4)
    expectNoFinding(result, .missingPermission)
    #expect(result.status == .inconclusive)
  }

  @Test func sameFactInDifferentSpellingsAcrossDocumentsAgrees() throws {
    let respelled = [
      "edit_company_settings", "MANAGE EMPLOYEES",
      "View Basic Employee\u{00A0}Information", "View Invoices & Reporting",
    ]
    let result = try Fixtures.evaluate(
      Fixtures.document(), Fixtures.secondDocument(permissions: respelled))
    #expect(result.findingSummary == ["justified_overgrant edit_company_settings"])
  }

  @Test func implyingPermissionInOneListDoesNotDisputeWhatItImplies() throws {
    // Both sources say the account can edit company settings: one directly, one through
    // Company Admin. Only Company Admin itself is in dispute.
    let first = Fixtures.document()
    let second = Fixtures.secondDocument(
      permissions: Fixtures.requiredPermissionNames.filter { $0 != "Edit Company Settings" }
        + ["Company Admin"])
    let result = try Fixtures.evaluate(first, second)
    #expect(
      result.findingsBeyondOvergrant == ["conflicting_evidence company_admin"])
    #expect(result.passedSubjects(.permission).contains("edit_company_settings"))
  }

  @Test func cycleMembersListedByDifferentDocumentsAgree() throws {
    let policy = Fixtures.permissionPolicy(requiring: ["manage_all_timecards"])
    let result = try Fixtures.evaluate(
      Fixtures.document(permissions: ["Manage All Timecards"]),
      Fixtures.secondDocument(permissions: ["Approve Timecards"]), policy: policy)
    #expect(result.findings.isEmpty, "findings: \(result.findingSummary)")
    #expect(result.status == .compliant)
  }
}
