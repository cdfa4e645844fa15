import Foundation
import Testing

@testable import PermauditCollectors

@Suite struct MemberMappingTests {
  static var member: [String: Any] {
    [
      "id": "m_1", "type": "third_party_admin", "active": false, "job_title": "Service Account",
      "name": ["given_name": "Acme", "family_name": "Service Account"],
      "emails": [
        ["type": "HOME", "address": "home@example.com"],
        ["type": "work", "address": " svc@connect.example "],
      ],
      "department": ["id": "d", "name": "No Department"],
      "office": ["id": "o", "name": "Remote (work from home)"],
      "manager": ["id": "m_9", "name": ["given_name": "Dana", "family_name": "Whitfield"]],
      "employment_start_date": "2026-11-30",
      "partner_settings": ["api_key": "must-not-be-copied"], "date_of_birth": "1990-01-01",
    ]
  }

  @Test func mapsTheDocumentedFieldsInCatalogOrder() {
    let fields = MemberMapping.attributes(of: Self.member)
    #expect(
      fields.map(\.0) == [
        "member_type", "first_name", "last_name", "title", "manager", "department", "office",
        "start_date", "work_email", "active",
      ])
    let values = Dictionary(fields, uniquingKeysWith: { first, _ in first })
    #expect(values["member_type"] == .string("3rd Party Admin / Accountant"))
    #expect(values["manager"] == .string("Dana Whitfield"))
    #expect(values["work_email"] == .string("svc@connect.example"))
    #expect(values["active"] == .bool(false))
  }

  @Test func neverCopiesUnmappedFieldsOrInventsUnknownOnes() {
    let json = CollectedEvidence(
      system: "justworks", collectedAt: Date(timeIntervalSince1970: 0), source: "test",
      accountID: "m_1", attributes: MemberMapping.attributes(of: Self.member)
    ).json
    #expect(!json.contains("must-not-be-copied"))
    #expect(!json.contains("1990"))
    #expect(!json.contains("admin_access") && !json.contains("invitation"))
    #expect(!json.contains("\"permissions\""))
  }

  @Test func leavesOmittedFieldsAbsent() {
    let fields = MemberMapping.attributes(of: ["id": "m_2", "name": ["given_name": "Only"]])
    #expect(fields.map(\.0) == ["first_name"])
  }

  @Test(arguments: [
    ("third_party_admin", "3rd Party Admin / Accountant"),
    ("employee_eor", "Employer of Record (EOR) Employee"),
    ("something_new", "something_new"),
  ])
  func labelsMemberTypes(code: String, label: String) {
    #expect(MemberMapping.memberTypeLabel(code) == label)
  }

  @Test func writesJSONTheLoaderCanRead() throws {
    let evidence = CollectedEvidence(
      system: "justworks", collectedAt: Date(timeIntervalSince1970: 1_796_460_000),
      source: "justworks-api:host", accountID: "m \"1\"",
      attributes: [("manager", .null), ("title", .string("a\nb"))], permissions: [])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(evidence.json.utf8)) as? [String: Any])
    #expect(object["collected_at"] as? String == "2026-12-05T08:40:00Z")
    #expect((object["account"] as? [String: Any])?["id"] as? String == "m \"1\"")
    #expect((object["permissions"] as? [String]) == [])
  }
}
