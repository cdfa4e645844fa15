import Foundation

/// A value of an account field in evidence.
enum FieldValue: Sendable {
  case text(String)
  case flag(Bool)
  case null

  var json: Any {
    switch self {
    case .text(let text): return text
    case .flag(let flag): return flag
    case .null: return NSNull()
    }
  }
}

/// One evidence document, built in code so each test states only what it changes.
///
/// The default is a compliant service account for the GoProfiles policy, with its own ids
/// and values (account `m_7301`, linking name "Juniper").
struct EvidenceFixture: Sendable {
  var system = "justworks"
  var collectedAt = "2026-12-05T06:45:00Z"
  var source = "export:hr-ops@example.test"
  /// `nil` leaves the `parameters` key out.
  var parameters: [String: String]? = [
    "linking_first_name": "Juniper", "linking_work_email": "juniper-sync@link.example",
  ]
  var accountID = "m_7301"
  var attributes: [String: FieldValue] = [
    "first_name": .text("Juniper"),
    "last_name": .text("Service Account"),
    "work_email": .text("juniper-sync@link.example"),
    "member_type": .text("3rd Party Admin / Accountant"),
    "admin_access": .flag(true),
    "title": .text("Service Account"),
    "department": .text("No Department"),
    "office": .text("Remote (work from home)"),
    "manager": .null,
    "start_date": .text("2026-11-20"),
    "invitation": .text("work_email"),
  ]
  /// `nil` leaves the `permissions` key out (not known); `[]` holds none.
  var permissions: [String]? = EvidenceFixture.requiredNames

  /// The six permissions the policy requires, spelled as Justworks' screen shows them.
  static let requiredNames = [
    "Edit company settings", "Manage employees", "View all employee information",
    "View basic employee information", "Upload & view all documents",
    "View invoices & reporting",
  ]

  /// The catalog ids of the six required permissions, in policy order.
  static let requiredIDs = [
    "edit_company_settings", "manage_employees", "view_all_employee_information",
    "view_basic_employee_information", "upload_and_view_all_documents",
    "view_invoices_and_reporting",
  ]

  /// A compliant account with another id, name and linking email.
  static func compliant(id: String, firstName: String) -> EvidenceFixture {
    var fixture = EvidenceFixture()
    let email = "\(firstName.lowercased())-sync@link.example"
    fixture.accountID = id
    fixture.parameters = ["linking_first_name": firstName, "linking_work_email": email]
    fixture.attributes["first_name"] = .text(firstName)
    fixture.attributes["work_email"] = .text(email)
    return fixture
  }

  /// A copy with `change` applied.
  func with(_ change: (inout EvidenceFixture) -> Void) -> EvidenceFixture {
    var copy = self
    change(&copy)
    return copy
  }

  var object: [String: Any] {
    var account: [String: Any] = ["id": accountID]
    for (name, value) in attributes { account[name] = value.json }
    var object: [String: Any] = [
      "system": system, "collected_at": collectedAt, "source": source, "account": account,
    ]
    if let parameters { object["parameters"] = parameters }
    if let permissions { object["permissions"] = permissions }
    return object
  }

  /// Pretty-printed JSON with sorted keys.
  var json: String { Self.serialize(object, options: .prettyPrinted) }

  /// One line of JSON Lines (without the newline).
  var jsonLine: String { Self.serialize(object, options: []) }

  static func serialize(_ value: Any, options: JSONSerialization.WritingOptions) -> String {
    let data = try? JSONSerialization.data(
      withJSONObject: value, options: options.union([.sortedKeys, .withoutEscapingSlashes]))
    return data.map { String(decoding: $0, as: UTF8.self) } ?? ""
  }
}
