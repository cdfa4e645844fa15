import Foundation
import PermauditCore

/// Decodes evidence documents (SPEC §5) and types their account fields by the catalog.
public struct EvidenceDecoder: Sendable {
  static let topLevelKeys = [
    "system", "collected_at", "source", "parameters", "account", "permissions",
  ]

  /// The catalog whose attribute types evidence values are read with.
  public let catalog: Catalog
  /// The type of each attribute the catalog declares, by name.
  let attributeTypes: [String: AttributeType]

  public init(catalog: Catalog) {
    self.catalog = catalog
    self.attributeTypes = Dictionary(
      catalog.attributes.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
  }

  /// The evidence documents in one parsed document: itself, or each item of a top-level
  /// list (a batch).
  public func documents(in node: Node, origin: String, sha256: String) throws(InputError)
    -> [EvidenceDocument]
  {
    guard case .sequence(let items) = node.value else {
      return [try document(node, origin: origin, sha256: sha256)]
    }
    var documents: [EvidenceDocument] = []
    documents.reserveCapacity(items.count)
    for item in items {
      documents.append(try document(item, origin: origin, sha256: sha256))
    }
    return documents
  }

  /// One evidence document.
  ///
  /// - Parameters:
  ///   - origin: where it was read, for provenance (`batch.jsonl:12`).
  ///   - sha256: the digest of the bytes it was read from.
  public func document(_ node: Node, origin: String, sha256: String) throws(InputError)
    -> EvidenceDocument
  {
    let root = try MappingReader(
      node, context: "the evidence document", allowedKeys: Self.topLevelKeys)

    let system = try root.text("system")
    guard system == catalog.system else {
      throw InputError(
        "evidence is for system '\(system)', but the policy is for '\(catalog.system)'",
        at: root.location(of: "system"),
        hint: "audit it with a policy for '\(system)', or remove it from this audit")
    }

    let collectedText = try root.text("collected_at")
    guard let collectedAt = Timestamp.parse(collectedText) else {
      throw InputError(
        "collected_at '\(collectedText)' is not a timestamp with a time zone",
        at: root.location(of: "collected_at"),
        hint: "write it like 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00")
    }
    // A source written as a URL may carry credentials; reports must never repeat them.
    let writtenSource = try root.text("source")
    let source =
      writtenSource.contains("://") ? EvidenceLoader.redacted(writtenSource) : writtenSource
    guard !TextNormalization.value(source).isEmpty else {
      throw InputError(
        "source must say where the evidence came from", at: root.location(of: "source"))
    }

    let account = try root.required("account")
    let (accountID, attributes) = try decodeAccount(account)
    var permissions: [String]?
    if let node = root.optional("permissions") {
      permissions = try decodePermissions(node)
    }

    return EvidenceDocument(
      system: system, accountID: accountID,
      provenance: Provenance(
        source: source, collectedAt: collectedAt, origin: origin, sha256: sha256),
      parameters: try decodeParameters(root.optional("parameters")),
      attributes: attributes, permissions: permissions)
  }

  private func decodeAccount(_ node: Node) throws(InputError)
    -> (String, [String: AttributeValue])
  {
    guard case .mapping(let entries) = node.value else {
      throw InputError(
        "'account' must be a mapping of the account's fields, found "
          + node.value.kindDescription, at: node.location)
    }
    guard let idEntry = entries.first(where: { $0.key == "id" }) else {
      throw InputError(
        "'account' has no 'id'", at: node.location,
        hint: "add the account's id in the system, e.g. id: m_1001")
    }
    // Note: ids are compared in the same form as names, so an invisible character or stray
    // space does not split one account in two.
    let id = TextNormalization.value(try Scalars.text(idEntry.value, field: "the account id"))
    guard !id.isEmpty else {
      throw InputError("the account id is empty", at: idEntry.value.location)
    }

    var attributes: [String: AttributeValue] = [:]
    for entry in entries where entry.key != "id" {
      attributes[entry.key] = try attributeValue(entry.value, name: entry.key)
    }
    return (id, attributes)
  }

  /// A field's value, typed by the catalog; fields the catalog does not declare are kept
  /// as written but never checked.
  private func attributeValue(_ node: Node, name: String) throws(InputError) -> AttributeValue {
    let field = "account field '\(name)'"
    guard let type = attributeTypes[name] else {
      switch node.value {
      case .null: return .empty
      case .bool(let value): return .boolean(value)
      case .string(let text), .plain(let text), .number(let text): return .text(text)
      case .sequence, .mapping: return .text("(\(node.value.kindDescription))")
      }
    }
    if case .null = node.value { return .empty }
    switch type {
    case .boolean:
      return .boolean(try Scalars.boolean(node, field: field))
    case .string, .email, .date:
      return .text(try Scalars.text(node, field: field))
    }
  }

  private func decodePermissions(_ node: Node) throws(InputError) -> [String]? {
    if case .null = node.value { return nil }
    let names = try Scalars.textList(node, field: "'permissions'")
    if let blank = names.firstIndex(where: { TextNormalization.value($0).isEmpty }),
      case .sequence(let items) = node.value
    {
      throw InputError(
        "permission \(blank + 1) in 'permissions' is blank", at: items[blank].location)
    }
    return names
  }

  private func decodeParameters(_ node: Node?) throws(InputError) -> [String: String] {
    guard let node else { return [:] }
    if case .null = node.value { return [:] }
    guard case .mapping(let entries) = node.value else {
      throw InputError(
        "'parameters' must map parameter names to values, found "
          + node.value.kindDescription, at: node.location)
    }
    var parameters: [String: String] = [:]
    for entry in entries {
      parameters[entry.key] = try Scalars.text(entry.value, field: "parameter '\(entry.key)'")
    }
    return parameters
  }
}
