import Foundation
import PermauditCore
import Testing

@testable import PermauditInput

/// An evidence document in YAML: `system`, `collected_at` and `source` on lines 1 to 3,
/// `account:` on line 4, its `id` (if any) on line 5, then `account` lines (already
/// indented) and `tail` lines at the top level.
private func evidenceYAML(
  id: String? = "m_1001", account: String = "", tail: String = "",
  collectedAt: String = "2026-12-01T09:00:00Z"
) -> String {
  var lines = [
    "system: justworks", "collected_at: \(collectedAt)",
    "source: attestation:it-admin@example.com", "account:",
  ]
  if let id { lines.append("  id: \(id)") }
  lines += [account, tail].filter { !$0.isEmpty }
  return lines.joined(separator: "\n") + "\n"
}

/// The same in JSON, with the account's fields after `"id": "m_1"` on line 2 (column 27).
private func evidenceJSON(accountFields: String) -> String {
  """
  {"system": "justworks", "collected_at": "2026-12-01T09:00:00Z", "source": "test",
   "account": {"id": "m_1", \(accountFields)}}
  """
}

private func decode(_ text: String, file: String = "in.yaml") throws -> EvidenceDocument {
  try EvidenceDecoder(catalog: fixtureCatalog())
    .document(parseDocument(text, file: file), origin: file, sha256: "digest")
}

@Suite struct EvidenceDecoderTests {
  // MARK: - Typing of account fields

  @Test(arguments: [
    ("title: 1234", "title", AttributeValue.text("1234")),
    ("title: 12.50", "title", .text("12.50")),
    ("title: 'Service Account'", "title", .text("Service Account")),
    ("first_name: No", "first_name", .text("No")),
    ("manager:", "manager", .empty),
    ("manager: ~", "manager", .empty),
    ("manager: null", "manager", .empty),
    ("manager: NULL", "manager", .empty),
    ("manager: ''", "manager", .text("")),
    ("admin_access: Yes", "admin_access", .boolean(true)),
    ("admin_access: no", "admin_access", .boolean(false)),
    ("admin_access: TRUE", "admin_access", .boolean(true)),
    ("admin_access: false", "admin_access", .boolean(false)),
    ("admin_access: 'yes'", "admin_access", .boolean(true)),
    ("admin_access: ~", "admin_access", .empty),
    ("start_date: 2026-11-30", "start_date", .text("2026-11-30")),
    ("work_email: Acme-Svc@Connect.example", "work_email", .text("Acme-Svc@Connect.example")),
    ("department: No Department", "department", .text("No Department")),
    ("nickname: 42", "nickname", .text("42")),
    ("tags: [a, b]", "tags", .text("(a list)")),
  ])
  func typesYAMLFieldsByTheCatalog(_ line: String, _ name: String, _ expected: AttributeValue)
    throws
  {
    let document = try decode(evidenceYAML(account: "  " + line))
    #expect(document.attributes[name] == expected)
    #expect(document.attributes.count == 1)
  }

