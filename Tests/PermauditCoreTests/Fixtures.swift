import Foundation
import Testing

@testable import PermauditCore

/// Small, readable inputs for the engine: a Justworks-like catalog, a policy that uses every
/// kind of requirement, and evidence documents that satisfy it unless a test changes them.
enum Fixtures {
  static let system = "justworks"
  static let accountID = "m_1001"
  static let permissionScreen = "Justworks > Company > Admins > Permissions"

  /// The audit's time: 2026-12-03T12:00:00Z.
  static let now = date("2026-12-03T12:00:00Z")

  // MARK: Catalog

  /// Nine permissions: `edit_company_settings` implies `view_company_settings`,
  /// `company_admin` implies both settings permissions and `manage_employees`,
  /// `view_all_employee_information` implies `view_basic_employee_information`, and
  /// `manage_all_timecards` and `approve_timecards` imply each other (a cycle).
  static let catalog = Catalog(
    system: system, title: "Justworks admin permissions", permissionScreen: permissionScreen,
    attributes: [
      AttributeDefinition(
        name: "member_type", type: .string, label: "Member Type",
        path: "Team > the member > Edit profile"),
      AttributeDefinition(name: "admin_access", type: .boolean, label: "Admin access"),
      AttributeDefinition(name: "first_name", type: .string),
      AttributeDefinition(name: "last_name", type: .string),
      AttributeDefinition(name: "title", type: .string),
      AttributeDefinition(name: "department", type: .string),
      AttributeDefinition(name: "office", type: .string),
      AttributeDefinition(name: "manager", type: .string),
      AttributeDefinition(name: "work_email", type: .email),
    ],
    permissions: [
      PermissionDefinition(
        id: "edit_company_settings", name: "Edit Company Settings",
        aliases: ["Company settings (edit)"], group: "Settings", access: .write, risk: .high,
        implies: ["view_company_settings"]),
      PermissionDefinition(
        id: "view_company_settings", name: "View Company Settings", group: "Settings",
        access: .read, risk: .low),
      PermissionDefinition(
        id: "manage_employees", name: "Manage Employees", group: "People", access: .write,
        risk: .high),
      PermissionDefinition(
        id: "view_all_employee_information", name: "View All Employee Information",
        group: "People", access: .read, risk: .medium,
        implies: ["view_basic_employee_information"],
        description: "reading every employee's profile, pay and tax data"),
      PermissionDefinition(
        id: "view_basic_employee_information", name: "View Basic Employee Information",
        group: "People", access: .read, risk: .low),
      PermissionDefinition(
        id: "upload_and_view_all_documents", name: "Upload & View All Documents",
        group: "Documents", access: .write, risk: .medium),
      PermissionDefinition(
        id: "view_invoices_and_reporting", name: "View Invoices and Reporting",
        group: "Finance", access: .read, risk: .low),
      PermissionDefinition(
        id: "manage_company_benefits", name: "Manage Company Benefits", group: "Benefits",
        access: .admin, risk: .critical),
      PermissionDefinition(
        id: "manage_all_timecards", name: "Manage All Timecards", group: "Time",
        access: .write, risk: .medium, implies: ["approve_timecards"]),
      PermissionDefinition(
        id: "approve_timecards", name: "Approve Timecards", group: "Time", access: .write,
        risk: .medium, implies: ["manage_all_timecards"]),
      PermissionDefinition(
        id: "company_admin", name: "Company Admin", access: .admin, risk: .critical,
        implies: ["edit_company_settings", "manage_employees"]),
    ])

  // MARK: Policy

  static let overgrantReason = "Justworks shows settings only to members who may edit them."

  /// Attribute requirements of every kind, in a first step.
  static let serviceAccountStep = PolicyStep(
    id: "service-account", title: "Set up the service account",
    attributes: [
      AttributeRequirement(
        attribute: "member_type", rule: .equals(text("3rd Party Admin / Accountant")),
        severity: .high, reason: "Only third-party admins can hold admin permissions.",
        impact: "The connector cannot be granted permissions."),
      AttributeRequirement(
        attribute: "admin_access", rule: .equals(.boolean(true)), severity: .high,
        reason: "Permissions need admin access."),
      AttributeRequirement(
        attribute: "first_name", rule: .equals(text("${linking_first_name}")),
        reason: "The linking flow shows this name."),
      AttributeRequirement(
        attribute: "last_name", rule: .equals(text("Service Account")), severity: .low,
        reason: "Marks the account as a service account."),
      AttributeRequirement(
        attribute: "work_email", rule: .equals(text("${linking_work_email}")),
        reason: "The linking flow sends mail here."),
      AttributeRequirement(
        attribute: "department", rule: .equals(text("No Department")),
        isCaseInsensitive: true, reason: "Keeps the account out of org charts."),
      AttributeRequirement(
        attribute: "title", rule: .oneOf([text("Service Account"), text("Intégration")]),
        reason: "Recognizable in the directory."),
      AttributeRequirement(attribute: "manager", rule: .any, reason: "Can be empty."),
    ])

