/// What the merged evidence of one account says, fact by fact, with provenance, and where
/// sources disagree. Built by ``AccountFacts/init(_:index:)``; the checks read it.
struct AccountFacts {
  /// One account field across the documents that state it.
  enum AttributeFact {
    /// No document states the field.
    case unknown
    /// Every document that states it agrees (after the field type's normalization).
    case known(AttributeValue, [Provenance])
    /// Documents disagree: each distinct value with the documents that state it.
    case conflicting([(value: AttributeValue, evidence: [Provenance])])
  }

  /// One permission, recognized or not, named in at least one permission list.
  struct HeldPermission {
    /// The catalog id, or `nil` for a name that matches no catalog entry.
    var id: String?
    /// The name as first written, for unrecognized names.
    var writtenName: String
    /// The documents that list it.
    var holders: [Provenance]
    /// Documents that list permissions but not this one.
    var nonHolders: [Provenance]

    var isConflicting: Bool { !nonHolders.isEmpty }
  }

  /// Every document of the account.
  var evidence: [Provenance]
  private let documents: [EvidenceDocument]
  /// `nil` when no document lists permissions: the account's permissions are unknown.
  var permissionLists: [Provenance]?
  /// Each permission named in any list, in order of first appearance.
  var heldPermissions: [HeldPermission] = []
  /// Parameter values from the documents, with every value seen for each name.
  var parameterValues: [String: [String]] = [:]

  init(_ account: AccountEvidence, index: PermissionIndex) {
    documents = account.documents
    evidence = account.documents.map(\.provenance)
    var positions: [String: Int] = [:]
    var listed: [(keys: Set<String>, ids: [String])] = []

    for document in account.documents {
      for (name, value) in document.parameters
      where !(parameterValues[name] ?? []).contains(
        value)
      {
        parameterValues[name, default: []].append(value)
      }
      guard let names = document.permissions else { continue }

      permissionLists = (permissionLists ?? []) + [document.provenance]
      var keys = Set<String>()
      var ids: [String] = []
      for name in names {
        let id = index.id(forName: name)
        if let id { ids.append(id) }
        let key = id ?? "?" + TextNormalization.permissionKey(name)
        guard keys.insert(key).inserted else { continue }
        if let position = positions[key] {
          heldPermissions[position].holders.append(document.provenance)
        } else {
          positions[key] = heldPermissions.count
          heldPermissions.append(
            HeldPermission(
              id: id, writtenName: name, holders: [document.provenance],
              nonHolders: []))
        }
      }
      listed.append((keys, ids))
    }

    // Note: with one list nothing can disagree, which is the common case and worth skipping.
    guard let lists = permissionLists, lists.count > 1 else { return }
    // A list also grants what its permissions imply, so a document listing one member of
    // an `implies` cycle, or a permission implying another, does not dispute a document
    // that lists the other.
    let listedKeys = listed.map { $0.keys.union(index.closure(of: $0.ids)) }
    for (position, held) in heldPermissions.enumerated() {
      let key = held.id ?? "?" + TextNormalization.permissionKey(held.writtenName)
      heldPermissions[position].nonHolders = zip(lists, listedKeys)
        .filter { !$0.1.contains(key) }
        .map(\.0)
    }
  }

  /// The merged fact for an attribute, compared by `comparisonForm`.
  func attribute(_ name: String, comparisonForm: (AttributeValue) -> AttributeValue)
    -> AttributeFact
  {
    if documents.count == 1 {
      guard let value = documents[0].attributes[name] else { return .unknown }
      return .known(value, evidence)
    }
    let observations = documents.compactMap { document in
      document.attributes[name].map { ($0, document.provenance) }
    }
    guard !observations.isEmpty else { return .unknown }
    var groups: [(form: AttributeValue, value: AttributeValue, evidence: [Provenance])] = []
    for (value, provenance) in observations {
      let form = comparisonForm(value)
      if let position = groups.firstIndex(where: { $0.form == form }) {
        groups[position].evidence.append(provenance)
      } else {
        groups.append((form, value, [provenance]))
      }
    }
    if groups.count == 1 { return .known(groups[0].value, groups[0].evidence) }
    return .conflicting(groups.map { ($0.value, $0.evidence) })
  }
}
