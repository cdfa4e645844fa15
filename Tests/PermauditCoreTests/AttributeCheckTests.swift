import Testing

@testable import PermauditCore

@Suite struct AttributeCheckTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var attribute: String
    var value: AttributeValue
    var passes: Bool
    var testDescription: String { name }

    static func pass(_ name: String, _ attribute: String, _ value: AttributeValue) -> Case {
      Case(name: name, attribute: attribute, value: value, passes: true)
    }

    static func fail(_ name: String, _ attribute: String, _ value: AttributeValue) -> Case {
      Case(name: name, attribute: attribute, value: value, passes: false)
    }
  }

  static let cases: [Case] = [
    // string: white space and Unicode form are folded; case and letters are not.
    .pass("string exact", "last_name", .text("Service Account")),
    .fail("string other case", "last_name", .text("service account")),
    .pass("string padded", "last_name", .text("  Service   Account\n")),
    .pass("string ideographic space", "last_name", .text("Service\u{3000}Account")),
    .pass("string no-break space", "last_name", .text("Service\u{00A0}Account")),
    .pass("string zero-width space", "last_name", .text("Serv\u{200B}ice Account\u{FEFF}")),
    .fail("string without space", "last_name", .text("ServiceAccount")),
    .fail("string Cyrillic a", "member_type", .text("3rd P\u{0430}rty Admin / Accountant")),
    .fail("string null", "last_name", .empty),
    .fail("string given a boolean", "last_name", .boolean(true)),
    // boolean
    .pass("boolean true", "admin_access", .boolean(true)),
    .fail("boolean false", "admin_access", .boolean(false)),
    .fail("boolean null", "admin_access", .empty),
    .fail("boolean given text", "admin_access", .text("true")),
    // email: case and surrounding white space are ignored.
    .pass("email exact", "work_email", .text("acme-svc@connect.example")),
    .pass("email other case", "work_email", .text("ACME-Svc@Connect.EXAMPLE")),
    .pass("email padded", "work_email", .text(" acme-svc@connect.example\t")),
    .fail("email other address", "work_email", .text("acme@connect.example")),
    // match: case-insensitive
    .pass("case-insensitive other case", "department", .text("NO department")),
    .pass("case-insensitive folded", "department", .text(" no\u{3000}\u{3000}Department")),
    .fail("case-insensitive other text", "department", .text("No Departments")),
    // one_of
    .pass("one_of first", "title", .text("Service Account")),
    .pass("one_of second", "title", .text("Int\u{00E9}gration")),
    .pass("one_of second in NFD", "title", .text("Inte\u{0301}gration")),
    .fail("one_of without accent", "title", .text("Integration")),
    .fail("one_of neither", "title", .text("Robot")),
    // a template with a parameter
    .pass("template filled", "first_name", .text("Acme")),
    .fail("template other case", "first_name", .text("ACME")),
    .fail("template as written", "first_name", .text("${linking_first_name}")),
    // any
    .pass("any empty", "manager", .empty),
    .pass("any text", "manager", .text("Jane Doe")),
  ]

  @Test(arguments: cases)
  func comparesByTheAttributesType(_ entry: Case) throws {
    let result = try Fixtures.evaluate(Fixtures.document(changing: [entry.attribute: entry.value]))
    if entry.passes {
      #expect(result.findingsBeyondOvergrant.isEmpty)
      #expect(result.passedSubjects(.attribute).contains(entry.attribute))
      #expect(result.status == .compliant)
    } else {
      let finding = try expectSingleFinding(result, .attributeMismatch, subject: entry.attribute)
      #expect(finding.status == .fail)
      #expect(finding.actual == entry.value.description)
      #expect(result.findingsBeyondOvergrant.count == 1)
      #expect(!result.passedSubjects(.attribute).contains(entry.attribute))
      #expect(result.status == .nonCompliant)
    }
  }

  @Test func mismatchCarriesTheRequirementsReasonAndAFix() throws {
    let result = try Fixtures.evaluate(Fixtures.document(changing: ["member_type": .text("Admin")]))
    let finding = try expectSingleFinding(result, .attributeMismatch, subject: "member_type")
    #expect(finding.severity == .high)
    #expect(finding.step == "service-account")
    #expect(finding.expected == "3rd Party Admin / Accountant")
    #expect(finding.actual == "Admin")
    #expect(finding.reason == "Only third-party admins can hold admin permissions.")
    #expect(finding.impact == "The connector cannot be granted permissions.")
    #expect(
      finding.remediation
        == "Set 'Member Type' to '3rd Party Admin / Accountant' (Team > the member > Edit profile)."
    )
  }

  @Test func oneOfMismatchListsEveryAllowedValue() throws {
    let result = try Fixtures.evaluate(Fixtures.document(changing: ["title": .text("Robot")]))
    let finding = try expectSingleFinding(result, .attributeMismatch, subject: "title")
    #expect(finding.expected == "one of Service Account, Intégration")
    #expect(finding.remediation?.contains("one of 'Service Account', 'Intégration'") == true)
  }

  @Test func mismatchOnALowSeverityRequirementStillFails() throws {
    let result = try Fixtures.evaluate(Fixtures.document(changing: ["last_name": .text("Bot")]))
    let finding = try expectSingleFinding(result, .attributeMismatch, subject: "last_name")
    #expect(finding.severity == .low)
    #expect(finding.status == .fail)
  }

  @Test func absentAttributeIsMissingEvidenceButNullIsAValue() throws {
    let absent = try Fixtures.evaluate(Fixtures.document(changing: ["last_name": nil]))
    let finding = try expectSingleFinding(absent, .missingEvidence, subject: "last_name")
    #expect(finding.status == .fail)
    #expect(finding.step == "service-account")
    #expect(absent.status == .inconclusive)
    expectNoFinding(absent, .attributeMismatch)

    let null = try Fixtures.evaluate(Fixtures.document(changing: ["last_name": .empty]))
    try expectSingleFinding(null, .attributeMismatch, subject: "last_name")
    expectNoFinding(null, .missingEvidence)
    #expect(null.status == .nonCompliant)
  }

  @Test func anyIsNeverAFindingEvenWhenAbsentOrDisputed() throws {
    let absent = try Fixtures.evaluate(Fixtures.document(changing: ["manager": nil]))
    #expect(absent.findingsBeyondOvergrant.isEmpty)
    let check = try #require(absent.passed.first { $0.subject == "manager" })
    #expect(check.expected == "any value")
    #expect(check.actual == "not stated")

    let disputed = try Fixtures.evaluate(
      Fixtures.document(changing: ["manager": .text("Jane")]),
      Fixtures.secondDocument(changing: ["manager": .text("John")]))
    #expect(disputed.findingsBeyondOvergrant.isEmpty)
    #expect(disputed.status == .compliant)
  }

  @Test func emptyExpectedTextMatchesNull() throws {
    let policy = Fixtures.attributePolicy([
      AttributeRequirement(attribute: "office", rule: .equals(Fixtures.text("")))
    ])
    let null = try Fixtures.evaluate(
      Fixtures.document(changing: ["office": .empty]), policy: policy)
    #expect(null.findings.isEmpty, "findings: \(null.findingSummary)")
    let blank = try Fixtures.evaluate(
      Fixtures.document(changing: ["office": .text(" \u{3000}")]), policy: policy)
    #expect(blank.findings.isEmpty, "findings: \(blank.findingSummary)")
    let filled = try Fixtures.evaluate(
      Fixtures.document(changing: ["office": .text("HQ")]), policy: policy)
    try expectSingleFinding(filled, .attributeMismatch, subject: "office")
  }

  @Test func attributesTheCatalogDoesNotDeclareAreKeptButNotChecked() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(changing: ["favourite_colour": .text("teal")]))
    #expect(result.findingsBeyondOvergrant.isEmpty)
    #expect(!result.passedSubjects(.attribute).contains("favourite_colour"))
  }
}