  /// Permission requirements, one with an overgrant justification, in a second step.
  static let permissionsStep = PolicyStep(
    id: "permissions", title: "Add permissions",
    permissions: [
      PermissionRequirement(
        id: "edit_company_settings", severity: .high, reason: "Reads the company's settings.",
        impact: "Company name and logo stop syncing.", overgrant: overgrantReason),
      PermissionRequirement(
        id: "manage_employees", severity: .high, reason: "Reads employee records.",
        impact: "New hires never appear in GoProfiles."),
      PermissionRequirement(
        id: "view_basic_employee_information", severity: .medium,
        reason: "Reads names and titles.", impact: "Profiles stay empty."),
      PermissionRequirement(
        id: "view_invoices_and_reporting", severity: .low, reason: "Reads reporting lines.",
        impact: "The org chart is flat."),
    ])

  static let parameters = [
    ParameterDefinition(
      name: "linking_first_name", description: "First name shown in the linking flow",
      isRequired: true),
    ParameterDefinition(
      name: "linking_work_email", description: "Work email shown in the linking flow",
      isRequired: true, type: .email),
    ParameterDefinition(name: "linking_office", description: "Office, when known"),
  ]

  static func policy(
    steps: [PolicyStep] = [serviceAccountStep, permissionsStep], excess: ExcessTreatment = .warn,
    maxEvidenceAge: String? = "P7D"
  ) -> Policy {
    Policy(
      id: "goprofiles-justworks", system: system, title: "GoProfiles data connector",
      parameters: parameters, steps: steps, excess: excess,
      maxEvidenceAge: maxEvidenceAge.map { age(of: $0) })
  }

  /// A policy with one permission step requiring `ids`.
  static func permissionPolicy(
    requiring ids: [String], excess: ExcessTreatment = .warn
  ) -> Policy {
    let requirements = ids.map { PermissionRequirement(id: $0, reason: "Needed for \($0).") }
    return policy(
      steps: [PolicyStep(id: "permissions", title: "Add permissions", permissions: requirements)],
      excess: excess, maxEvidenceAge: nil)
  }

  /// A policy with one attribute step holding `requirements`, ignoring permissions.
  static func attributePolicy(_ requirements: [AttributeRequirement]) -> Policy {
    policy(
      steps: [PolicyStep(id: "service-account", title: "Account", attributes: requirements)],
      excess: .ignore, maxEvidenceAge: nil)
  }

  // MARK: Evidence

  static let evidenceParameters = [
    "linking_first_name": "Acme", "linking_work_email": "acme-svc@connect.example",
  ]

  /// Account fields that satisfy ``serviceAccountStep``.
  static let compliantAttributes: [String: AttributeValue] = [
    "member_type": .text("3rd Party Admin / Accountant"),
    "admin_access": .boolean(true),
    "first_name": .text("Acme"),
    "last_name": .text("Service Account"),
    "work_email": .text("acme-svc@connect.example"),
    "department": .text("No Department"),
    "title": .text("Service Account"),
    "office": .text("Remote (work from home)"),
    "manager": .empty,
  ]

  /// The names of exactly the permissions ``permissionsStep`` requires.
  static let requiredPermissionNames = [
    "Edit Company Settings", "Manage Employees", "View Basic Employee Information",
    "View Invoices and Reporting",
  ]

  /// One evidence document; by default it satisfies the whole default policy.
  ///
  /// - Parameter changing: attribute values to replace; `nil` removes the attribute.
  static func document(
    account: String = accountID, source: String = "attestation:it-admin@example.com",
    collectedAt: String = "2026-12-01T09:00:00Z", origin: String = "evidence/a.json",
    parameters: [String: String] = evidenceParameters,
    attributes: [String: AttributeValue] = compliantAttributes,
    changing changes: [String: AttributeValue?] = [:],
    permissions: [String]? = requiredPermissionNames
  ) -> EvidenceDocument {
    var attributes = attributes
    for (name, value) in changes { attributes[name] = value }
    return EvidenceDocument(
      system: system, accountID: account,
      provenance: Provenance(
        source: source, collectedAt: date(collectedAt), origin: origin,
        sha256: String(repeating: "0", count: 64)),
      parameters: parameters, attributes: attributes, permissions: permissions)
  }

  /// A second source's document, collected an hour after the default one.
  static func secondDocument(
    changing changes: [String: AttributeValue?] = [:],
    permissions: [String]? = requiredPermissionNames
  ) -> EvidenceDocument {
    document(
      source: "justworks-api", collectedAt: "2026-12-01T10:00:00Z", origin: "evidence/b.json",
      changing: changes, permissions: permissions)
  }

  // MARK: Evaluation

  static func engine(
    policy: Policy = policy(), parameters: [String: String] = [:], now: Date = now,
    failOn: FailOn = .fail
  ) -> AuditEngine {
    AuditEngine(
      policy: policy, catalog: catalog, parameters: parameters, now: now, failOn: failOn)
  }

  /// Evaluates one account made of `documents` under the default engine settings.
  static func evaluate(
    _ documents: EvidenceDocument..., policy: Policy = policy(),
    parameters: [String: String] = [:], failOn: FailOn = .fail
  ) throws -> AccountResult {
    try engine(policy: policy, parameters: parameters, failOn: failOn)
      .evaluate(AccountEvidence(accountID: documents[0].accountID, documents: documents))
  }

  // MARK: Values

  static func text(_ template: String) -> ExpectedValue {
    .text(try! Template.parse(template))
  }

  static func date(_ text: String) -> Date {
    guard let date = Timestamp.parse(text) else { fatalError("bad fixture timestamp \(text)") }
    return date
  }

  static func age(of text: String) -> EvidenceAge {
    EvidenceAge(text: text, seconds: ISODuration.seconds(in: text)!)
  }
}
