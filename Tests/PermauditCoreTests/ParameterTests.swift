import Testing

@testable import PermauditCore

@Suite struct ParameterTests {
  @Test func evidenceParametersBelongToTheirOwnAccount() throws {
    let engine = Fixtures.engine()
    let acme = Fixtures.document(account: "m_1")
    let beta = Fixtures.document(
      account: "m_2",
      parameters: ["linking_first_name": "Beta", "linking_work_email": "beta@connect.example"],
      changing: ["first_name": .text("Beta"), "work_email": .text("beta@connect.example")])

    let accounts = AccountGrouper.group([acme, beta])
    let results = try accounts.map { try engine.evaluate($0) }
    #expect(results.map(\.status) == [.compliant, .compliant])
  }

  @Test func commandLineValueWinsOverEvidence() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(), parameters: ["linking_first_name": "Zed"])
    let finding = try expectSingleFinding(result, .attributeMismatch, subject: "first_name")
    #expect(finding.expected == "Zed")
    #expect(finding.actual == "Acme")
  }

  @Test func commandLineValueAppliesToEveryAccount() throws {
    let engine = Fixtures.engine(parameters: ["linking_first_name": "Acme"])
    let documents = ["m_1", "m_2"].map {
      Fixtures.document(account: $0, parameters: ["linking_work_email": "acme-svc@connect.example"])
    }
    let results = try AccountGrouper.group(documents).map { try engine.evaluate($0) }
    #expect(results.map(\.status) == [.compliant, .compliant])
  }

  @Test func missingRequiredParameterIsAnErrorNamingIt() {
    let document = Fixtures.document(parameters: ["linking_work_email": "a@connect.example"])
    let account = AccountEvidence(accountID: Fixtures.accountID, documents: [document])
    #expect(
      throws: EngineError.missingParameters(
        [
          MissingParameter(
            name: "linking_first_name", description: "First name shown in the linking flow")
        ],
        accountID: Fixtures.accountID)
    ) {
      try Fixtures.engine().evaluate(account)
    }
    let message = EngineError.missingParameters(
      [MissingParameter(name: "linking_first_name", description: nil)], accountID: "m_1001"
    ).description
    #expect(
      message
        == "policy parameter 'linking_first_name' has no value for account 'm_1001'; "
        + "pass --param linking_first_name=VALUE or add it to the evidence's 'parameters'")
  }

  /// Every missing parameter is named at once, so one run says all there is to pass.
  @Test func everyMissingParameterIsNamedInOneError() {
    let account = AccountEvidence(
      accountID: Fixtures.accountID, documents: [Fixtures.document(parameters: [:])])
    do {
      _ = try Fixtures.engine().evaluate(account)
      Issue.record("expected the missing parameters to stop the audit")
    } catch {
      guard case .missingParameters(let missing, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(missing.map(\.name) == ["linking_first_name", "linking_work_email"])
      #expect(
        error.description.hasPrefix(
          "policy parameters 'linking_first_name' (First name shown in the linking flow) and "
            + "'linking_work_email'"))
      #expect(
        error.description.contains(
          "pass --param linking_first_name=VALUE --param linking_work_email=VALUE or add them"))
    }
  }

  @Test func requiredParameterFromAnyDocumentOfTheAccountIsEnough() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(parameters: ["linking_first_name": "Acme"]),
      Fixtures.document(
        source: "justworks-api", origin: "b.json",
        parameters: ["linking_work_email": "acme-svc@connect.example"]))
    #expect(result.status == .compliant)
  }

  @Test func undeclaredEvidenceParametersAreIgnored() throws {
    var parameters = Fixtures.evidenceParameters
    parameters["linking_frist_name"] = "Typo"
    let result = try Fixtures.evaluate(Fixtures.document(parameters: parameters))
    #expect(result.status == .compliant)
  }

  @Test func documentsDisagreeingOnAParameterAreConflictingEvidence() throws {
    var other = Fixtures.evidenceParameters
    other["linking_first_name"] = "Beta"
    let result = try Fixtures.evaluate(
      Fixtures.document(),
      Fixtures.document(source: "justworks-api", origin: "b.json", parameters: other))

    let finding = try expectSingleFinding(result, .conflictingEvidence, subject: "first_name")
    #expect(finding.status == .fail)
    #expect(finding.expected?.contains("'linking_first_name'") == true)
    #expect(finding.actual?.contains("'Acme'") == true)
    #expect(finding.actual?.contains("'Beta'") == true)
    #expect(finding.remediation?.contains("--param linking_first_name=VALUE") == true)
    #expect(result.status == .inconclusive)
  }

  @Test func commandLineSettlesDisagreeingEvidenceParameters() throws {
    var other = Fixtures.evidenceParameters
    other["linking_first_name"] = "Beta"
    let result = try Fixtures.evaluate(
      Fixtures.document(),
      Fixtures.document(source: "justworks-api", origin: "b.json", parameters: other),
      parameters: ["linking_first_name": "Acme"])
    expectNoFinding(result, .conflictingEvidence)
    #expect(result.status == .compliant)
  }

  @Test func optionalParameterWithoutValueIsMissingEvidenceWhereUsed() throws {
    let policy = Fixtures.attributePolicy([
      AttributeRequirement(attribute: "office", rule: .equals(Fixtures.text("${linking_office}")))
    ])
    let result = try Fixtures.evaluate(Fixtures.document(), policy: policy)
    let finding = try expectSingleFinding(result, .missingEvidence, subject: "office")
    #expect(finding.expected == "a value for parameter 'linking_office'")
    #expect(finding.remediation?.contains("--param linking_office=VALUE") == true)
    #expect(result.status == .inconclusive)

    let given = try Fixtures.evaluate(
      Fixtures.document(), policy: policy,
      parameters: ["linking_office": "Remote (work from home)"])
    #expect(given.findings.isEmpty, "findings: \(given.findingSummary)")
  }

  @Test func everyMissingOptionalParameterIsNamedSeparately() throws {
    let policy = Policy(
      id: "p", system: Fixtures.system, title: "Two optional parameters",
      parameters: [ParameterDefinition(name: "city"), ParameterDefinition(name: "street")],
      steps: [
        PolicyStep(
          id: "service-account", title: "Account",
          attributes: [
            AttributeRequirement(
              attribute: "office",
              rule: .oneOf([
                Fixtures.text("${city} ${street}"),
                Fixtures.text("${city}"),
              ]))
          ])
      ])
    let result = try Fixtures.evaluate(Fixtures.document(), policy: policy)
    let finding = try expectSingleFinding(result, .missingEvidence, subject: "office")
    #expect(finding.expected == "a value for parameters 'city', 'street'")
    #expect(
      finding.remediation
        == "Pass --param city=VALUE --param street=VALUE or add them to the evidence.")
  }

  @Test func parameterValueIsSubstitutedOnceAsText() throws {
    let parameters = [
      "linking_first_name": "${linking_work_email}", "linking_work_email": "a@connect.example",
    ]
    let literal = try Fixtures.evaluate(
      Fixtures.document(
        parameters: parameters,
        changing: [
          "first_name": .text("${linking_work_email}"),
          "work_email": .text("a@connect.example"),
        ]))
    #expect(literal.findingsBeyondOvergrant.isEmpty)

    let expanded = try Fixtures.evaluate(
      Fixtures.document(
        parameters: parameters,
        changing: [
          "first_name": .text("a@connect.example"),
          "work_email": .text("a@connect.example"),
        ]))
    let finding = try expectSingleFinding(expanded, .attributeMismatch, subject: "first_name")
    #expect(finding.expected == "${linking_work_email}")
  }
}
