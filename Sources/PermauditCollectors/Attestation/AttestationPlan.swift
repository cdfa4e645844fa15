import PermauditCore

/// The questions of a guided attestation, in the order of the policy's steps: each step's
/// account attributes, and at the first step that requires permissions, every permission of
/// the catalog grouped as the system's permission screen shows them, in catalog order.
public struct AttestationPlan: Sendable {
  /// A run of questions shown under one heading.
  public struct Section: Sendable {
    public var title: String
    /// What the setup guide says to do here, when the policy quotes it.
    public var instructions: String?
    public var questions: [AttestationQuestion]
  }

  public var system: String
  public var sections: [Section]

  /// Every question, in order.
  public var questions: [AttestationQuestion] { sections.flatMap(\.questions) }

  public init(policy: Policy, catalog: Catalog) {
    system = catalog.system
    var sections: [Section] = []
    var hasPermissions = false
    for step in policy.steps {
      let attributes = step.attributes.map { requirement in
        AttestationQuestion.attribute(
          requirement.attribute, catalog.attribute(named: requirement.attribute))
      }
      if !attributes.isEmpty {
        sections.append(
          Section(title: step.title, instructions: step.instructions, questions: attributes))
      }
      if !step.permissions.isEmpty && !hasPermissions {
        hasPermissions = true
        sections += Self.permissionSections(catalog, stepTitle: step.title)
      }
    }
    if !hasPermissions && !catalog.permissions.isEmpty {
      sections += Self.permissionSections(catalog, stepTitle: "Permissions")
    }
    self.sections = sections
  }

  /// One section per permission group, in the order groups first appear in the catalog,
  /// then one question for any permission the screen shows that the catalog lacks.
  private static func permissionSections(_ catalog: Catalog, stepTitle: String) -> [Section] {
    var order: [String] = []
    var byGroup: [String: [AttestationQuestion]] = [:]
    for permission in catalog.permissions {
      let group = permission.group ?? "Other"
      if byGroup[group] == nil { order.append(group) }
      byGroup[group, default: []].append(.permission(permission))
    }
    let screen = catalog.permissionScreen.map { "On \($0): " } ?? ""
    var sections = order.map { group in
      Section(
        title: "\(stepTitle) · \(group)",
        instructions: "\(screen)does the account hold each permission under '\(group)'?",
        questions: byGroup[group] ?? [])
    }
    sections.append(
      Section(title: "\(stepTitle) · anything else", instructions: nil, questions: [.others]))
    return sections
  }
}

/// One question of an attestation.
public enum AttestationQuestion: Sendable {
  /// An account attribute, with its catalog definition when the catalog declares it.
  case attribute(String, AttributeDefinition?)
  /// Whether the account holds one catalog permission.
  case permission(PermissionDefinition)
  /// Permissions the screen shows beyond the catalog's.
  case others

  /// The prompt, with the accepted answers.
  public var prompt: String {
    switch self {
    case .attribute(let name, let definition):
      let label = definition?.displayName ?? name
      let path = definition?.path.map { " (\($0))" } ?? ""
      if definition?.type == .boolean { return "\(label)\(path) [yes/no]" }
      return "\(label)\(path) [value, or '-' if empty]"
    case .permission(let permission):
      return "Holds '\(permission.name)'? [yes/no]"
    case .others:
      return "Other permissions held that are not listed above, comma-separated "
        + "[or 'no' for none]"
    }
  }
}
