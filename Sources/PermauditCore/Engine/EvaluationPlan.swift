/// What every account of a run is checked against, worked out once per run: each
/// requirement with its catalog definition, comparison rule, texts and findings as far as
/// they do not depend on the account, and the permissions the required ones cover.
/// Accounts then cost only their own facts.
final class EvaluationPlan: Sendable {
  /// One attribute requirement, ready to check.
  ///
  /// Note: a class, so that walking the plan for each account retains one reference
  /// rather than every string the requirement holds.
  final class Attribute: Sendable {
    let stepID: String
    let requirement: AttributeRequirement
    let definition: AttributeDefinition
    let ignoresCase: Bool
    /// The parameters the expected values name, in order of appearance, with their slots.
    let parameters: [(name: String, slot: Int?)]
    /// The expected values, to fill in when they name parameters.
    let expectedValues: [PlannedValue]
    /// The expectation when it names no parameter, so it needs no per-account work.
    let fixed: FixedExpectation?
    /// The fix when no evidence states the attribute.
    let missingEvidenceRemediation: String

    init(
      stepID: String, requirement: AttributeRequirement, definition: AttributeDefinition,
      ignoresCase: Bool, parameters: [(name: String, slot: Int?)], expectedValues: [PlannedValue],
      fixed: FixedExpectation?, missingEvidenceRemediation: String
    ) {
      self.stepID = stepID
      self.requirement = requirement
      self.definition = definition
      self.ignoresCase = ignoresCase
      self.parameters = parameters
      self.expectedValues = expectedValues
      self.fixed = fixed
      self.missingEvidenceRemediation = missingEvidenceRemediation
    }
  }

  /// An expectation that is the same for every account.
  struct FixedExpectation: Sendable {
    let expected: ExpectedAttribute
    /// The comparison forms of the expected values.
    let forms: [AttributeValue]
    /// The fix for a mismatch.
    let mismatchRemediation: String
  }

  /// One permission requirement, ready to check (a class for the same reason).
  final class Permission: Sendable {
    let stepID: String
    let requirement: PermissionRequirement
    /// The required permission's ordinal; `nil` when nothing can grant it.
    let ordinal: Int?
    /// The findings about the requirement, without their evidence.
    let findings: PermissionFindings

    init(
      stepID: String, requirement: PermissionRequirement, ordinal: Int?,
      findings: PermissionFindings
    ) {
      self.stepID = stepID
      self.requirement = requirement
      self.ordinal = ordinal
      self.findings = findings
    }
  }

  let index: PermissionIndex
  let parameters: ParameterPlan
  let attributes: [Attribute]
  let permissions: [Permission]
  /// Every permission a required one grants, the required ones included.
  let coveredByRequired: OrdinalSet
  /// The findings about permissions held beyond the policy, by ordinal.
  let beyondRequired: BeyondRequiredFindings

  /// Plans `policy` over the catalog `index` covers, with the command line's `parameters`.
  init(policy: Policy, index: PermissionIndex, parameters: [String: String]) {
    self.index = index
    let parameterPlan = ParameterPlan(policy: policy, commandLine: parameters)
    self.parameters = parameterPlan
    attributes = policy.attributeRequirements.map { step, requirement in
      Self.plan(requirement, in: step, catalog: index.catalog, parameters: parameterPlan)
    }
    let paths = PermissionPaths(index: index, system: policy.system)
    permissions = policy.permissionRequirements.map { step, requirement in
      Permission(
        stepID: step.id, requirement: requirement, ordinal: index.ordinal(of: requirement.id),
        findings: PermissionFindings(requirement, step: step.id, index: index, paths: paths))
    }
    coveredByRequired = index.closure(ofOrdinals: permissions.compactMap(\.ordinal))
    beyondRequired = BeyondRequiredFindings(policy: policy, index: index, paths: paths)
  }

  private static func plan(
    _ requirement: AttributeRequirement, in step: PolicyStep, catalog: Catalog,
    parameters: ParameterPlan
  ) -> Attribute {
    // Note: the policy decoder refuses attributes the catalog lacks; should one slip
    // through, it is still checked, as text, rather than skipped.
    let definition =
      catalog.attribute(named: requirement.attribute)
      ?? AttributeDefinition(name: requirement.attribute, type: .string)
    let ignoresCase = requirement.isCaseInsensitive || definition.type == .email
    let names = requirement.rule.parameterNames
    let expectedValues = requirement.rule.expectedValues.map {
      PlannedValue($0, parameters: parameters)
    }

    var fixed: FixedExpectation?
    if names.isEmpty {
      let expected = ExpectedAttribute(
        values: expectedValues.compactMap { $0.rendered(with: .none) })
      fixed = FixedExpectation(
        expected: expected,
        forms: expected.values.map { AttributeComparison.form(of: $0, ignoringCase: ignoresCase) },
        mismatchRemediation: requirement.remediation
          ?? fix(setting: expected, definition: definition))
    }
    return Attribute(
      stepID: step.id, requirement: requirement, definition: definition,
      ignoresCase: ignoresCase,
      parameters: names.map { ($0, parameters.slot(named: $0)) },
      expectedValues: expectedValues, fixed: fixed,
      missingEvidenceRemediation: "Supply evidence that states '\(definition.displayName)': "
        + "an attestation or an export that includes it, then audit again.")
  }

  /// The fix for a mismatch: set the field, where the catalog says it is edited.
  static func fix(setting expected: ExpectedAttribute, definition: AttributeDefinition) -> String {
    AttributeFix.setting(definition, to: expected.values.map { "'\($0)'" })
  }
}
