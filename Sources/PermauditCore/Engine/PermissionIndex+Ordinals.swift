/// What a permission name as written stands for.
enum PermissionSpelling: Sendable, Hashable {
  /// A catalog permission, by ordinal.
  case known(Int)
  /// No catalog permission; the name's normalized key, under which repeats are one name.
  case unknown(String)

  var ordinal: Int? {
    if case .known(let ordinal) = self { return ordinal }
    return nil
  }
}

/// The engine's view of the index: each id is an ordinal, so that an account's permissions
/// are bits in an ``OrdinalSet`` rather than strings in a hashed set.
extension PermissionIndex {
  /// The ordinal of a catalog id (or of an id that `implies` names), if it has one.
  func ordinal(of id: String) -> Int? {
    ordinalsByID[id]
  }

  /// Adds every ordinal that holding `ordinal` grants, `ordinal` included, to `set`.
  func formClosure(of ordinal: Int, into set: inout OrdinalSet) {
    if ordinal < closureWords.count {
      set.formUnion(OrdinalSet(word: closureWords[ordinal]))
      return
    }
    for granted in closures[ordinal] { set.insert(granted) }
  }

  /// Every ordinal granted by holding the `ordinals`, them included.
  func closure(ofOrdinals ordinals: some Sequence<Int>) -> OrdinalSet {
    var result = OrdinalSet()
    for ordinal in ordinals { formClosure(of: ordinal, into: &result) }
    return result
  }

  /// Whether holding `holder` grants `ordinal` (itself, or through `implies`).
  func grants(_ holder: Int, _ ordinal: Int) -> Bool {
    if holder < closureWords.count {
      return ordinal >= 0 && ordinal < 64 && closureWords[holder] & 1 << UInt64(ordinal) != 0
    }
    let granted = closures[holder]
    // Note: closures are sorted and usually hold one to three ordinals.
    var low = 0
    var high = granted.count
    while low < high {
      let middle = (low + high) / 2
      if granted[middle] < ordinal { low = middle + 1 } else { high = middle }
    }
    return low < granted.count && granted[low] == ordinal
  }
}
