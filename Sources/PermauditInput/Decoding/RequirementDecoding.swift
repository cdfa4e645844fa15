import PermauditCore

/// What requirement decoding checks references against.
struct RequirementContext {
  let catalog: Catalog
  let parameters: [ParameterDefinition]
}

/// Remembers which subjects already have a requirement, so none is required twice.
struct RequirementRegistry {
  private var attributeSteps: [String: String] = [:]
  private var permissionSteps: [String: String] = [:]

  mutating func claim(attribute name: String, in step: String, at location: SourceLocation)
    throws(InputError)
  {
    if let earlier = attributeSteps[name] {
      throw InputError("attribute '\(name)' is already required in \(earlier)", at: location)
    }
    attributeSteps[name] = step
  }

  mutating func claim(permission id: String, in step: String, at location: SourceLocation)
    throws(InputError)
  {
    if let earlier = permissionSteps[id] {
      throw InputError("permission '\(id)' is already required in \(earlier)", at: location)
    }
    permissionSteps[id] = step
  }
}

extension PolicyDecoder {
  static func decodeAttributeRequirements(
    _ node: Node, step: String, context: RequirementContext,
    registry: inout RequirementRegistry
  ) throws(InputError) -> [AttributeRequirement] {
    if case .null = node.value { return [] }
    guard case .mapping(let entries) = node.value else {
      throw InputError(
        "'attributes' of \(step) must map attribute names to requirements, found "
          + node.value.kindDescription, at: node.location)
    }
    var requirements: [AttributeRequirement] = []
    for entry in entries {
      guard let definition = context.catalog.attribute(named: entry.key) else {
        let names = context.catalog.attributes.map(\.name)
        throw InputError(
          "attribute '\(entry.key)' is not declared by the '\(context.catalog.system)' catalog",
          at: entry.keyLocation,
          hint: Suggestion.closest(to: entry.key, among: names).map { "did you mean '\($0)'?" }
            ?? "declare it under the catalog's 'attributes'")
      }
      try registry.claim(attribute: entry.key, in: step, at: entry.keyLocation)
      requirements.append(
        try decodeAttributeRequirement(entry.value, definition: definition, context: context))
    }
    return requirements
  }

  private static func decodeAttributeRequirement(
    _ node: Node, definition: AttributeDefinition, context: RequirementContext
  ) throws(InputError) -> AttributeRequirement {
    let name = "attribute '\(definition.name)'"
    let reader = try MappingReader(
      node, context: "the requirement on \(name)", allowedKeys: attributeRequirementKeys)
    let rules = ["equals", "one_of", "any"].filter { reader.optional($0) != nil }
    guard rules.count == 1 else {
      throw InputError(
        "the requirement on \(name) needs exactly one of 'equals', 'one_of' or 'any'"
          + (rules.isEmpty ? "" : "; it has \(rules.joined(separator: " and "))"),
        at: node.location)
    }

    let rule: AttributeRule
    switch rules[0] {
    case "equals":
      rule = .equals(try expectedValue(reader.required("equals"), for: definition, context))
    case "one_of":
      let listNode = try reader.required("one_of")
      guard case .sequence(let items) = listNode.value, !items.isEmpty else {
        throw InputError("'one_of' must be a non-empty list of values", at: listNode.location)
      }
      var values: [ExpectedValue] = []
      for item in items { values.append(try expectedValue(item, for: definition, context)) }
      rule = .oneOf(values)
    default:
      guard try reader.boolean("any", default: false) else {
        throw InputError(
          "'any: false' says nothing; use 'equals' or 'one_of' instead",
          at: reader.location(of: "any"))
      }
      rule = .any
    }

    var ignoresCase = false
    if let match = try reader.optionalText("match") {
      switch match {
      case "case-insensitive": ignoresCase = true
      case "exact": ignoresCase = false
      default:
        throw InputError(
          "'match' must be 'exact' or 'case-insensitive', found '\(match)'",
          at: reader.location(of: "match"))
      }
    }

    return AttributeRequirement(
      attribute: definition.name, rule: rule, isCaseInsensitive: ignoresCase,
      severity: try reader.choice("severity", default: Severity.medium),
      reason: try reader.optionalText("reason"), impact: try reader.optionalText("impact"),
      remediation: try reader.optionalText("remediation"))
  }

  /// An expected value, typed by the attribute: booleans for boolean attributes, text
  /// with `${parameter}` references otherwise.
  private static func expectedValue(
    _ node: Node, for definition: AttributeDefinition, _ context: RequirementContext
  ) throws(InputError) -> ExpectedValue {
    let field = "the expected value of attribute '\(definition.name)'"
    if definition.type == .boolean {
      return .boolean(try Scalars.boolean(node, field: field))
    }
    let text = try Scalars.optionalText(node, field: field) ?? ""
    let template: Template
    do {
      template = try Template.parse(text)
    } catch {
      throw InputError("\(field): \(error.message)", at: node.location)
    }
    for name in template.parameterNames
    where !context.parameters.contains(where: { $0.name == name }) {
      throw InputError(
        "\(field) refers to '${\(name)}', which the policy's 'parameters' do not declare",
        at: node.location,
        hint: Suggestion.closest(to: name, among: context.parameters.map(\.name)).map {
          "did you mean '${\($0)}'?"
        })
    }
    return .text(template)
  }

  static func decodePermissionRequirements(
    _ node: Node, step: String, context: RequirementContext,
    registry: inout RequirementRegistry
  ) throws(InputError) -> [PermissionRequirement] {
    if case .null = node.value { return [] }
    guard case .sequence(let items) = node.value else {
      throw InputError(
        "'permissions' of \(step) must be a list of requirements, found "
          + node.value.kindDescription, at: node.location)
    }
    var requirements: [PermissionRequirement] = []
    for item in items {
      let reader = try MappingReader(
        item, context: "a permission requirement of \(step)",
        allowedKeys: permissionRequirementKeys)
      let id = try reader.text("id")
      guard context.catalog.permission(id: id) != nil else {
        let ids = context.catalog.permissions.map(\.id)
        throw InputError(
          "permission '\(id)' is not in the '\(context.catalog.system)' catalog",
          at: reader.location(of: "id"),
          hint: Suggestion.closest(to: id, among: ids).map { "did you mean '\($0)'?" })
      }
      try registry.claim(permission: id, in: step, at: reader.location(of: "id"))
      requirements.append(
        PermissionRequirement(
          id: id, severity: try reader.choice("severity", default: Severity.high),
          reason: try reader.text("reason"), impact: try reader.optionalText("impact"),
          overgrant: try reader.optionalText("overgrant"),
          remediation: try reader.optionalText("remediation")))
    }
    return requirements
  }
}
