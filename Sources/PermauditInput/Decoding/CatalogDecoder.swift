import PermauditCore

/// Decodes and validates a catalog document (docs/policy-format.md).
public enum CatalogDecoder {
  static let topLevelKeys = [
    "kind", "system", "title", "description", "source", "permission_screen", "attributes",
    "permissions",
  ]
  static let attributeKeys = ["type", "label", "path", "description"]
  static let permissionKeys = [
    "id", "name", "aliases", "group", "access", "risk", "implies", "description", "path",
  ]

  /// The catalog in `node`, or the first problem found, located.
  ///
  /// - Parameter warnings: receives problems that do not stop the catalog from being used,
  ///   such as a cycle in `implies`.
  public static func decode(_ node: Node, warnings: inout [InputError]) throws(InputError)
    -> Catalog
  {
    try DocumentKind.expect("Catalog", in: node, context: "the catalog")
    let root = try MappingReader(node, context: "the catalog", allowedKeys: topLevelKeys)
    try DocumentKind.expect("Catalog", in: root)
    let system = try root.text("system")
    guard Scalars.isIdentifier(system, allowingHyphen: true) else {
      throw InputError(
        "system '\(system)' must be lowercase letters, digits, '-' or '_'",
        at: root.location(of: "system"))
    }

    let attributes = try decodeAttributes(root.optional("attributes"))
    let permissions = try decodePermissions(root.required("permissions"))
    let catalog = Catalog(
      system: system, title: try root.text("title"),
      source: try DocumentSourceDecoder.decode(root.optional("source"), in: "the catalog"),
      permissionScreen: try root.optionalText("permission_screen"),
      attributes: attributes, permissions: permissions.map(\.definition))

    for cycle in PermissionIndex(catalog: catalog).impliesCycles() {
      let location = permissions.first { $0.definition.id == cycle.first }?.location
      warnings.append(
        InputError(
          "permissions \(cycle.map { "'\($0)'" }.joined(separator: ", ")) imply each other "
            + "in a cycle, so holding any one grants all of them", at: location,
          hint: "remove an 'implies' entry unless they really are equivalent"))
    }
    return catalog
  }

  private static func decodeAttributes(_ node: Node?) throws(InputError)
    -> [AttributeDefinition]
  {
    guard let node, case .mapping(let entries) = node.value else {
      if let node, case .null = node.value { return [] }
      if let node {
        throw InputError(
          "'attributes' must map attribute names to their types, found "
            + node.value.kindDescription, at: node.location)
      }
      return []
    }
    var attributes: [AttributeDefinition] = []
    for entry in entries {
      guard Scalars.isIdentifier(entry.key) else {
        throw InputError(
          "attribute name '\(entry.key)' must be lowercase letters, digits or '_'",
          at: entry.keyLocation)
      }
      let reader = try MappingReader(
        entry.value, context: "attribute '\(entry.key)'", allowedKeys: attributeKeys)
      attributes.append(
        AttributeDefinition(
          name: entry.key, type: try reader.choice("type", default: AttributeType.string),
          label: try reader.optionalText("label"), path: try reader.optionalText("path")))
    }
    return attributes
  }

