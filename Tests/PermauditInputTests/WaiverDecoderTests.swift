import Foundation
import PermauditCore
import Testing

@testable import PermauditInput

@Suite struct WaiverDecoderTests {
  static let valid = """
    kind: Waivers
    waivers:
      - account: m_7302
        kind: excess_permission
        subject: edit_employee_permissions
        reason: Needed for the payroll migration.
        owner: hr-systems@contoso.example
        approved_by: security@contoso.example
        expires: 2027-03-31
      - account: "*"
        kind: unrecognized_permission
        subject: Manage all timecard
        reason: Spelling of an old export.
        owner: it@contoso.example
        approved_by: security@contoso.example
        expires: 2027-01-15T17:00:00+01:00
    """

  static func decode(_ text: String, file: String = "waivers.yaml") throws(InputError)
    -> [Waiver]
  {
    try WaiverDecoder.decode(DocumentReader.readOne(Array(text.utf8), file: file))
  }

  @Test func readsEveryField() throws {
    let waivers = try Self.decode(Self.valid)
    #expect(waivers.count == 2)
    let first = waivers[0]
    #expect(first.account == "m_7302")
    #expect(first.kind == .excessPermission)
    #expect(first.subject == "edit_employee_permissions")
    #expect(first.approvedBy == "security@contoso.example")
    #expect(first.expiresText == "2027-03-31")
    #expect(first.origin == "waivers.yaml:3:5")
    #expect(waivers[1].account == Waiver.anyAccount)
  }

  @Test func aDateIsTheLastDayTheWaiverApplies() throws {
    let waivers = try Self.decode(Self.valid)
    #expect(waivers[0].expiresAt == Timestamp.parse("2027-04-01T00:00:00Z"))
    #expect(!waivers[0].isExpired(at: try #require(Timestamp.parse("2027-03-31T23:59:59Z"))))
    #expect(waivers[0].isExpired(at: try #require(Timestamp.parse("2027-04-01T00:00:00Z"))))
    #expect(waivers[1].expiresAt == Timestamp.parse("2027-01-15T16:00:00Z"))
  }

  @Test func readsJSONToo() throws {
    let json = """
      {"kind": "Waivers", "waivers": [{"account": "m_1", "kind": "stale_evidence",
        "subject": "m_1", "reason": "r", "owner": "o", "approved_by": "a",
        "expires": "2027-01-01"}]}
      """
    #expect(try Self.decode(json, file: "waivers.json").first?.kind == .staleEvidence)
  }

  struct Bad: CustomTestStringConvertible, Sendable {
    let name: String
    let replace: String
    let with: String
    let message: String
    var testDescription: String { name }
  }

  static let bad: [Bad] = [
    Bad(
      name: "unknown key", replace: "    owner: hr", with: "    ownr: hr",
      message: "waivers.yaml:7:5: unknown key 'ownr' in waiver 1 (did you mean 'owner'?)"),
    Bad(
      name: "unknown kind", replace: "kind: excess_permission",
      with: "kind: excess_permissions",
      message: "did you mean 'excess_permission'?"),
    Bad(
      name: "bad date", replace: "expires: 2027-03-31", with: "expires: 31/03/2027",
      message: "waivers.yaml:9:14: 'expires' of waiver 1 must be a date"),
    Bad(
      name: "impossible date", replace: "expires: 2027-03-31", with: "expires: 2027-02-30",
      message: "'expires' of waiver 1 must be a date"),
    Bad(
      name: "missing approver",
      replace: "    approved_by: security@contoso.example\n    expires: 2027-03-31",
      with: "    expires: 2027-03-31",
      message: "waiver 1 is missing the required key 'approved_by'"),
    Bad(
      name: "blank reason", replace: "reason: Needed for the payroll migration.",
      with: "reason: \"  \"", message: "'reason' of waiver 1 must not be blank"),
    Bad(
      name: "expired_waiver is not waivable", replace: "kind: excess_permission",
      with: "kind: expired_waiver", message: "cannot waive 'expired_waiver'"),
    Bad(
      name: "wrong document kind", replace: "kind: Waivers", with: "kind: Policy",
      message: "expected a document of kind 'Waivers', found kind 'Policy'"),
    Bad(
      name: "duplicate",
      replace: "  - account: \"*\"\n    kind: unrecognized_permission\n"
        + "    subject: Manage all timecard",
      with: "  - account: m_7302\n    kind: excess_permission\n"
        + "    subject: edit_employee_permissions",
      message: "waiver 2 repeats the waiver at waivers.yaml:3:5"),
  ]

  @Test(arguments: bad)
  func rejectsWithALocatedMessage(_ entry: Bad) throws {
    let text = Self.valid.replacingOccurrences(of: entry.replace, with: entry.with)
    #expect(text != Self.valid, "the case must change the document")
    do {
      _ = try Self.decode(text)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains(entry.message), "\(error.description)")
      #expect(error.location != nil)
    }
  }

  /// Two waivers of one finding, one by identifier and one by the name the reports show,
  /// are one waiver written twice.
  @Test func aRepeatUnderAnotherNameIsRefused() throws {
    let text = Self.valid.replacingOccurrences(
      of: "  - account: \"*\"\n    kind: unrecognized_permission\n"
        + "    subject: Manage all timecard",
      with: "  - account: m_7302\n    kind: excess_permission\n    subject: Manage Employees"
    )
    .replacingOccurrences(
      of: "subject: edit_employee_permissions", with: "subject: manage_employees")
    let subjects = WaiverSubjects(catalog: try fixtureCatalog())
    #expect(throws: Never.self) { try Self.decode(text) }

    do {
      _ = try WaiverDecoder.decode(parseDocument(text, file: "waivers.yaml"), subjects: subjects)
      Issue.record("expected an error")
    } catch let error as InputError {
      #expect(
        error.description.hasPrefix(
          "waivers.yaml:10:5: waiver 2 repeats the waiver at "
            + "waivers.yaml:3:5 (excess_permission 'manage_employees' on account 'm_7302')"),
        "\(error.description)")
    }
  }

  @Test func subjectsComeOutResolved() throws {
    let text = Self.valid.replacingOccurrences(
      of: "subject: edit_employee_permissions", with: "subject: view invoices and reporting")
    let subjects = WaiverSubjects(catalog: try fixtureCatalog())

    let waivers = try WaiverDecoder.decode(
      parseDocument(text, file: "waivers.yaml"), subjects: subjects)

    #expect(waivers.map(\.subject) == ["view_invoices_and_reporting", "Manage all timecard"])
  }

  /// The kinds an error lists are the kinds a waiver may name.
  @Test func anUnknownKindListsOnlyWaivableKinds() throws {
    let text = Self.valid.replacingOccurrences(
      of: "kind: excess_permission", with: "kind: excess")
    let error = #expect(throws: InputError.self) { try Self.decode(text) }
    let message = error?.description ?? ""
    #expect(message.contains("unrecognized_permission"), "\(message)")
    #expect(!message.contains("expired_waiver"), "\(message)")
  }

  @Test func refusesANumberForTextInJSON() throws {
    let json = """
      {"kind": "Waivers", "waivers": [{"account": 7302, "kind": "stale_evidence",
        "subject": "m_1", "reason": "r", "owner": "o", "approved_by": "a",
        "expires": "2027-01-01"}]}
      """
    #expect(throws: InputError.self) { try Self.decode(json, file: "waivers.json") }
  }
}
