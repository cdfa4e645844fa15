import PermauditCore

/// Decodes a policy document and checks it against its catalog (docs/policy-format.md).
public enum PolicyDecoder {
  static let topLevelKeys = [
    "kind", "id", "system", "title", "description", "source", "parameters", "steps",
    "excess", "max_evidence_age",
  ]
  static let parameterKeys = ["description", "required", "type"]
  static let stepKeys = ["id", "title", "instructions", "attributes", "permissions"]
  static let attributeRequirementKeys = [
    "equals", "one_of", "any", "match", "severity", "reason", "impact", "remediation",
  ]
  static let permissionRequirementKeys = [
    "id", "severity", "reason", "impact", "overgrant", "remediation",
  ]

  /// The `system` a policy document refers to, read before its catalog is loaded.
  public static func system(of node: Node) throws(InputError) -> String {
    try DocumentKind.expect("Policy", in: node, context: "the policy")
    let root = try MappingReader(node, context: "the policy", allowedKeys: topLevelKeys)
    try DocumentKind.expect("Policy", in: root)
    let system = try root.text("system")
    guard Scalars.isIdentifier(system, allowingHyphen: true) else {
      throw InputError(
        "system '\(system)' must be lowercase letters, digits, '-' or '_'",
        at: root.location(of: "system"),
        hint: "name the 'system' of its catalog, such as justworks")
    }
    return system
  }

  /// The policy in `node`, checked against `catalog`, or the first problem found, located.
  public static func decode(_ node: Node, catalog: Catalog) throws(InputError) -> Policy {
    try DocumentKind.expect("Policy", in: node, context: "the policy")
    let root = try MappingReader(node, context: "the policy", allowedKeys: topLevelKeys)
    try DocumentKind.expect("Policy", in: root)
    let id = try root.text("id")
    guard Scalars.isIdentifier(id, allowingHyphen: true) else {
      throw InputError(
        "policy id '\(id)' must be lowercase letters, digits, '-' or '_'",
        at: root.location(of: "id"))
    }
    let system = try root.text("system")
    guard system == catalog.system else {
      throw InputError(
        "the policy is for system '\(system)', but the catalog is for '\(catalog.system)'",
        at: root.location(of: "system"))
    }

    let parameters = try decodeParameters(root.optional("parameters"))
    let context = RequirementContext(catalog: catalog, parameters: parameters)
    let steps = try decodeSteps(root.required("steps"), context: context)
    guard steps.contains(where: { !$0.attributes.isEmpty || !$0.permissions.isEmpty }) else {
      throw InputError(
        "the policy has no requirements: add attributes or permissions to a step",
        at: root.location(of: "steps"))
    }

    return Policy(
      id: id, system: system, title: try root.text("title"),
      source: try DocumentSourceDecoder.decode(root.optional("source"), in: "the policy"),
      parameters: parameters, steps: steps,
      excess: try root.choice("excess", default: ExcessTreatment.warn),
      maxEvidenceAge: try decodeAge(root.optional("max_evidence_age")))
  }

  private static func decodeParameters(_ node: Node?) throws(InputError)
    -> [ParameterDefinition]
  {
    guard let node else { return [] }
    if case .null = node.value { return [] }
    guard case .mapping(let entries) = node.value else {
      throw InputError(
        "'parameters' must map parameter names to their descriptions, found "
          + node.value.kindDescription, at: node.location)
    }
    var parameters: [ParameterDefinition] = []
    for entry in entries {
      guard Template.isParameterName(entry.key) else {
        throw InputError(
          "parameter name '\(entry.key)' must be letters, digits or '_'", at: entry.keyLocation)
      }
      let reader = try MappingReader(
        entry.value, context: "parameter '\(entry.key)'", allowedKeys: parameterKeys)
      let type = try reader.choice("type", default: AttributeType.string)
      guard type == .string || type == .email else {
        throw InputError(
          "parameter '\(entry.key)' has type '\(type.rawValue)'; parameters are string or email",
          at: reader.location(of: "type"))
      }
      parameters.append(
        ParameterDefinition(
          name: entry.key, description: try reader.optionalText("description"),
          isRequired: try reader.boolean("required", default: false), type: type))
    }
    return parameters
  }

  private static func decodeSteps(_ node: Node, context: RequirementContext) throws(InputError)
    -> [PolicyStep]
  {
    guard case .sequence(let items) = node.value, !items.isEmpty else {
      throw InputError("'steps' must be a non-empty list of steps", at: node.location)
    }
    var steps: [PolicyStep] = []
    var seen = RequirementRegistry()
    for item in items {
      var reader = try MappingReader(item, context: "a step", allowedKeys: stepKeys)
      let id = try reader.text("id")
      guard Scalars.isIdentifier(id, allowingHyphen: true) else {
        throw InputError(
          "step id '\(id)' must be lowercase letters, digits, '-' or '_'",
          at: reader.location(of: "id"))
      }
      guard !steps.contains(where: { $0.id == id }) else {
        throw InputError("step id '\(id)' is used twice", at: reader.location(of: "id"))
      }
      let stepContext = "step '\(id)'"
      reader.context = stepContext
      var attributes: [AttributeRequirement] = []
      if let node = reader.optional("attributes") {
        attributes = try decodeAttributeRequirements(
          node, step: stepContext, context: context, registry: &seen)
      }
      var permissions: [PermissionRequirement] = []
      if let node = reader.optional("permissions") {
        permissions = try decodePermissionRequirements(
          node, step: stepContext, context: context, registry: &seen)
      }
      steps.append(
        PolicyStep(
          id: id, title: try reader.text("title"),
          instructions: try reader.optionalText("instructions"), attributes: attributes,
          permissions: permissions))
    }
    return steps
  }

  private static func decodeAge(_ node: Node?) throws(InputError) -> EvidenceAge? {
    guard let node, let text = try Scalars.optionalText(node, field: "'max_evidence_age'")
    else { return nil }
    guard let seconds = ISODuration.seconds(in: text), seconds > 0 else {
      throw InputError(
        "'max_evidence_age' must be an ISO-8601 duration such as P7D or PT12H, found '\(text)'",
        at: node.location, hint: "years and months have no fixed length: write days")
    }
    return EvidenceAge(text: text, seconds: seconds)
  }
}
