/// What every account of a run is checked against, worked out once per run: each
/// requirement with its catalog definition and comparison rule, and the permissions the
/// required ones cover. Accounts then cost only their own facts.
final class EvaluationPlan: Sendable {
  /// One attribute requirement, ready to check.
  struct Attribute: Sendable {
    let stepID: String
    let requirement: AttributeRequirement
    let definition: AttributeDefinition
    let ignoresCase: Bool
    let parameterNames: [String]
    /// The expected values when they name no parameter, so they need no per-account work.
    let fixedExpectation: ExpectedAttribute?
  }

  /// One permission requirement, ready to check.
  struct Permission: Sendable {
    let stepID: String
    let requirement: PermissionRequirement
    let definition: PermissionDefinition?
  }

  let policy: Policy
  let index: PermissionIndex
  let attributes: [Attribute]
  let permissions: [Permission]
  /// Every permission a required one grants, the required ones included.
  let coveredByRequired: Set<String>

  init(policy: Policy, index: PermissionIndex) {
    self.policy = policy
    self.index = index
    attributes = policy.attributeRequirements.map { step, requirement in
      // Note: the policy decoder refuses attributes the catalog lacks; should one slip
      // through, it is still checked, as text, rather than skipped.
      let definition =
        index.catalog.attribute(named: requirement.attribute)
        ?? AttributeDefinition(name: requirement.attribute, type: .string)
      let names = requirement.rule.parameterNames
      return Attribute(
        stepID: step.id, requirement: requirement, definition: definition,
        ignoresCase: requirement.isCaseInsensitive || definition.type == .email,
        parameterNames: names,
        fixedExpectation: names.isEmpty ? requirement.rule.rendered(with: [:]) : nil)
    }
    permissions = policy.permissionRequirements.map { step, requirement in
      Permission(
        stepID: step.id, requirement: requirement,
        definition: index.definition(for: requirement.id))
    }
    coveredByRequired = index.closure(of: permissions.map(\.requirement.id))
  }
}