  private static func decodePermissions(_ node: Node) throws(InputError)
    -> [(definition: PermissionDefinition, location: SourceLocation)]
  {
    guard case .sequence(let items) = node.value, !items.isEmpty else {
      throw InputError(
        "'permissions' must be a non-empty list of permissions", at: node.location)
    }

    var permissions: [(definition: PermissionDefinition, location: SourceLocation)] = []
    var spellings: [String: (id: String, location: SourceLocation)] = [:]
    var impliesEntries: [(id: String, location: SourceLocation)] = []

    for item in items {
      var reader = try MappingReader(item, context: "a permission", allowedKeys: permissionKeys)
      let id = try reader.text("id")
      guard Scalars.isIdentifier(id) else {
        throw InputError(
          "permission id '\(id)' must be lowercase letters, digits or '_'",
          at: reader.location(of: "id"))
      }
      let context = "permission '\(id)'"
      reader.context = context
      let definition = PermissionDefinition(
        id: id, name: try reader.text("name"),
        aliases: try reader.textList("aliases"), group: try reader.optionalText("group"),
        access: try reader.optional("access").map { node throws(InputError) in
          try Scalars.choice(node, field: "'access' of \(context)")
        },
        risk: try reader.choice("risk", default: Risk.medium),
        implies: try reader.textList("implies"),
        description: try reader.optionalText("description"),
        path: try reader.optionalText("path"))

      if let earlier = permissions.first(where: { $0.definition.id == id }) {
        throw InputError(
          "permission id '\(id)' is declared twice (first at line \(earlier.location.line))",
          at: reader.location(of: "id"))
      }
      let written = [id, definition.name] + definition.aliases
      let places =
        [reader.location(of: "id"), reader.location(of: "name")]
        + itemLocations(of: reader, "aliases", count: definition.aliases.count)
      for (spelling, location) in zip(written, places) {
        let key = TextNormalization.permissionKey(spelling)
        if let other = spellings[key], other.id != id {
          throw InputError(
            "'\(spelling)' of permission '\(id)' reads the same as a spelling of '\(other.id)'",
            at: location, hint: "each name and alias must match one permission only")
        }
        spellings[key] = (id, location)
      }
      impliesEntries += zip(
        definition.implies,
        itemLocations(of: reader, "implies", count: definition.implies.count)
      ).map { ($0, $1) }
      permissions.append((definition, item.location))
    }

    let ids = permissions.map(\.definition.id)
    for entry in impliesEntries where !ids.contains(entry.id) {
      throw InputError(
        "'implies' names '\(entry.id)', which is not a permission of this catalog",
        at: entry.location,
        hint: Suggestion.closest(to: entry.id, among: ids).map { "did you mean '\($0)'?" })
    }
    return permissions
  }

  /// Where each item of the list under `key` is written, for errors about one item.
  private static func itemLocations(of reader: MappingReader, _ key: String, count: Int)
    -> [SourceLocation]
  {
    guard case .sequence(let items) = reader.optional(key)?.value, items.count == count else {
      return Array(repeating: reader.location(of: key), count: count)
    }
    return items.map(\.location)
  }
}

/// Reads the `source: {title, url}` block of catalogs and policies.
enum DocumentSourceDecoder {
  static func decode(_ node: Node?, in context: String) throws(InputError) -> DocumentSource? {
    guard let node else { return nil }
    if case .null = node.value { return nil }
    let reader = try MappingReader(
      node, context: "'source' of \(context)", allowedKeys: ["title", "url"])
    return DocumentSource(title: try reader.text("title"), url: try reader.optionalText("url"))
  }
}

/// Checks the `kind` key that tells catalogs, policies and other documents apart.
enum DocumentKind {
  /// Checks a `kind` that is present before any other key, so that a policy given as a
  /// catalog (or the reverse) is named as such instead of failing on its first other key.
  static func expect(_ kind: String, in node: Node, context: String) throws(InputError) {
    guard case .mapping(let entries) = node.value,
      let entry = entries.first(where: { $0.key == "kind" })
    else { return }
    let written = try Scalars.text(entry.value, field: "'kind' of \(context)")
    guard written == kind else {
      throw InputError(
        "expected a document of kind '\(kind)', found kind '\(written)'",
        at: entry.value.location)
    }
  }

  /// Checks that the document says it is of `kind`; an error when `kind` is missing.
  static func expect(_ kind: String, in reader: MappingReader) throws(InputError) {
    let written = try reader.text("kind")
    guard written == kind else {
      throw InputError(
        "expected a document of kind '\(kind)', found kind '\(written)'",
        at: reader.location(of: "kind"))
    }
  }

  /// The `kind` of a document, if it is a mapping with a text `kind`.
  static func of(_ node: Node) -> String? {
    guard case .mapping(let entries) = node.value,
      let kind = entries.first(where: { $0.key == "kind" })?.value
    else { return nil }
    switch kind.value {
    case .string(let text), .plain(let text): return text
    default: return nil
    }
  }
}
