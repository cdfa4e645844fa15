import PermauditCore

/// The fast path for JSON Lines evidence: reads one record's bytes straight into an
/// ``EvidenceDocument``, without a ``Node`` tree in between.
///
/// It reads the shape records almost always have: an object of the six top-level keys,
/// each at most once, with text where text belongs, `account` an object of text, boolean
/// and null fields whose keys are plain ASCII, `parameters` an object of text, and
/// `permissions` a list of text. For anything else it answers `nil`, meaning "not sure",
/// and the caller decodes the record with ``JSONReader`` and ``EvidenceDecoder``, so that
/// every message and edge case stays theirs. It gives up, for example, on a number, an
/// unknown or repeated key, a key with an escape or a non-ASCII character, a surrogate
/// escape, invalid UTF-8, a control character, text where the catalog expects a boolean,
/// and any value the strict decoder would refuse. A document it returns equals theirs.
struct EvidenceRecordDecoder: Sendable {
  /// The top-level keys of an evidence document (``EvidenceDecoder/topLevelKeys``).
  enum Field: String, CaseIterable {
    case system
    case collectedAt = "collected_at"
    case source, parameters, account, permissions

    /// The field a key's bytes spell, if any.
    init?(_ key: UnsafeBufferPointer<UInt8>) {
      switch key.count {
      case 6 where key.spells("system"): self = .system
      case 6 where key.spells("source"): self = .source
      case 7 where key.spells("account"): self = .account
      case 10 where key.spells("parameters"): self = .parameters
      case 11 where key.spells("permissions"): self = .permissions
      case 12 where key.spells("collected_at"): self = .collectedAt
      default: return nil
      }
    }

    /// The field's flag in a set of fields already read.
    var bit: UInt8 {
      switch self {
      case .system: 1
      case .collectedAt: 2
      case .source: 4
      case .parameters: 8
      case .account: 16
      case .permissions: 32
      }
    }
  }

  /// The top-level values of a record as written, before they are checked.
  private struct Fields {
    var system: String?
    var collectedAt: String?
    var source: String?
    var parameters: [String: String] = [:]
    var account: (id: String, attributes: [String: AttributeValue])?
    var permissions: [String]?
  }

  /// A catalog attribute, with its name's bytes to compare keys with.
  struct Attribute: Sendable {
    let name: String
    let spelling: [UInt8]
    let type: AttributeType
  }

  private let system: String
  let attributeTypes: [String: AttributeType]
  /// The catalog's attributes, or `nil` when a name is not ASCII and so may equal a
  /// differently spelled key.
  let catalogAttributes: [Attribute]?

  /// A fast path that decodes as `decoder` does.
  init(_ decoder: EvidenceDecoder) {
    self.system = decoder.catalog.system
    self.attributeTypes = decoder.attributeTypes
    // Note: in catalog order, so that the first of two declarations wins, as in
    // `attributeTypes`.
    let attributes = decoder.catalog.attributes.map { attribute in
      Attribute(name: attribute.name, spelling: Array(attribute.name.utf8), type: attribute.type)
    }
    self.catalogAttributes =
      attributes.allSatisfy { $0.name.utf8.allSatisfy { $0 < 0x80 } }
      ? attributes : nil
  }

  /// The evidence document in one JSON Lines record (without its line end), or `nil` when
  /// the record needs the strict reader.
  ///
  /// - Parameters:
  ///   - origin: where it was read, for provenance (`batch.jsonl:12`).
  ///   - sha256: the digest of the record's bytes.
  func document(_ record: UnsafeBufferPointer<UInt8>, origin: String, sha256: String)
    -> EvidenceDocument?
  {
    var scanner = EvidenceRecordScanner(record)
    guard let fields = readFields(&scanner), scanner.isAtEnd(),
      let writtenSystem = fields.system, writtenSystem == system,
      let collectedText = fields.collectedAt,
      let collectedAt = Timestamp.parse(collectedText),
      let writtenSource = fields.source, let account = fields.account
    else { return nil }

    // Note: the checks of ``EvidenceDecoder``, with the same redaction.
    let source =
      Self.containsSchemeSeparator(writtenSource)
      ? EvidenceLoader.redacted(writtenSource) : writtenSource
    guard !Self.isBlank(source) else { return nil }
    if let permissions = fields.permissions, permissions.contains(where: Self.isBlank) {
      return nil
    }

    return EvidenceDocument(
      system: writtenSystem, accountID: account.id,
      provenance: Provenance(
        source: source, collectedAt: collectedAt, origin: origin, sha256: sha256),
      parameters: fields.parameters, attributes: account.attributes,
      permissions: fields.permissions)
  }

  /// Reads the top-level object.
  private func readFields(_ scanner: inout EvidenceRecordScanner) -> Fields? {
    guard scanner.skip(JSONByte.openBrace) else { return nil }
    var fields = Fields()
    var seen: UInt8 = 0
    while true {
      guard let key = scanner.key(), let field = Field(key), seen & field.bit == 0 else {
        return nil
      }
      seen |= field.bit
      guard read(field, into: &fields, from: &scanner) else { return nil }
      guard let more = scanner.entryFollows(closer: JSONByte.closeBrace) else { return nil }
      if !more { return fields }
    }
  }

  /// Reads the value of one top-level field; `false` when it is not one the fast path
  /// reads.
  private func read(
    _ field: Field, into fields: inout Fields, from scanner: inout EvidenceRecordScanner
  ) -> Bool {
    switch field {
    case .system:
      fields.system = scanner.text()
      return fields.system != nil
    case .collectedAt:
      fields.collectedAt = scanner.text()
      return fields.collectedAt != nil
    case .source:
      fields.source = scanner.text()
      return fields.source != nil
    case .account:
      fields.account = readAccount(&scanner)
      return fields.account != nil
    case .parameters:
      guard let parameters = readParameters(&scanner) else { return false }
      fields.parameters = parameters
      return true
    case .permissions:
      if scanner.skipNull() { return true }
      fields.permissions = readTextList(&scanner)
      return fields.permissions != nil
    }
  }
}
