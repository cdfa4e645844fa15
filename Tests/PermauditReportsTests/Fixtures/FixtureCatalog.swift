import Foundation
import PermauditCore

/// A Justworks-like catalog and the GoProfiles policy, shortened, for report fixtures.
enum FixtureCatalog {
  static let catalog = Catalog(
    system: "justworks", title: "Justworks admin permissions",
    permissionScreen: "Company → Permissions → Administrator permissions tab",
    attributes: [
      attribute("member_type", "Member Type", path: "Employees → Add → Add 3rd-party"),
      AttributeDefinition(name: "admin_access", type: .boolean, label: "Admin Access"),
      attribute("first_name", "First Name", path: "Employees → the member → profile"),
      attribute("last_name", "Last Name"),
      attribute("title", "Title", path: "Employees → the member → Job Information"),
      attribute("manager", "Manager"),
      attribute("department", "Department", path: "Employees → the member → Job Information"),
      attribute("office", "Office", path: "Employees → the member → Job Information"),
      AttributeDefinition(name: "start_date", type: .date, label: "Start date"),
      AttributeDefinition(name: "work_email", type: .email, label: "Work Email"),
      attribute("invitation", "Send Invitation to"),
    ],
    permissions: [
      permission("edit_company_settings", "Edit company settings", .high, "Settings"),
      permission("edit_employee_permissions", "Edit employee permissions", .critical, "Settings"),
      permission("manage_employees", "Manage employees", .high, "Company HR"),
      permission(
        "view_all_employee_information", "View all employee information", .high,
        "Company HR"),
      permission(
        "view_basic_employee_information", "View basic employee information", .medium,
        "Company HR"),
      permission(
        "upload_and_view_all_documents", "Upload & view all documents", .high,
        "Company HR"),
      permission("view_invoices_and_reporting", "View invoices & reporting", .high, "Payments"),
      permission("manage_company_benefits", "Manage company benefits", .high, "Benefits"),
      permission("manage_all_timecards", "Manage all timecards", .high, "Timecards"),
    ])

  static let policy = Policy(
    id: "goprofiles-justworks", system: "justworks",
    title: "GoProfiles data connector — Justworks service account",
    source: DocumentSource(
      title: "JustWorks Data Connector Instructions (GoProfiles Help Center)",
      url: "https://www.goprofiles.io/help/justworks-data-connector-instructions/"),
    steps: [
      PolicyStep(
        id: "service-account",
        title: "Add a 3rd-party member and set up the service account",
        attributes: [
          equals("member_type", "3rd Party Admin / Accountant"),
          AttributeRequirement(attribute: "admin_access", rule: .equals(.boolean(true))),
          equals("first_name", "${linking_first_name}"),
          equals("last_name", "Service Account"),
          equals("title", "Service Account"),
          AttributeRequirement(attribute: "manager", rule: .any),
          equals("department", "No Department"),
          equals("office", "Remote (work from home)"),
          AttributeRequirement(attribute: "start_date", rule: .any),
          equals("work_email", "${linking_work_email}"),
          equals("invitation", "work_email"),
        ]),
      PolicyStep(
        id: "permissions", title: "Add permissions",
        permissions: [
          PermissionRequirement(
            id: "edit_company_settings", reason: Reasons.companySettings,
            overgrant: Reasons.overgrant),
          PermissionRequirement(id: "manage_employees", reason: Reasons.employees),
          PermissionRequirement(id: "view_all_employee_information", reason: Reasons.employees),
          PermissionRequirement(id: "view_basic_employee_information", reason: Reasons.employees),
          PermissionRequirement(id: "upload_and_view_all_documents", reason: Reasons.reports),
          PermissionRequirement(id: "view_invoices_and_reporting", reason: Reasons.reports),
        ]),
    ],
    excess: .warn, maxEvidenceAge: EvidenceAge(text: "P7D", seconds: 7 * 86_400))

  /// The policy's requirement reasons, quoting the setup guide.
  enum Reasons {
    static let companySettings = """
      "This is required for our integration to view Company, Office, Location, and \
      Department information."
      """
    static let overgrant = """
      GoProfiles only reads company information, but Justworks requires EDIT access to \
      view it, as the guide documents.
      """
    static let employees = """
      "This is required to view Employee information and access the Employee Census Report \
      and the Work History Report."
      """
    static let reports = """
      "This is required to access the Employee Census Report and Work History Report."
      """
    static let reportsImpact = """
      GoProfiles cannot open the Employee Census Report and the Work History Report, so \
      employee and job-history data stop syncing.
      """
  }

  private static func attribute(_ name: String, _ label: String, path: String? = nil)
    -> AttributeDefinition
  {
    AttributeDefinition(name: name, type: .string, label: label, path: path)
  }

  private static func permission(
    _ id: String, _ name: String, _ risk: Risk, _ group: String
  ) -> PermissionDefinition {
    PermissionDefinition(id: id, name: name, group: group, risk: risk)
  }

  private static func equals(_ attribute: String, _ value: String) -> AttributeRequirement {
    let segments: [Template.Segment] =
      value.hasPrefix("${")
      ? [.parameter(String(value.dropFirst(2).dropLast()))] : [.literal(value)]
    return AttributeRequirement(
      attribute: attribute, rule: .equals(.text(Template(segments: segments))),
      reason: "The guide says to fill out the form with this value.")
  }
}
