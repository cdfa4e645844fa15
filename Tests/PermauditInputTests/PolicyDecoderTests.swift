import PermauditCore
import Testing

@testable import PermauditInput

/// The two parameters every test policy declares (lines 6 and 7).
private let defaultParameters = """
    linking_first_name: {required: true}
    linking_work_email: {required: true, type: email}
  """

/// Steps that make a valid policy (lines 9 to 12).
private let validSteps = """
    - id: account
      title: Account
      permissions:
        - {id: manage_employees, reason: Needed}
  """

/// A policy whose header takes lines 1 to 8, so that `steps` start on line 9 and `tail`
/// right after them.
private func policyYAML(
  parameters: String = defaultParameters, steps: String = validSteps, tail: String = ""
) -> String {
  """
  kind: Policy
  id: test-policy
  system: justworks
  title: Test policy
  parameters:
  \(parameters)
  steps:
  \(steps)
  \(tail)
  """
}

/// A compact spelling of a rule, for comparisons.
private func describe(_ rule: AttributeRule) -> String {
  func value(_ expected: ExpectedValue) -> String {
    switch expected {
    case .text(let template): return "'\(template)'"
    case .boolean(let flag): return String(flag)
    }
  }
  switch rule {
  case .equals(let expected): return "equals \(value(expected))"
  case .oneOf(let values): return "one of " + values.map(value).joined(separator: ", ")
  case .any: return "any"
  }
}

@Suite struct PolicyDecoderTests {
  // MARK: - Valid policies

