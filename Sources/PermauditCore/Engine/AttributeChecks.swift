/// Checks an account's fields against the policy's attribute requirements.
struct AttributeChecks {
  let plan: EvaluationPlan
  let facts: AccountFacts
  let parameters: ResolvedParameters

  func run(into outcome: inout CheckOutcome) {
    for planned in plan.attributes {
      check(planned, into: &outcome)
    }
  }

  private func check(_ planned: EvaluationPlan.Attribute, into outcome: inout CheckOutcome) {
    let requirement = planned.requirement
    let definition = planned.definition
    let ignoresCase = planned.ignoresCase
    let fact = facts.attribute(requirement.attribute) { comparisonForm($0, ignoresCase) }
    let finding = FindingDraft(
      requirement: requirement, definition: definition, stepID: planned.stepID)

    if case .any = requirement.rule {
      outcome.passed.append(
        PassedCheck(
          kind: .attribute, subject: requirement.attribute, step: planned.stepID,
          expected: "any value", actual: fact.summary, evidence: fact.evidence))
      return
    }

    let conflictingParameters = planned.parameterNames.filter {
      parameters.conflicts[$0] != nil
    }
    if let name = conflictingParameters.first {
      let values = (parameters.conflicts[name] ?? []).map { "'\($0)'" }.joined(separator: ", ")
      outcome.findings.append(
        finding.make(
          .conflictingEvidence, expected: "one value for parameter '\(name)'",
          actual: "the evidence gives \(values)", evidence: facts.evidence,
          remediation: "Make the evidence agree on '\(name)', or pass --param \(name)=VALUE."))
      return
    }

    guard
      let expected = planned.fixedExpectation
        ?? requirement.rule.rendered(with: parameters.values)
    else {
      let missing = requirement.rule.parameterNames.filter { parameters.values[$0] == nil }
        .uniqued()
      let names = missing.map { "'\($0)'" }.joined(separator: ", ")
      let options = missing.map { "--param \($0)=VALUE" }.joined(separator: " ")
      let (noun, pronoun) = missing.count == 1 ? ("parameter", "it") : ("parameters", "them")
      outcome.findings.append(
        finding.make(
          .missingEvidence, expected: "a value for \(noun) \(names)",
          actual: "no value supplied", evidence: [],
          remediation: "Pass \(options) or add \(pronoun) to the evidence."))
      return
    }

    switch fact {
    case .unknown:
      outcome.findings.append(
        finding.make(
          .missingEvidence, expected: expected.text, actual: "not stated in any evidence",
          evidence: [],
          remediation: "Supply evidence that states '\(definition.displayName)': an "
            + "attestation or an export that includes it, then audit again."))

    case .conflicting(let observations):
      let values = observations.map { observation in
        "'\(observation.value)' (\(observation.evidence.map(\.source).joined(separator: ", ")))"
      }
      outcome.findings.append(
        finding.make(
          .conflictingEvidence, expected: expected.text,
          actual: values.joined(separator: " vs "),
          evidence: observations.flatMap(\.evidence),
          remediation: "Find out which source is right, correct or re-collect the other, "
            + "and audit again."))

    case .known(let value, let evidence):
      let actualForm = comparisonForm(value, ignoresCase)
      if expected.forms(ignoringCase: ignoresCase).contains(actualForm) {
        outcome.passed.append(
          PassedCheck(
            kind: .attribute, subject: requirement.attribute, step: planned.stepID,
            expected: expected.text, actual: value.description, evidence: evidence))
      } else {
        outcome.findings.append(
          finding.make(
            .attributeMismatch, expected: expected.text, actual: value.description,
            evidence: evidence, remediation: finding.fix(setting: expected)))
      }
    }
  }

  /// The form two values are compared in.
  private func comparisonForm(_ value: AttributeValue, _ ignoresCase: Bool) -> AttributeValue {
    guard case .text(let text) = value else { return value }
    let form =
      ignoresCase
      ? TextNormalization.caseInsensitiveValue(text)
      : TextNormalization.value(text)
    return form.isEmpty ? .empty : .text(form)
  }
}

/// What an attribute must be, after parameters are filled in.
struct ExpectedAttribute {
  var values: [AttributeValue]

  /// The expectation in words, as reports show it.
  var text: String {
    let written = values.map(\.description)
    return written.count == 1 ? written[0] : "one of " + written.joined(separator: ", ")
  }

  func forms(ignoringCase: Bool) -> [AttributeValue] {
    values.map { value in
      guard case .text(let text) = value else { return value }
      let form =
        ignoringCase
        ? TextNormalization.caseInsensitiveValue(text)
        : TextNormalization.value(text)
      return form.isEmpty ? .empty : .text(form)
    }
  }
}

extension AttributeRule {
  var parameterNames: [String] {
    switch self {
    case .any: return []
    case .equals(let value): return value.parameterNames
    case .oneOf(let values): return values.flatMap(\.parameterNames)
    }
  }

  /// The expected values with parameters substituted; `nil` if one has no value.
  func rendered(with parameters: [String: String]) -> ExpectedAttribute? {
    let expected: [ExpectedValue]
    switch self {
    case .any: return ExpectedAttribute(values: [])
    case .equals(let value): expected = [value]
    case .oneOf(let values): expected = values
    }
    var values: [AttributeValue] = []
    for value in expected {
      switch value {
      case .boolean(let flag): values.append(.boolean(flag))
      case .text(let template):
        guard let text = template.rendered(with: parameters) else { return nil }
        values.append(.text(text))
      }
    }
    return ExpectedAttribute(values: values)
  }
}

extension ExpectedValue {
  var parameterNames: [String] {
    if case .text(let template) = self { return template.parameterNames }
    return []
  }
}

extension AccountFacts.AttributeFact {
  var evidence: [Provenance] {
    switch self {
    case .unknown: return []
    case .known(_, let evidence): return evidence
    case .conflicting(let observations): return observations.flatMap(\.evidence)
    }
  }

  /// The fact in words, for an "any value" requirement.
  var summary: String {
    switch self {
    case .unknown: return "not stated"
    case .known(let value, _): return value.description
    case .conflicting(let observations):
      return observations.map { "'\($0.value)'" }.joined(separator: " or ")
    }
  }
}

/// The parts every finding about one attribute requirement shares.
struct FindingDraft {
  let requirement: AttributeRequirement
  let definition: AttributeDefinition
  let stepID: String

  func make(
    _ kind: FindingKind, expected: String, actual: String, evidence: [Provenance],
    remediation: String
  ) -> Finding {
    Finding(
      kind: kind, status: .fail, severity: requirement.severity,
      subject: requirement.attribute, step: stepID, expected: expected, actual: actual,
      reason: requirement.reason, impact: requirement.impact,
      remediation: kind == .attributeMismatch
        ? requirement.remediation ?? remediation
        : remediation,
      evidence: evidence)
  }

  /// The fix for a mismatch: set the field, where the catalog says it is edited.
  func fix(setting expected: ExpectedAttribute) -> String {
    let place = definition.path.map { " (\($0))" } ?? ""
    return "Set '\(definition.displayName)' to \(expected.quotedText)\(place)."
  }
}

extension ExpectedAttribute {
  var quotedText: String {
    let quoted = values.map { "'\($0)'" }
    return quoted.count == 1 ? quoted[0] : "one of " + quoted.joined(separator: ", ")
  }
}
