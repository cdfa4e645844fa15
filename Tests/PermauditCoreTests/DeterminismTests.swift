import Testing

@testable import PermauditCore

@Suite struct DeterminismTests {
  /// Two documents that together produce one finding of almost every kind.
  static func troubledAccount(reversed: Bool = false) -> [EvidenceDocument] {
    var attributes: [String: AttributeValue] = [:]
    let entries = Fixtures.compliantAttributes.sorted { $0.key < $1.key }
    for (name, value) in reversed ? entries.reversed() : entries { attributes[name] = value }
    let held = [
      "Edit Company Settings", "Manage Employees", "View All Employee Information",
      "Payroll Wizard", "Upload & View All Documents", "Manage Company Benefits",
      "Mystery Switch",
    ]
    let first = Fixtures.document(
      collectedAt: "2026-11-01T00:00:00Z", attributes: attributes,
      changing: ["last_name": .text("Bot"), "title": .text("Robot")], permissions: held)
    let second = Fixtures.document(
      source: "justworks-api", collectedAt: "2026-12-02T00:00:00Z", origin: "b.json",
      attributes: attributes, changing: ["last_name": .text("Bot"), "title": .text("Other Robot")],
      permissions: held.filter { $0 != "Mystery Switch" && $0 != "Manage Company Benefits" })
    return [first, second]
  }

  @Test func findingsComeInPolicyOrderThenExcessUnrecognizedConflictsAndStale() throws {
    let documents = Self.troubledAccount()
    let result = try Fixtures.evaluate(documents[0], documents[1])
    #expect(
      result.findingSummary == [
        "attribute_mismatch last_name",
        "conflicting_evidence title",
        "justified_overgrant edit_company_settings",
        "missing_permission view_invoices_and_reporting",
        "excess_permission view_all_employee_information",
        "excess_permission upload_and_view_all_documents",
        "unrecognized_permission Payroll Wizard",
        "conflicting_evidence manage_company_benefits",
        "conflicting_evidence Mystery Switch",
        "stale_evidence m_1001",
      ])
    #expect(result.status == .inconclusive)
  }

  @Test func evaluatingTwiceGivesEqualResults() throws {
    let documents = Self.troubledAccount()
    let engine = Fixtures.engine()
    let account = AccountEvidence(accountID: Fixtures.accountID, documents: documents)
    let first = try engine.evaluate(account)
    let second = try engine.evaluate(account)
    #expect(first.findings == second.findings)
    #expect(first.passed == second.passed)
    #expect(first.status == second.status)
    #expect(first.evidence == second.evidence)
  }

  @Test func resultDoesNotDependOnAttributeInsertionOrder() throws {
    let engine = Fixtures.engine()
    let forward = try engine.evaluate(
      AccountEvidence(accountID: Fixtures.accountID, documents: Self.troubledAccount()))
    let backward = try engine.evaluate(
      AccountEvidence(
        accountID: Fixtures.accountID, documents: Self.troubledAccount(reversed: true)))
    #expect(forward.findings == backward.findings)
    #expect(forward.passed == backward.passed)
  }

  @Test func passedChecksFollowPolicyOrder() throws {
    let result = try Fixtures.evaluate(Fixtures.document())
    #expect(
      result.passed.map(\.subject) == [
        "member_type", "admin_access", "first_name", "last_name", "work_email", "department",
        "title", "manager", "edit_company_settings", "manage_employees",
        "view_basic_employee_information", "view_invoices_and_reporting",
      ])
  }
}
