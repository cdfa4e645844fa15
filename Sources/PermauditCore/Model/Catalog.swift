/// The permission universe of one system (for example Justworks): the account fields it
/// has and the permissions an account can hold.
public struct Catalog: Sendable {
  /// The system's identifier, which policies and evidence refer to (`justworks`).
  public var system: String
  public var title: String
  /// Where the catalog's facts are documented, if anywhere.
  public var source: DocumentSource?
  /// The screen in the system where permissions are granted and removed, as a click path.
  public var permissionScreen: String?
  /// The account fields this system has, in the catalog's order.
  public var attributes: [AttributeDefinition]
  /// The permissions an account can hold, in the catalog's order.
  public var permissions: [PermissionDefinition]

  public init(
    system: String, title: String, source: DocumentSource? = nil,
    permissionScreen: String? = nil, attributes: [AttributeDefinition] = [],
    permissions: [PermissionDefinition]
  ) {
    self.system = system
    self.title = title
    self.source = source
    self.permissionScreen = permissionScreen
    self.attributes = attributes
    self.permissions = permissions
  }

  /// The attribute called `name`, if the catalog declares it.
  public func attribute(named name: String) -> AttributeDefinition? {
    attributes.first { $0.name == name }
  }

  /// The attribute `subject` names: its field name exactly, or its label as reports show
  /// it ("Work Email"), matched as evidence values are with case ignored.
  public func attribute(matching subject: String) -> AttributeDefinition? {
    if let exact = attribute(named: subject) { return exact }
    let wanted = TextNormalization.caseInsensitiveValue(subject)
    return attributes.first { TextNormalization.caseInsensitiveValue($0.displayName) == wanted }
  }

  /// The permission with identifier `id`, if the catalog has it.
  public func permission(id: String) -> PermissionDefinition? {
    permissions.first { $0.id == id }
  }
}

/// How an attribute's values are read and compared.
public enum AttributeType: String, Sendable, CaseIterable, Codable {
  /// Text, compared after white-space folding and NFC; case matters.
  case string
  /// `true`/`false`; evidence may also say `yes`/`no` in any case.
  case boolean
  /// An email address, compared case-insensitively.
  case email
  /// A calendar date, kept as text (`2026-11-30`).
  case date
}

/// One account field of a system.
public struct AttributeDefinition: Sendable {
  public var name: String
  public var type: AttributeType
  /// The field's label as the system shows it ("Member Type").
  public var label: String?
  /// Where in the system the field is edited, as a click path.
  public var path: String?

  public init(name: String, type: AttributeType, label: String? = nil, path: String? = nil) {
    self.name = name
    self.type = type
    self.label = label
    self.path = path
  }

  /// The label if the catalog gives one, else the field name.
  public var displayName: String { label ?? name }
}

/// One permission of a system.
public struct PermissionDefinition: Sendable {
  public var id: String
  /// The name as the system shows it.
  public var name: String
  /// Further spellings that mean this permission.
  public var aliases: [String]
  /// Where it sits on the system's permission screen.
  public var group: String?
  public var access: AccessLevel?
  public var risk: Risk
  /// Permissions granted by holding this one.
  public var implies: [String]
  /// What holding it allows, in a sentence.
  public var description: String?
  /// Where it is granted or removed, when this differs from the catalog's permission screen.
  public var path: String?

  public init(
    id: String, name: String, aliases: [String] = [], group: String? = nil,
    access: AccessLevel? = nil, risk: Risk = .medium, implies: [String] = [],
    description: String? = nil, path: String? = nil
  ) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.group = group
    self.access = access
    self.risk = risk
    self.implies = implies
    self.description = description
    self.path = path
  }
}

/// A document that a catalog or policy quotes.
public struct DocumentSource: Sendable, Equatable {
  public var title: String
  public var url: String?

  public init(title: String, url: String? = nil) {
    self.title = title
    self.url = url
  }
}
