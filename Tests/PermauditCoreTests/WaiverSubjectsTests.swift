import Testing

@testable import PermauditCore

/// A waiver may name its subject as the reports show it; the name is looked up only among
/// what the waiver's kind can be about.
@Suite struct WaiverSubjectsTests {
  /// The fixture catalog plus an attribute whose label is also a permission's name.
  static let subjects = WaiverSubjects(
    catalog: Catalog(
      system: Fixtures.system, title: "Justworks admin permissions",
      permissionScreen: Fixtures.permissionScreen,
      attributes: Fixtures.catalog.attributes + [
        AttributeDefinition(name: "admin_role", type: .string, label: "Company Admin"),
        AttributeDefinition(name: "approve timecards", type: .string),
      ],
      permissions: Fixtures.catalog.permissions))

  static func subject(_ kind: FindingKind, _ subject: String) -> String {
    let waiver = Waiver(
      account: "*", kind: kind, subject: subject, reason: "Migration.",
      owner: "hr-systems@example.com", approvedBy: "security@example.com",
      expiresText: "2027-01-31", expiresAt: Fixtures.date("2027-02-01T00:00:00Z"),
      origin: "waivers.yaml:3:5")
    return subjects.resolved(waiver).subject
  }

  @Test func permissionKindsResolvePermissionNamesOnly() {
    #expect(Self.subject(.excessPermission, "company admin") == "company_admin")
    #expect(
      Self.subject(.missingPermission, "Upload and View All Documents")
        == "upload_and_view_all_documents")
    #expect(Self.subject(.justifiedOvergrant, "Edit Company Settings") == "edit_company_settings")
    #expect(Self.subject(.missingPermission, "Member Type") == "Member Type")
  }

  @Test func attributeMismatchResolvesAttributeLabelsOnly() {
    #expect(Self.subject(.attributeMismatch, "Company Admin") == "admin_role")
    #expect(Self.subject(.attributeMismatch, "member type") == "member_type")
    #expect(Self.subject(.attributeMismatch, "Manage Employees") == "Manage Employees")
  }

  @Test func evidenceKindsResolveEither() {
    #expect(Self.subject(.missingEvidence, "Member Type") == "member_type")
    #expect(Self.subject(.conflictingEvidence, "Manage Employees") == "manage_employees")
    // Note: an attribute's exact name wins over a permission's display name.
    #expect(Self.subject(.missingEvidence, "approve timecards") == "approve timecards")
    #expect(Self.subject(.excessPermission, "approve timecards") == "approve_timecards")
  }

  @Test func identifiersAndWrittenNamesStayAsTheyAre() {
    #expect(Self.subject(.excessPermission, "manage_employees") == "manage_employees")
    #expect(Self.subject(.attributeMismatch, "title") == "title")
    #expect(Self.subject(.unrecognizedPermission, "Manage Employees") == "Manage Employees")
    #expect(Self.subject(.staleEvidence, "m_1001") == "m_1001")
    #expect(Self.subject(.excessPermission, "Not A Permission") == "Not A Permission")
  }
}