  @Test(arguments: [
    (#""admin_access": "yes""#, "admin_access", AttributeValue.boolean(true)),
    (#""admin_access": false"#, "admin_access", .boolean(false)),
    (#""manager": null"#, "manager", .empty),
    (#""title": "1234""#, "title", .text("1234")),
    (#""nickname": 42"#, "nickname", .text("42")),
    (#""flag": true"#, "flag", .boolean(true)),
  ])
  func typesJSONFieldsByTheCatalog(_ field: String, _ name: String, _ expected: AttributeValue)
    throws
  {
    let document = try decode(evidenceJSON(accountFields: field), file: "in.json")
    #expect(document.attributes[name] == expected)
  }

  @Test(arguments: ["007", "'007'", "\"007\""])
  func accountIDKeepsItsText(_ written: String) throws {
    #expect(try decode(evidenceYAML(id: written)).accountID == "007")
  }

  @Test func accountIDIsNotAnAttribute() throws {
    let document = try decode(evidenceYAML(account: "  first_name: Acme"))
    #expect(document.accountID == "m_1001")
    #expect(document.attributes == ["first_name": .text("Acme")])
  }

  // MARK: - Permissions

  @Test(
    arguments: [
      ("", nil),
      ("permissions:", nil),
      ("permissions: null", nil),
      ("permissions: ~", nil),
      ("permissions: []", []),
      (
        "permissions: [Edit company settings, 'Manage  employees', Unknown one]",
        ["Edit company settings", "Manage  employees", "Unknown one"]
      ),
    ] as [(String, [String]?)])
  func permissionsKeepUnknownApartFromNone(_ tail: String, _ expected: [String]?) throws {
    #expect(try decode(evidenceYAML(tail: tail)).permissions == expected)
  }

  // MARK: - Provenance and parameters

  @Test func specExampleDecodes() throws {
    let json = """
      {"system": "justworks",
       "collected_at": "2026-12-01T09:00:00Z",
       "source": "attestation:it-admin@example.com",
       "parameters": {"linking_first_name": "Acme",
                      "linking_work_email": "acme-svc@connect.example"},
       "account": {"id": "m_1001", "first_name": "Acme", "last_name": "Service Account",
                   "work_email": "acme-svc@connect.example",
                   "member_type": "3rd Party Admin / Accountant",
                   "admin_access": true, "title": "Service Account",
                   "department": "No Department", "office": "Remote (work from home)",
                   "manager": null, "start_date": "2026-11-30", "invitation": "work_email"},
       "permissions": ["Edit Company Settings", "Manage Employees"]}
      """
    let node = try parseDocument(json, file: "evidence.json")
    let document = try EvidenceDecoder(catalog: fixtureCatalog())
      .document(node, origin: "evidence.json", sha256: Digest.sha256(json))

    #expect(document.system == "justworks")
    #expect(document.accountID == "m_1001")
    #expect(document.provenance.source == "attestation:it-admin@example.com")
    #expect(document.provenance.collectedAt == Timestamp.parse("2026-12-01T09:00:00Z"))
    #expect(document.provenance.origin == "evidence.json")
    #expect(document.provenance.sha256 == Digest.sha256(json))
    #expect(
      document.parameters == [
        "linking_first_name": "Acme", "linking_work_email": "acme-svc@connect.example",
      ])
    #expect(document.attributes["admin_access"] == .boolean(true))
    #expect(document.attributes["manager"] == .empty)
    #expect(document.attributes["member_type"] == .text("3rd Party Admin / Accountant"))
    // Not declared by the test catalog: kept as written.
    #expect(document.attributes["office"] == .text("Remote (work from home)"))
    #expect(document.attributes["last_name"] == .text("Service Account"))
    #expect(document.attributes.count == 11)
    #expect(document.permissions == ["Edit Company Settings", "Manage Employees"])
  }

  @Test func collectedAtOffsetsAreAbsoluteTime() throws {
    let utc = try decode(evidenceYAML(collectedAt: "2026-12-01T08:00:00Z"))
    let paris = try decode(evidenceYAML(collectedAt: "2026-12-01T09:00:00+01:00"))
    #expect(utc.provenance.collectedAt == paris.provenance.collectedAt)
    #expect(utc.provenance.collectedAt.timeIntervalSince1970 == 1_796_112_000)
  }

  @Test func parametersAreKeptAsText() throws {
    let document = try decode(
      evidenceYAML(tail: "parameters: {linking_first_name: Acme, undeclared: 1234}"))
    #expect(document.parameters == ["linking_first_name": "Acme", "undeclared": "1234"])
    #expect(try decode(evidenceYAML(tail: "parameters: ~")).parameters.isEmpty)
    #expect(try decode(evidenceYAML()).parameters.isEmpty)
  }

  // MARK: - Batches

  @Test func topLevelListIsABatch() throws {
    let text = """
      - system: justworks
        collected_at: 2026-12-01T09:00:00Z
        source: a
        account: {id: m_1}
      - system: justworks
        collected_at: 2026-12-02T09:00:00Z
        source: b
        account: {id: m_2}
        permissions: []
      """
    let documents = try EvidenceDecoder(catalog: fixtureCatalog())
      .documents(in: parseDocument(text), origin: "batch.yaml", sha256: "d")
    #expect(documents.map(\.accountID) == ["m_1", "m_2"])
    #expect(documents.map(\.permissions) == [nil, []])
    #expect(documents.map(\.provenance.source) == ["a", "b"])
  }

  @Test func singleDocumentIsABatchOfOne() throws {
    let documents = try EvidenceDecoder(catalog: fixtureCatalog())
      .documents(in: parseDocument(evidenceYAML()), origin: "one.yaml", sha256: "d")
    #expect(documents.map(\.accountID) == ["m_1001"])
  }

  @Test func batchItemThatIsNotAMappingIsRefused() {
    expectInputError(at: "1:3", ["the evidence document must be a mapping", "found a string"]) {
      _ = try EvidenceDecoder(catalog: fixtureCatalog())
        .documents(in: parseDocument("- hello\n"), origin: "x", sha256: "d")
    }
  }

  // MARK: - Errors

  static let yamlErrorCases: [DecodingErrorCase] = [
    DecodingErrorCase(
      "boolean field maybe", evidenceYAML(account: "  admin_access: maybe"),
      at: "6:17", ["account field 'admin_access' must be true or false, found 'maybe'"],
      hint: "write true, false, yes or no"),
    DecodingErrorCase(
      "boolean field given a list", evidenceYAML(account: "  admin_access: [true]"),
      at: "6:17", ["account field 'admin_access' must be true or false, found a list"]),
    DecodingErrorCase(
      "text field given a list", evidenceYAML(account: "  title: [a]"),
      at: "6:10", ["account field 'title' must be text, found a list"]),
    DecodingErrorCase(
      "unknown top-level key with suggestion", evidenceYAML(tail: "permisions: [Edit]"),
      at: "6:1", ["unknown key 'permisions' in the evidence document"],
      hint: "did you mean 'permissions'?"),
    DecodingErrorCase(
      "kind is not an evidence key", evidenceYAML(tail: "kind: Evidence"),
      at: "6:1", ["unknown key 'kind' in the evidence document"],
      hint: "allowed keys: system, collected_at"),
    DecodingErrorCase(
      "blank permission name",
      evidenceYAML(tail: "permissions: [Manage employees, '  ']"),
      at: "6:33", ["permission 2 in 'permissions' is blank"]),
    DecodingErrorCase(
      "null permission name", evidenceYAML(tail: "permissions: [~]"),
      at: "6:15", ["an item of 'permissions' must not be empty"]),
    DecodingErrorCase(
      "permissions given as text", evidenceYAML(tail: "permissions: Manage employees"),
      at: "6:14", ["'permissions' must be a list, found a string"]),
    DecodingErrorCase(
      "collected_at without a time zone",
      evidenceYAML(collectedAt: "2026-12-01T09:00:00"),
      at: "2:15", ["collected_at '2026-12-01T09:00:00' is not a timestamp with a time zone"],
      hint: "2026-12-01T09:00:00Z"),
    DecodingErrorCase(
      "collected_at as a date", evidenceYAML(collectedAt: "2026-12-01"),
      at: "2:15", ["collected_at '2026-12-01' is not a timestamp"]),
    DecodingErrorCase(
      "system differs from the catalog's",
      """
      system: bamboohr
      collected_at: 2026-12-01T09:00:00Z
      source: test
      account: {id: m_1}
      """, at: "1:9", ["evidence is for system 'bamboohr', but the policy is for 'justworks'"],
      hint: "audit it with a policy for 'bamboohr'"),
    DecodingErrorCase(
      "account without id", evidenceYAML(id: nil, account: "  first_name: Acme"),
      at: "5:3", ["'account' has no 'id'"], hint: "add the account's id"),
    DecodingErrorCase(
      "account id null", evidenceYAML(id: "~"),
      at: "5:7", ["the account id must not be empty"]),
    DecodingErrorCase(
      "account id blank", evidenceYAML(id: "'  '"),
      at: "5:7", ["the account id is empty"]),
    DecodingErrorCase(
      "account given as text",
      """
      system: justworks
      collected_at: 2026-12-01T09:00:00Z
      source: test
      account: m_1001
      """, at: "4:10", ["'account' must be a mapping of the account's fields", "a string"]),
    DecodingErrorCase(
      "missing account",
      """
      system: justworks
      collected_at: 2026-12-01T09:00:00Z
      source: test
      """, at: "1:1", ["the evidence document is missing the required key 'account'"]),
    DecodingErrorCase(
      "missing source",
      """
      system: justworks
      collected_at: 2026-12-01T09:00:00Z
      account: {id: m_1}
      """, at: "1:1", ["missing the required key 'source'"]),
    DecodingErrorCase(
      "missing collected_at",
      """
      system: justworks
      source: test
      account: {id: m_1}
      """, at: "1:1", ["missing the required key 'collected_at'"]),
    DecodingErrorCase(
      "missing system",
      """
      collected_at: 2026-12-01T09:00:00Z
      source: test
      account: {id: m_1}
      """, at: "1:1", ["missing the required key 'system'"]),
    DecodingErrorCase(
      "blank source",
      """
      system: justworks
      collected_at: 2026-12-01T09:00:00Z
      source: ' '
      account: {id: m_1}
      """, at: "3:9", ["source must say where the evidence came from"]),
    DecodingErrorCase(
      "parameters given as a list", evidenceYAML(tail: "parameters: [a]"),
      at: "6:13", ["'parameters' must map parameter names to values"]),
  ]

  @Test(arguments: yamlErrorCases)
  func rejectsYAML(_ errorCase: DecodingErrorCase) {
    expectInputError(errorCase) { _ = try decode(errorCase.text) }
  }

  static let jsonErrorCases: [DecodingErrorCase] = [
    DecodingErrorCase(
      "number where text is expected", evidenceJSON(accountFields: #""title": 1234"#),
      at: "2:36", ["account field 'title' must be text, found the number 1234"],
      hint: #"quote it: "1234""#),
    DecodingErrorCase(
      "boolean where text is expected", evidenceJSON(accountFields: #""title": true"#),
      at: "2:36", ["account field 'title' must be text, found the boolean true"],
      hint: "quote it"),
    DecodingErrorCase(
      "number where a boolean is expected", evidenceJSON(accountFields: #""admin_access": 1"#),
      at: "2:43", ["account field 'admin_access' must be true or false, found a number"]),
    DecodingErrorCase(
      "number as the account id",
      """
      {"system": "justworks", "collected_at": "2026-12-01T09:00:00Z", "source": "test",
       "account": {"id": 1001}}
      """, at: "2:20", ["the account id must be text, found the number 1001"],
      hint: "quote it"),
    DecodingErrorCase(
      "boolean in the permission list",
      """
      {"system": "justworks", "collected_at": "2026-12-01T09:00:00Z", "source": "test",
       "account": {"id": "m_1"}, "permissions": [true]}
      """, at: "2:44", ["an item of 'permissions' must be text, found the boolean true"]),
  ]

  @Test(arguments: jsonErrorCases)
  func rejectsJSON(_ errorCase: DecodingErrorCase) {
    expectInputError(errorCase) { _ = try decode(errorCase.text, file: "in.json") }
  }
}
