/// The containers a ``JSONWriter`` has open, and for each whether it has an item yet (so
/// the next one needs a comma): one bit a level, innermost lowest.
struct JSONLevels {
  private var hasItems: UInt64 = 0
  private var openCount = 0
  /// The bits of levels more than 64 out, innermost last.
  private var outer: [Bool] = []

  mutating func open() {
    if openCount >= 64 { outer.append(hasItems >> 63 != 0) }
    hasItems <<= 1
    openCount += 1
  }

  /// Closes the innermost level; whether it had items.
  mutating func close() -> Bool {
    guard openCount > 0 else { return false }
    let hadItems = hasItems & 1 != 0
    hasItems >>= 1
    openCount -= 1
    if openCount >= 64, outer.popLast() == true { hasItems |= 1 << 63 }
    return hadItems
  }

  /// Counts an item in the innermost level: whether it is the first, or `nil` at the top
  /// level, outside any container.
  mutating func addItem() -> Bool? {
    guard openCount > 0 else { return nil }
    defer { hasItems |= 1 }
    return hasItems & 1 == 0
  }
}
