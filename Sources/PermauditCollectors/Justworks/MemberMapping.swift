import Foundation

/// How a Partner API member record becomes the account fields of the `justworks` catalog.
/// The README's "Field mapping" table documents it, with which parts are confirmed by
/// Justworks' documentation and which are assumptions.
///
/// Only the fields below are copied; anything else in the record (tax ids, pay, partner
/// settings) never reaches evidence. A field the record omits stays absent (unknown):
/// Justworks omits empty values, but it may also omit what the token's scopes do not
/// cover, and the two cannot be told apart. `admin_access`, `invitation` and the admin
/// permissions are not in the API at all, so they are never written.
enum MemberMapping {
  /// The account fields, in catalog order.
  static func attributes(of member: [String: Any]) -> [(String, JSONValue)] {
    var fields: [(String, JSONValue)] = []
    func add(_ name: String, _ value: String?) {
      if let value, !value.isEmpty { fields.append((name, .string(value))) }
    }
    if let type = member["type"] as? String { add("member_type", memberTypeLabel(type)) }
    let name = member["name"] as? [String: Any]
    add("first_name", name?["given_name"] as? String)
    add("last_name", name?["family_name"] as? String)
    add("title", member["job_title"] as? String)
    if let manager = member["manager"] as? [String: Any] { add("manager", personName(manager)) }
    add("department", (member["department"] as? [String: Any])?["name"] as? String)
    add("office", (member["office"] as? [String: Any])?["name"] as? String)
    add("start_date", member["employment_start_date"] as? String)
    add("work_email", workEmails(of: member).first)
    if let active = member["active"] as? Bool { fields.append(("active", .bool(active))) }
    return fields
  }

  /// The member's work email addresses: entries of `emails` whose `type` is `work` (any
  /// case), read from `address` (or `value`/`email`).
  static func workEmails(of member: [String: Any]) -> [String] {
    guard let emails = member["emails"] as? [[String: Any]] else { return [] }
    return emails.compactMap { entry in
      guard (entry["type"] as? String)?.lowercased() == "work" else { return nil }
      let address = entry["address"] ?? entry["value"] ?? entry["email"]
      return (address as? String)?.trimmingCharacters(in: .whitespaces)
    }
  }

  /// A manager as shown in Justworks: the full name when the record gives one, otherwise
  /// the manager's member id.
  static func personName(_ person: [String: Any]) -> String? {
    if let name = person["name"] as? [String: Any] {
      let parts = [name["given_name"], name["family_name"]].compactMap { $0 as? String }
      if !parts.isEmpty { return parts.joined(separator: " ") }
    }
    if let name = person["name"] as? String { return name }
    return person["id"] as? String
  }

  /// The Member Type label of Justworks' add form for an API `type` code. Codes not in the
  /// table are kept as written, so an unexpected one shows up as a mismatch, never as a
  /// silent pass.
  static func memberTypeLabel(_ code: String) -> String {
    memberTypeLabels[code.lowercased()] ?? code
  }

  static let memberTypeLabels: [String: String] = [
    "third_party_admin": "3rd Party Admin / Accountant",
    "third_party": "3rd Party Admin / Accountant",
    "accountant": "3rd Party Admin / Accountant",
    "employee": "Employee",
    "full_time_employee": "Employee - Full Time (W-2)",
    "part_time_employee": "Employee - Part Time (W-2)",
    "intern": "Employee - Paid Intern (W-2)",
    "contractor": "U.S. Contractor or Consultant (1099)",
    "international_employee": "Employee - Outside of U.S.",
    "employee_eor": "Employer of Record (EOR) Employee",
  ]
}
