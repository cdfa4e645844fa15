/// What one integration requires of its service account, with the documented reason for
/// each requirement, grouped in the steps of the vendor's setup guide.
public struct Policy: Sendable {
  public var id: String
  /// The catalog this policy refers to.
  public var system: String
  public var title: String
  /// Where the requirements are documented.
  public var source: DocumentSource?
  public var parameters: [ParameterDefinition]
  public var steps: [PolicyStep]
  /// What to do with permissions held beyond the required set.
  public var excess: ExcessTreatment
  /// Evidence older than this at the audit's time is stale.
  public var maxEvidenceAge: EvidenceAge?

  public init(
    id: String, system: String, title: String, source: DocumentSource? = nil,
    parameters: [ParameterDefinition] = [], steps: [PolicyStep],
    excess: ExcessTreatment = .warn, maxEvidenceAge: EvidenceAge? = nil
  ) {
    self.id = id
    self.system = system
    self.title = title
    self.source = source
    self.parameters = parameters
    self.steps = steps
    self.excess = excess
    self.maxEvidenceAge = maxEvidenceAge
  }

  /// Every permission requirement, in step order.
  public var permissionRequirements: [(step: PolicyStep, requirement: PermissionRequirement)] {
    steps.flatMap { step in step.permissions.map { (step, $0) } }
  }

  /// Every attribute requirement, in step order.
  public var attributeRequirements: [(step: PolicyStep, requirement: AttributeRequirement)] {
    steps.flatMap { step in step.attributes.map { (step, $0) } }
  }

  /// The declared parameter called `name`.
  public func parameter(named name: String) -> ParameterDefinition? {
    parameters.first { $0.name == name }
  }
}

/// A value the policy needs from whoever runs the audit, such as the linking-flow email.
public struct ParameterDefinition: Sendable {
  public var name: String
  public var description: String?
  public var isRequired: Bool
  /// `email` values are trimmed and compared case-insensitively where used.
  public var type: AttributeType

  public init(
    name: String, description: String? = nil, isRequired: Bool = false,
    type: AttributeType = .string
  ) {
    self.name = name
    self.description = description
    self.isRequired = isRequired
    self.type = type
  }
}

/// One step of the setup guide, holding the requirements it sets up.
public struct PolicyStep: Sendable {
  public var id: String
  public var title: String
  /// What the guide says to do in this step, for the checklist.
  public var instructions: String?
  public var attributes: [AttributeRequirement]
  public var permissions: [PermissionRequirement]

  public init(
    id: String, title: String, instructions: String? = nil,
    attributes: [AttributeRequirement] = [], permissions: [PermissionRequirement] = []
  ) {
    self.id = id
    self.title = title
    self.instructions = instructions
    self.attributes = attributes
    self.permissions = permissions
  }
}

/// A required permission, with why it is needed and what breaks without it.
public struct PermissionRequirement: Sendable {
  /// The catalog id.
  public var id: String
  public var severity: Severity
  /// The documented reason, quoted in every finding about this permission.
  public var reason: String
  /// What stops working without it.
  public var impact: String?
  /// Why a grant broader than the integration uses is accepted, if it is.
  public var overgrant: String?
  /// A fix to show instead of the one built from the catalog's click path.
  public var remediation: String?

  public init(
    id: String, severity: Severity = .high, reason: String, impact: String? = nil,
    overgrant: String? = nil, remediation: String? = nil
  ) {
    self.id = id
    self.severity = severity
    self.reason = reason
    self.impact = impact
    self.overgrant = overgrant
    self.remediation = remediation
  }
}

/// A requirement on one account attribute.
public struct AttributeRequirement: Sendable {
  /// The catalog attribute name.
  public var attribute: String
  public var rule: AttributeRule
  /// Whether text comparison ignores case (always so for `email` attributes).
  public var isCaseInsensitive: Bool
  public var severity: Severity
  public var reason: String?
  public var impact: String?
  public var remediation: String?

  public init(
    attribute: String, rule: AttributeRule, isCaseInsensitive: Bool = false,
    severity: Severity = .medium, reason: String? = nil, impact: String? = nil,
    remediation: String? = nil
  ) {
    self.attribute = attribute
    self.rule = rule
    self.isCaseInsensitive = isCaseInsensitive
    self.severity = severity
    self.reason = reason
    self.impact = impact
    self.remediation = remediation
  }
}

/// What an attribute must be.
public enum AttributeRule: Sendable {
  /// Exactly this value (after normalization).
  case equals(ExpectedValue)
  /// Any one of these values.
  case oneOf([ExpectedValue])
  /// Anything, empty included: listed in the checklist, never a finding.
  case any
}

/// An expected attribute value as the policy writes it.
public enum ExpectedValue: Sendable, Equatable {
  case text(Template)
  case boolean(Bool)
}

/// Text that may refer to policy parameters as `${name}`.
///
/// Substitution happens once: a parameter value that itself contains `${…}` is inserted
/// as plain text and never expanded again.
public struct Template: Sendable, Equatable, CustomStringConvertible {
  public enum Segment: Sendable, Equatable {
    case literal(String)
    case parameter(String)
  }

  public var segments: [Segment]

  public init(segments: [Segment]) {
    self.segments = segments
  }

  /// The parameters this template refers to, in order of appearance.
  public var parameterNames: [String] {
    segments.compactMap { if case .parameter(let name) = $0 { return name } else { return nil } }
  }

  /// The text with each parameter replaced by its value; `nil` if one has no value.
  public func rendered(with values: [String: String]) -> String? {
    var text = ""
    for segment in segments {
      switch segment {
      case .literal(let literal): text += literal
      case .parameter(let name):
        guard let value = values[name] else { return nil }
        text += value
      }
    }
    return text
  }

  /// The template as written, with `${name}` for parameters.
  public var description: String {
    segments.map {
      switch $0 {
      case .literal(let text): return text
      case .parameter(let name): return "${\(name)}"
      }
    }.joined()
  }
}

/// A maximum evidence age, written as an ISO-8601 duration (`P7D`, `PT12H`).
public struct EvidenceAge: Sendable, Equatable {
  /// As written in the policy.
  public var text: String
  public var seconds: Double

  public init(text: String, seconds: Double) {
    self.text = text
    self.seconds = seconds
  }
}
