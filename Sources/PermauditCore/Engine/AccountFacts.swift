/// What the merged evidence of one account says, fact by fact, with provenance, and where
/// sources disagree. Built by ``AccountFacts/init(_:index:)``; the checks read it.
///
/// Documents are referred to by position, in sets of positions, and turned into
/// provenance only for what a result shows; a set of every document is ``evidence`` itself.
/// A class, so that the checks share one instance instead of copying its arrays.
final class AccountFacts {
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
    /// The catalog permission, or the key of a name that matches no catalog entry.
    var spelling: PermissionSpelling
    /// The name as first written, for unrecognized names.
    var writtenName: String
    /// The positions of the documents that list it.
    var holders: OrdinalSet
    /// The positions of documents that list permissions but not this one.
    var nonHolders = OrdinalSet()

    /// The catalog ordinal, or `nil` for a name that matches no catalog entry.
    var ordinal: Int? { spelling.ordinal }
    var isConflicting: Bool { !nonHolders.isEmpty }
  }

  /// Every document of the account.
  let evidence: [Provenance]
  private let documents: [EvidenceDocument]
  private let everyDocument: OrdinalSet
  /// `nil` when no document lists permissions: the account's permissions are unknown.
  let permissionLists: [Provenance]?
  /// Each permission named in any list, in order of first appearance.
  let heldPermissions: [HeldPermission]
  /// The ordinals of the recognized permissions in ``heldPermissions``, and of those among
  /// them that no list disputes, so that checks rarely need to walk the list.
  let listedOrdinals: OrdinalSet
  let certainOrdinals: OrdinalSet
  /// Whether some undisputed name matches no catalog permission.
  let hasUnrecognized: Bool
  /// Whether some permission is disputed between lists.
  let hasDisputed: Bool

  init(_ account: AccountEvidence, index: PermissionIndex) {
    documents = account.documents
    evidence = account.documents.map(\.provenance)
    everyDocument = OrdinalSet(upTo: documents.count)

    var listing = OrdinalSet()
    var held = HeldList()
    // Note: a document's own closure is needed only when several documents list
    // permissions, to tell what each of them grants.
    var granted: [OrdinalSet] = []
    for (position, document) in documents.enumerated() {
      guard let names = document.permissions else { continue }
      listing.insert(position)
      var ordinals = OrdinalSet()
      if held.permissions.isEmpty { held.reserveCapacity(names.count) }
      for name in names {
        let spelling = index.spelling(of: name)
        if let ordinal = spelling.ordinal { ordinals.insert(ordinal) }
        held.add(spelling, writtenAs: name, listedIn: position)
      }
      if documents.count > 1 {
        granted.append(index.closure(ofOrdinals: ordinals))
      }
    }
    // Note: with one list nothing can disagree, which is the common case and worth skipping.
    if listing.count > 1 { held.settleDisputes(among: listing, granting: granted) }

    heldPermissions = held.permissions
    listedOrdinals = held.known
    certainOrdinals = held.certain
    hasUnrecognized = held.hasUnrecognized
    hasDisputed = held.hasDisputed
    permissionLists =
      listing.isEmpty
      ? nil : Self.provenance(of: listing, evidence: evidence, every: everyDocument)
  }

  /// The permission listed under `ordinal`, if any.
  func heldPermission(_ ordinal: Int) -> HeldPermission? {
    heldPermissions.first { $0.ordinal == ordinal }
  }

  /// The provenance of the documents at `positions`, in reading order.
  func provenance(of positions: OrdinalSet) -> [Provenance] {
    Self.provenance(of: positions, evidence: evidence, every: everyDocument)
  }

  private static func provenance(
    of positions: OrdinalSet, evidence: [Provenance], every: OrdinalSet
  ) -> [Provenance] {
    if positions == every { return evidence }
    return positions.map { evidence[$0] }
  }

  /// The merged fact for the attribute called `name`, compared by comparison form.
  func attribute(_ name: String, ignoringCase: Bool) -> AttributeFact {
    if documents.count == 1 {
      guard let value = documents[0].attributes[name] else { return .unknown }
      return .known(value, evidence)
    }
    var groups: [(value: AttributeValue, documents: OrdinalSet)] = []
    for (position, document) in documents.enumerated() {
      guard let value = document.attributes[name] else { continue }
      if let group = groups.firstIndex(where: {
        AttributeComparison.sameForm($0.value, value, ignoringCase: ignoringCase)
      }) {
        groups[group].documents.insert(position)
      } else {
        var documents = OrdinalSet()
        documents.insert(position)
        groups.append((value, documents))
      }
    }
    guard let first = groups.first else { return .unknown }
    if groups.count == 1 { return .known(first.value, provenance(of: first.documents)) }
    return .conflicting(groups.map { ($0.value, provenance(of: $0.documents)) })
  }
}

/// The permissions an account's lists name, each once, in order of first appearance.
private struct HeldList {
  /// Past this many names, repeats are found through a dictionary instead of a scan.
  static let scanLimit = 32

  private(set) var permissions: [AccountFacts.HeldPermission] = []
  /// The ordinals of the recognized names, and of those no list disputes.
  private(set) var known = OrdinalSet()
  private(set) var certain = OrdinalSet()
  /// Whether some undisputed name matches no catalog permission.
  private(set) var hasUnrecognized = false
  private(set) var hasDisputed = false
  private var positions: [PermissionSpelling: Int]?

  mutating func add(_ spelling: PermissionSpelling, writtenAs name: String, listedIn document: Int)
  {
    if let ordinal = spelling.ordinal, !known.contains(ordinal) {
      known.insert(ordinal)
      certain.insert(ordinal)
    } else if let position = position(of: spelling) {
      permissions[position].holders.insert(document)
      return
    }
    if spelling.ordinal == nil { hasUnrecognized = true }
    var holders = OrdinalSet()
    holders.insert(document)
    positions?[spelling] = permissions.count
    permissions.append(
      AccountFacts.HeldPermission(spelling: spelling, writtenName: name, holders: holders))
    if positions == nil, permissions.count > Self.scanLimit {
      positions = Dictionary(
        permissions.enumerated().map { ($1.spelling, $0) }, uniquingKeysWith: { first, _ in first })
    }
  }

  /// Finds, for each permission, the documents among `listing` that do not grant it;
  /// `granted` holds what each of them grants, in order.
  ///
  /// A list also grants what its permissions imply, so a document listing one member of
  /// an `implies` cycle, or a permission implying another, does not dispute a document
  /// that lists the other.
  mutating func settleDisputes(among listing: OrdinalSet, granting granted: [OrdinalSet]) {
    let lists = Array(listing)
    hasUnrecognized = false
    for position in permissions.indices {
      var nonHolders = listing.subtracting(permissions[position].holders)
      let ordinal = permissions[position].ordinal
      if let ordinal {
        for (list, document) in lists.enumerated() where granted[list].contains(ordinal) {
          nonHolders.remove(document)
        }
      }
      permissions[position].nonHolders = nonHolders
      if !nonHolders.isEmpty {
        hasDisputed = true
        if let ordinal { certain.remove(ordinal) }
      } else if ordinal == nil {
        hasUnrecognized = true
      }
    }
  }

  mutating func reserveCapacity(_ count: Int) {
    permissions.reserveCapacity(count)
  }

  private func position(of spelling: PermissionSpelling) -> Int? {
    if let positions { return positions[spelling] }
    return permissions.firstIndex { $0.spelling == spelling }
  }
}
