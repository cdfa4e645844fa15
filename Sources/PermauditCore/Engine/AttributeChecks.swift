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
    let fact = facts.attribute(requirement.attribute, ignoringCase: planned.ignoresCase)

    if case .any = requirement.rule {
      outcome.passed.append(
        PassedCheck(
          kind: .attribute, subject: requirement.attribute, step: planned.stepID,
          expected: "any value", actual: fact.summary, evidence: fact.evidence))
      return
    }

    if let conflict = firstConflictingParameter(of: planned) {
      let (name, values) = conflict
      let quoted = values.map { "'\($0)'" }.joined(separator: ", ")
      outcome.findings.append(
        planned.finding(
          .conflictingEvidence, expected: "one value for parameter '\(name)'",
          actual: "the evidence gives \(quoted)", evidence: facts.evidence,
          remediation: "Make the evidence agree on '\(name)', or pass --param \(name)=VALUE."))
      return
    }

    if let fixed = planned.fixed {
      judge(fact, planned, expected: fixed.expected, into: &outcome) { value in
        fixed.forms.contains {
          AttributeComparison.hasForm(value, $0, ignoringCase: planned.ignoresCase)
        }
      }
    } else if let expected = expectation(of: planned) {
      judge(fact, planned, expected: expected, into: &outcome) { value in
        expected.values.contains {
          AttributeComparison.sameForm(value, $0, ignoringCase: planned.ignoresCase)
        }
      }
    } else {
      outcome.findings.append(missingParameters(of: planned))
    }
  }

  /// Judges the fact against an expectation, which `matches` a value or does not.
  private func judge(
    _ fact: AccountFacts.AttributeFact, _ planned: EvaluationPlan.Attribute,
    expected: ExpectedAttribute, into outcome: inout CheckOutcome,
    matches: (AttributeValue) -> Bool
  ) {
    switch fact {
    case .unknown:
      outcome.findings.append(
        planned.finding(
          .missingEvidence, expected: expected.text, actual: "not stated in any evidence",
          evidence: [], remediation: planned.missingEvidenceRemediation))

    case .conflicting(let observations):
      let values = observations.map { observation in
        "'\(observation.value)' (\(observation.evidence.map(\.source).joined(separator: ", ")))"
      }
      outcome.findings.append(
        planned.finding(
          .conflictingEvidence, expected: expected.text,
          actual: values.joined(separator: " vs "),
          evidence: observations.flatMap(\.evidence),
          remediation: "Find out which source is right, correct or re-collect the other, "
            + "and audit again."))

    case .known(let value, let evidence):
      if matches(value) {
        outcome.passed.append(
          PassedCheck(
            kind: .attribute, subject: planned.requirement.attribute, step: planned.stepID,
            expected: expected.text, actual: value.description, evidence: evidence))
      } else {
        outcome.findings.append(
          planned.finding(
            .attributeMismatch, expected: expected.text, actual: value.description,
            evidence: evidence,
            remediation: planned.fixed?.mismatchRemediation ?? planned.requirement.remediation
              ?? EvaluationPlan.fix(setting: expected, definition: planned.definition)))
      }
    }
  }

  /// The first parameter the expectation names whose evidence values disagree.
  private func firstConflictingParameter(of planned: EvaluationPlan.Attribute)
    -> (name: String, values: [String])?
  {
    for (name, slot) in planned.parameters {
      if let values = parameters.conflict(at: slot) { return (name, values) }
    }
    return nil
  }

  /// The expectation with this account's parameters; `nil` if one has no value.
  private func expectation(of planned: EvaluationPlan.Attribute) -> ExpectedAttribute? {
    var values: [AttributeValue] = []
    values.reserveCapacity(planned.expectedValues.count)
    for value in planned.expectedValues {
      guard let rendered = value.rendered(with: parameters) else { return nil }
      values.append(rendered)
    }
    return ExpectedAttribute(values: values)
  }

  /// The finding that parameters the expectation names have no value.
  private func missingParameters(of planned: EvaluationPlan.Attribute) -> Finding {
    let missing = planned.parameters.filter { parameters.value(at: $0.slot) == nil }
      .map(\.name).uniqued()
    let names = missing.map { "'\($0)'" }.joined(separator: ", ")
    let options = missing.map { "--param \($0)=VALUE" }.joined(separator: " ")
    let (noun, pronoun) = missing.count == 1 ? ("parameter", "it") : ("parameters", "them")
    return planned.finding(
      .missingEvidence, expected: "a value for \(noun) \(names)",
      actual: "no value supplied", evidence: [],
      remediation: "Pass \(options) or add \(pronoun) to the evidence.")
  }
}

extension EvaluationPlan.Attribute {
  /// A finding about this requirement.
  func finding(
    _ kind: FindingKind, expected: String, actual: String, evidence: [Provenance],
    remediation: String
  ) -> Finding {
    Finding(
      kind: kind, status: .fail, severity: requirement.severity,
      subject: requirement.attribute, step: stepID, expected: expected, actual: actual,
      reason: requirement.reason, impact: requirement.impact, remediation: remediation,
      evidence: evidence)
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