  @Test func decodesEveryField() throws {
    let policy = try decodePolicy(
      policyYAML(
        steps: """
            - id: service-account
              title: Set up the service account
              instructions: Fill out the form.
              attributes:
                member_type: {equals: "3rd Party Admin / Accountant", severity: high, reason: Guide}
                first_name: {equals: "Hi ${linking_first_name}!", impact: Not linked}
                work_email: {equals: "${linking_work_email}"}
                title: {one_of: [Service Account, Integration], match: case-insensitive}
                manager: {any: true}
                admin_access: {equals: yes, remediation: Turn it on}
            - id: permissions
              title: Add permissions
              permissions:
                - id: edit_company_settings
                  severity: critical
                  reason: Needed to view settings
                  impact: No company data
                  overgrant: Justworks requires EDIT to view
                  remediation: Grant it
                - id: manage_employees
                  reason: Needed to read people
          """,
        tail: """
          description: A test.
          source: {title: Guide, url: "https://example.com/guide"}
          excess: fail
          max_evidence_age: P7D
          """))

    #expect(policy.id == "test-policy")
    #expect(policy.system == "justworks")
    #expect(policy.title == "Test policy")
    #expect(policy.source == DocumentSource(title: "Guide", url: "https://example.com/guide"))
    #expect(policy.excess == .fail)
    #expect(policy.maxEvidenceAge?.text == "P7D")
    #expect(policy.maxEvidenceAge?.seconds == 604_800.0)

    #expect(policy.parameters.map(\.name) == ["linking_first_name", "linking_work_email"])
    #expect(policy.parameters.map(\.isRequired) == [true, true])
    #expect(policy.parameters.map(\.type) == [.string, .email])

    #expect(policy.steps.map(\.id) == ["service-account", "permissions"])
    #expect(policy.steps[0].instructions == "Fill out the form.")
    let attributes = policy.steps[0].attributes
    #expect(
      attributes.map(\.attribute) == [
        "member_type", "first_name", "work_email", "title", "manager", "admin_access",
      ])
    #expect(
      attributes.map { describe($0.rule) } == [
        "equals '3rd Party Admin / Accountant'", "equals 'Hi ${linking_first_name}!'",
        "equals '${linking_work_email}'", "one of 'Service Account', 'Integration'", "any",
        "equals true",
      ])
    #expect(attributes.map(\.severity) == [.high, .medium, .medium, .medium, .medium, .medium])
    #expect(attributes.map(\.isCaseInsensitive) == [false, false, false, true, false, false])
    #expect(attributes[0].reason == "Guide")
    #expect(attributes[1].impact == "Not linked")
    #expect(attributes[5].remediation == "Turn it on")
    guard case .equals(.text(let template)) = attributes[1].rule else {
      Issue.record("first_name is not an equals rule")
      return
    }
    #expect(
      template.segments == [.literal("Hi "), .parameter("linking_first_name"), .literal("!")])

    let permissions = policy.steps[1].permissions
    #expect(permissions.map(\.id) == ["edit_company_settings", "manage_employees"])
    #expect(permissions.map(\.severity) == [.critical, .high])
    #expect(permissions[0].reason == "Needed to view settings")
    #expect(permissions[0].impact == "No company data")
    #expect(permissions[0].overgrant == "Justworks requires EDIT to view")
    #expect(permissions[0].remediation == "Grant it")
    #expect(permissions[1].overgrant == nil)
  }

  @Test func defaults() throws {
    let policy = try decodePolicy(fixturePolicyYAML)
    #expect(policy.excess == .warn)
    #expect(policy.maxEvidenceAge == nil)
    #expect(policy.parameters.isEmpty)
    #expect(policy.source == nil)
    #expect(policy.steps[0].attributes.map(\.severity) == [.medium])
    #expect(policy.steps[0].permissions.map(\.severity) == [.high])
    #expect(policy.permissionRequirements.count == 1)
    #expect(policy.attributeRequirements.count == 1)
  }

  @Test(arguments: [
    ("yes", true), ("Yes", true), ("YES", true), ("true", true), ("TRUE", true),
    ("no", false), ("No", false), ("false", false), ("False", false), ("'yes'", true),
  ])
  func booleanAttributeTakesYesAndNo(_ written: String, _ expected: Bool) throws {
    let policy = try decodePolicy(
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                admin_access: {equals: \(written)}
          """))
    #expect(describe(policy.steps[0].attributes[0].rule) == "equals \(expected)")
  }

  @Test(arguments: [
    ("P7D", 604_800.0), ("PT12H", 43_200), ("P1W", 604_800), ("P1DT6H30M", 109_800),
    ("PT90S", 90), ("p2d", 172_800),
  ])
  func maxEvidenceAgeTakesFixedLengthDurations(_ written: String, _ seconds: Double) throws {
    let policy = try decodePolicy(policyYAML(tail: "max_evidence_age: \(written)"))
    #expect(policy.maxEvidenceAge?.seconds == seconds)
    #expect(policy.maxEvidenceAge?.text == written)
  }

  @Test func plainNumberStaysTextInYAML() throws {
    let policy = try decodePolicy(
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                title: {equals: 1234}
          """))
    #expect(describe(policy.steps[0].attributes[0].rule) == "equals '1234'")
  }

  @Test func jsonPolicyRefusesANumberWhereTextIsExpected() {
    let json = """
      {"kind": "Policy", "id": "p", "system": "justworks", "title": "P",
       "steps": [{"id": "s", "title": "S", "attributes": {"title": {"equals": 1234}}}]}
      """
    expectInputError(
      at: "2:73", ["the expected value of attribute 'title' must be text", "number 1234"],
      hint: "quote it", file: "policy.json"
    ) {
      _ = try decodePolicy(json, file: "policy.json")
    }
  }

  @Test func systemIsReadBeforeTheCatalog() throws {
    let node = try parseDocument(fixturePolicyYAML)
    #expect(try PolicyDecoder.system(of: node) == "justworks")
  }

  @Test func systemLookupStillRefusesUnknownKeysAndOtherKinds() throws {
    expectInputError(at: "3:1", ["unknown key 'sytem' in the policy"], hint: "'system'") {
      _ = try PolicyDecoder.system(
        of: parseDocument("kind: Policy\nid: p\nsytem: justworks\n"))
    }
    expectInputError(at: "1:7", ["expected a document of kind 'Policy'", "'Catalog'"]) {
      _ = try PolicyDecoder.system(of: parseDocument(fixtureCatalogYAML))
    }
  }

  // MARK: - Errors

  static let errorCases: [DecodingErrorCase] = [
    // Unknown keys at every level.
    DecodingErrorCase(
      "unknown top-level key", policyYAML(tail: "exces: warn"),
      at: "13:1", ["unknown key 'exces' in the policy"], hint: "did you mean 'excess'?"),
    DecodingErrorCase(
      "unknown source key", policyYAML(tail: "source: {title: Guide, ulr: x}"),
      at: "13:24", ["unknown key 'ulr' in 'source' of the policy"], hint: "did you mean 'url'?"),
    DecodingErrorCase(
      "unknown parameter key",
      policyYAML(
        parameters: """
            linking_first_name: {requird: true}
            linking_work_email: {type: email}
          """),
      at: "6:24", ["unknown key 'requird' in parameter 'linking_first_name'"],
      hint: "did you mean 'required'?"),
    DecodingErrorCase(
      "unknown step key",
      policyYAML(
        steps: """
            - id: account
              titel: Account
          """),
      at: "10:5", ["unknown key 'titel' in a step"], hint: "did you mean 'title'?"),
    DecodingErrorCase(
      "unknown attribute requirement key",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                member_type:
                  equals: x
                  severty: high
          """),
      at: "14:9", ["unknown key 'severty' in the requirement on attribute 'member_type'"],
      hint: "did you mean 'severity'?"),
    DecodingErrorCase(
      "unknown permission requirement key",
      policyYAML(
        steps: """
            - id: account
              title: Account
              permissions:
                - id: manage_employees
                  reasn: Needed
          """),
      at: "13:9", ["unknown key 'reasn' in a permission requirement of step 'account'"],
      hint: "did you mean 'reason'?"),

    // Missing keys and wrong kinds.
    DecodingErrorCase(
      "missing steps",
      """
      kind: Policy
      id: test-policy
      system: justworks
      title: Test policy
      """, at: "1:1", ["the policy is missing the required key 'steps'"]),
    DecodingErrorCase(
      "missing title",
      """
      kind: Policy
      id: test-policy
      system: justworks
      steps:
      \(validSteps)
      """, at: "1:1", ["the policy is missing the required key 'title'"]),
    DecodingErrorCase(
      "step without title",
      policyYAML(
        steps: """
            - id: account
              permissions:
                - {id: manage_employees, reason: Needed}
          """),
      at: "9:5", ["step 'account' is missing the required key 'title'"]),
    DecodingErrorCase(
      "permission requirement without reason",
      policyYAML(
        steps: """
            - id: account
              title: Account
              permissions:
                - id: manage_employees
                  severity: high
          """),
      at: "12:9",
      ["a permission requirement of step 'account' is missing the required key 'reason'"]),
    DecodingErrorCase(
      "catalog given as a policy", fixtureCatalogYAML,
      at: "1:7", ["expected a document of kind 'Policy'", "found kind 'Catalog'"]),

    // References to the catalog and the parameters.
    DecodingErrorCase(
      "unknown permission with suggestion",
      policyYAML(
        steps: """
            - id: account
              title: Account
              permissions:
                - {id: manage_employee, reason: Needed}
          """),
      at: "12:14", ["permission 'manage_employee' is not in the 'justworks' catalog"],
      hint: "did you mean 'manage_employees'?"),
    DecodingErrorCase(
      "unknown attribute with suggestion",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                membr_type: {equals: x}
          """),
      at: "12:7", ["attribute 'membr_type' is not declared by the 'justworks' catalog"],
      hint: "did you mean 'member_type'?"),
    DecodingErrorCase(
      "unknown attribute far from any",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                shoe_size: {any: true}
          """),
      at: "12:7", ["attribute 'shoe_size' is not declared"],
      hint: "declare it under the catalog's 'attributes'"),
    DecodingErrorCase(
      "same permission in two steps",
      policyYAML(
        steps: """
            - id: account
              title: Account
              permissions:
                - {id: manage_employees, reason: Needed}
            - id: permissions
              title: Permissions
              permissions:
                - {id: manage_employees, reason: Again}
          """),
      at: "16:14", ["permission 'manage_employees' is already required in step 'account'"]),
    DecodingErrorCase(
      "same permission twice in one step",
      policyYAML(
        steps: """
            - id: account
              title: Account
              permissions:
                - {id: manage_employees, reason: Needed}
                - {id: manage_employees, reason: Again}
          """),
      at: "13:14", ["permission 'manage_employees' is already required in step 'account'"]),
    DecodingErrorCase(
      "same attribute in two steps",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                title: {any: true}
            - id: more
              title: More
              attributes:
                title: {equals: Service Account}
          """),
      at: "16:7", ["attribute 'title' is already required in step 'account'"]),
    DecodingErrorCase(
      "template naming an undeclared parameter",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                first_name: {equals: "${linking_frist_name}"}
          """),
      at: "12:28",
      [
        "the expected value of attribute 'first_name' refers to '${linking_frist_name}'",
        "the policy's 'parameters' do not declare",
      ], hint: "did you mean '${linking_first_name}'?"),
    DecodingErrorCase(
      "template in one_of naming an undeclared parameter",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                first_name: {one_of: [Acme, "${company}"]}
          """),
      at: "12:35", ["refers to '${company}'"]),
    DecodingErrorCase(
      "unclosed template",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                first_name: {equals: "Hi ${linking_first_name"}
          """),
      at: "12:28", ["'${' is not closed"]),

    // Attribute rules.
    DecodingErrorCase(
      "boolean attribute equals maybe",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                admin_access: {equals: maybe}
          """),
      at: "12:30",
      ["the expected value of attribute 'admin_access' must be true or false", "'maybe'"],
      hint: "write true, false, yes or no"),
    DecodingErrorCase(
      "no rule",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                member_type: {severity: high}
          """),
      at: "12:20", ["needs exactly one of 'equals', 'one_of' or 'any'"]),
    DecodingErrorCase(
      "two rules",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                member_type: {equals: x, any: true}
          """),
      at: "12:20", ["needs exactly one of 'equals', 'one_of' or 'any'", "it has equals and any"]),
    DecodingErrorCase(
      "any false",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                member_type: {any: false}
          """),
      at: "12:26", ["'any: false' says nothing"]),
    DecodingErrorCase(
      "any maybe",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                member_type: {any: maybe}
          """),
      at: "12:26", ["'any' of the requirement on attribute 'member_type' must be true or false"]),
    DecodingErrorCase(
      "empty one_of",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                member_type: {one_of: []}
          """),
      at: "12:29", ["'one_of' must be a non-empty list"]),
    DecodingErrorCase(
      "bad match",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                member_type: {equals: x, match: ignore-case}
          """),
      at: "12:39", ["'match' must be 'exact' or 'case-insensitive'", "'ignore-case'"]),
    DecodingErrorCase(
      "bad severity with suggestion",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes:
                member_type: {equals: x, severity: hgh}
          """),
      at: "12:42", ["must be one of critical, high, medium, low, info", "'hgh'"],
      hint: "did you mean 'high'?"),

    // Steps and the policy as a whole.
    DecodingErrorCase(
      "no requirements",
      policyYAML(
        steps: """
            - id: account
              title: Account
              instructions: Nothing to check.
          """),
      at: "9:3", ["the policy has no requirements"]),
    DecodingErrorCase(
      "empty attributes and permissions",
      policyYAML(
        steps: """
            - id: account
              title: Account
              attributes: {}
              permissions: []
          """),
      at: "9:3", ["the policy has no requirements"]),
    DecodingErrorCase(
      "empty steps", policyYAML(steps: "  []"),
      at: "9:3", ["'steps' must be a non-empty list of steps"]),
    DecodingErrorCase(
      "duplicate step ids",
      policyYAML(
        steps: """
            - id: account
              title: Account
              permissions:
                - {id: manage_employees, reason: Needed}
            - id: account
              title: Again
          """),
      at: "13:9", ["step id 'account' is used twice"]),
    DecodingErrorCase(
      "step id not an identifier",
      policyYAML(
        steps: """
            - id: Account Setup
              title: Account
          """),
      at: "9:9", ["step id 'Account Setup' must be lowercase"]),
    DecodingErrorCase(
      "step permissions given as a mapping",
      policyYAML(
        steps: """
            - id: account
              title: Account
              permissions: {manage_employees: Needed}
          """),
      at: "11:18", ["'permissions' of step 'account' must be a list of requirements"]),
    DecodingErrorCase(
      "system differs from the catalog's",
      """
      kind: Policy
      id: test-policy
      system: bamboohr
      title: Test policy
      steps:
      \(validSteps)
      """, at: "3:9",
      ["the policy is for system 'bamboohr', but the catalog is for 'justworks'"]),
    DecodingErrorCase(
      "policy id not an identifier",
      """
      kind: Policy
      id: Test Policy
      system: justworks
      title: Test policy
      steps:
      \(validSteps)
      """, at: "2:5", ["policy id 'Test Policy' must be lowercase"]),
    DecodingErrorCase(
      "bad excess with suggestion", policyYAML(tail: "excess: fial"),
      at: "13:9", ["'excess' of the policy must be one of ignore, info, warn, fail"],
      hint: "did you mean 'fail'?"),
    DecodingErrorCase(
      "max_evidence_age in months", policyYAML(tail: "max_evidence_age: P1M"),
      at: "13:19", ["'max_evidence_age' must be an ISO-8601 duration", "found 'P1M'"],
      hint: "years and months have no fixed length"),
    DecodingErrorCase(
      "max_evidence_age in years", policyYAML(tail: "max_evidence_age: P1Y"),
      at: "13:19", ["found 'P1Y'"]),
    DecodingErrorCase(
      "max_evidence_age of zero", policyYAML(tail: "max_evidence_age: PT0S"),
      at: "13:19", ["found 'PT0S'"]),
    DecodingErrorCase(
      "max_evidence_age in words", policyYAML(tail: "max_evidence_age: 7 days"),
      at: "13:19", ["found '7 days'"]),

    // Parameters.
    DecodingErrorCase(
      "boolean parameter",
      policyYAML(
        parameters: """
            linking_first_name: {type: boolean}
            linking_work_email: {type: email}
          """),
      at: "6:30", ["parameter 'linking_first_name' has type 'boolean'", "string or email"]),
    DecodingErrorCase(
      "parameter name with a hyphen",
      policyYAML(
        parameters: """
            linking-name: {}
            linking_work_email: {type: email}
          """),
      at: "6:3", ["parameter name 'linking-name'"]),
    DecodingErrorCase(
      "parameter required maybe",
      policyYAML(
        parameters: """
            linking_first_name: {required: maybe}
            linking_work_email: {type: email}
          """),
      at: "6:34", ["'required' of parameter 'linking_first_name' must be true or false"]),
  ]

  @Test(arguments: errorCases)
  func rejects(_ errorCase: DecodingErrorCase) {
    expectInputError(errorCase) { _ = try decodePolicy(errorCase.text) }
  }
}
