/// Matches permission names as written in evidence to catalog ids, and follows `implies`.
///
/// Built once per catalog; lookups are dictionary reads on the normalized key, so a batch
/// of many accounts pays for normalization of each held name and nothing more. The engine
/// works on ordinals: small integers that stand for ids (see `PermissionIndex+Ordinals`).
public final class PermissionIndex: Sendable {
  public let catalog: Catalog
  private let idsByKey: [String: String]
  private let definitionsByID: [String: PermissionDefinition]
  private let impliedByID: [String: Set<String>]
  private let catalogOrder: [String: Int]
  /// Each ordinal's id: the catalog's ids in catalog order, then ids only `implies` names.
  let ids: [String]
  let ordinalsByID: [String: Int]
  /// For each ordinal, the ordinals holding it grants, itself included, in increasing order.
  let closures: [[Int]]
  /// The same as bits, when every ordinal fits in one word (a catalog of up to 64); empty
  /// otherwise, since larger catalogs would need a word per 64 ordinals for each ordinal.
  let closureWords: [UInt64]
  /// Batches repeat the same few spellings; normalizing each once saves most of the work.
  private let recentSpellings = Memo<PermissionSpelling>()
  private let recentSuggestions = Memo<String?>()

  /// Indexes `catalog`. Every id, name and alias is a spelling; when two permissions share
  /// a spelling, the first in catalog order keeps it (catalog validation reports this).
  public init(catalog: Catalog) {
    self.catalog = catalog
    var idsByKey: [String: String] = [:]
    var definitionsByID: [String: PermissionDefinition] = [:]
    var catalogOrder: [String: Int] = [:]
    for (position, permission) in catalog.permissions.enumerated() {
      definitionsByID[permission.id] = permission
      catalogOrder[permission.id] = position
      for spelling in [permission.id, permission.name] + permission.aliases {
        let key = TextNormalization.permissionKey(spelling)
        if idsByKey[key] == nil { idsByKey[key] = permission.id }
      }
    }
    self.idsByKey = idsByKey
    self.definitionsByID = definitionsByID
    self.catalogOrder = catalogOrder
    let impliedByID = Self.transitiveImplications(of: catalog.permissions)
    self.impliedByID = impliedByID

    let ids = (catalog.permissions.map(\.id) + catalog.permissions.flatMap(\.implies)).uniqued()
    let ordinalsByID = Dictionary(
      ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    self.ids = ids
    self.ordinalsByID = ordinalsByID
    let closures = ids.enumerated().map { ordinal, id in
      ([ordinal] + (impliedByID[id] ?? []).compactMap { ordinalsByID[$0] }).uniqued().sorted()
    }
    self.closures = closures
    closureWords =
      ids.count <= 64
      ? closures.map { $0.reduce(UInt64(0)) { word, ordinal in word | 1 << UInt64(ordinal) } }
      : []
  }

  /// The catalog id a name as written stands for, if any.
  public func id(forName name: String) -> String? {
    spelling(of: name).ordinal.map { ids[$0] }
  }

  /// What a name as written stands for: a permission's ordinal, or the key of an unknown name.
  func spelling(of name: String) -> PermissionSpelling {
    recentSpellings.value(for: name) { name in
      let key = TextNormalization.permissionKey(name)
      guard let id = idsByKey[key], let ordinal = ordinalsByID[id] else { return .unknown(key) }
      return .known(ordinal)
    }
  }

  /// The permission with this id.
  public func definition(for id: String) -> PermissionDefinition? {
    definitionsByID[id]
  }

  /// The position of an id in the catalog, for stable ordering.
  public func catalogPosition(of id: String) -> Int {
    catalogOrder[id] ?? Int.max
  }

  /// Every id granted by holding `ids`, the ids themselves included.
  public func closure(of ids: some Sequence<String>) -> Set<String> {
    var result = Set<String>()
    for id in ids {
      result.insert(id)
      result.formUnion(impliedByID[id] ?? [])
    }
    return result
  }

  /// The known permission name closest to a name that matched nothing.
  public func suggestion(for name: String) -> String? {
    recentSuggestions.value(for: name) {
      Suggestion.closest(
        to: TextNormalization.permissionKey($0), among: catalog.permissions.map(\.name))
    }
  }

  /// For each permission, every id reachable through `implies`, itself excluded unless a
  /// cycle leads back to it. Cycles are allowed: their members are equivalent.
  static func transitiveImplications(of permissions: [PermissionDefinition])
    -> [String: Set<String>]
  {
    let direct = Dictionary(
      permissions.map { ($0.id, $0.implies) }, uniquingKeysWith: { first, _ in first })
    var result: [String: Set<String>] = [:]
    for permission in permissions {
      var reached = Set<String>()
      var pending = direct[permission.id] ?? []
      while let next = pending.popLast() {
        guard reached.insert(next).inserted else { continue }
        pending.append(contentsOf: direct[next] ?? [])
      }
      result[permission.id] = reached
    }
    return result
  }

  /// The groups of permissions that imply each other through a cycle in `implies`, each
  /// group in catalog order, for `policy lint` to warn about.
  public func impliesCycles() -> [[String]] {
    var groups: [[String]] = []
    var grouped = Set<String>()
    for permission in catalog.permissions where !grouped.contains(permission.id) {
      let reached = impliedByID[permission.id] ?? []
      guard reached.contains(permission.id) else { continue }
      let group = catalog.permissions.map(\.id).filter {
        reached.contains($0) && impliedByID[$0]?.contains(permission.id) == true
      }
      grouped.formUnion(group)
      groups.append(group)
    }
    return groups
  }
}
