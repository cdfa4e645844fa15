/// A set of small non-negative integers, such as permission ordinals or the positions of an
/// account's documents, kept as bits.
///
/// The first 64 members live in one word, so the sets of a usual catalog or account never
/// allocate; larger members go to further words, so any catalog or account size works.
struct OrdinalSet: Sendable, Sequence {
  /// Members 0 to 63.
  private var low: UInt64 = 0
  /// Members from 64 on, 64 to a word; may end in zero words.
  private var high: [UInt64] = []

  init() {}

  /// The members below 64 whose bits are set in `word`.
  init(word: UInt64) {
    low = word
  }

  /// The members `0..<count`.
  init(upTo count: Int) {
    guard count > 0 else { return }
    low = count >= 64 ? .max : (1 << UInt64(count)) - 1
    guard count > 64 else { return }
    let full = (count - 64) / 64
    let rest = (count - 64) % 64
    high = Array(repeating: .max, count: full)
    if rest > 0 { high.append((1 << UInt64(rest)) - 1) }
  }

  var isEmpty: Bool { low == 0 && high.allSatisfy { $0 == 0 } }

  var count: Int { high.reduce(low.nonzeroBitCount) { $0 + $1.nonzeroBitCount } }

  var underestimatedCount: Int { count }

  func contains(_ member: Int) -> Bool {
    if member < 64 { return member >= 0 && low & (1 << UInt64(member)) != 0 }
    let word = member / 64 - 1
    return word < high.count && high[word] & (1 << UInt64(member % 64)) != 0
  }

  mutating func insert(_ member: Int) {
    precondition(member >= 0, "an ordinal set holds no negative numbers")
    if member < 64 {
      low |= 1 << UInt64(member)
      return
    }
    let word = member / 64 - 1
    if word >= high.count {
      high.append(contentsOf: repeatElement(0, count: word - high.count + 1))
    }
    high[word] |= 1 << UInt64(member % 64)
  }

  mutating func remove(_ member: Int) {
    if member < 64 {
      if member >= 0 { low &= ~(1 << UInt64(member)) }
      return
    }
    let word = member / 64 - 1
    if word < high.count { high[word] &= ~(1 << UInt64(member % 64)) }
  }

  mutating func formUnion(_ other: OrdinalSet) {
    low |= other.low
    guard !other.high.isEmpty else { return }
    if high.count < other.high.count {
      high.append(contentsOf: repeatElement(0, count: other.high.count - high.count))
    }
    for word in other.high.indices { high[word] |= other.high[word] }
  }

  /// The members not in `other`.
  func subtracting(_ other: OrdinalSet) -> OrdinalSet {
    var result = self
    result.low &= ~other.low
    for word in result.high.indices where word < other.high.count {
      result.high[word] &= ~other.high[word]
    }
    return result
  }

  func makeIterator() -> Iterator {
    Iterator(low: low, high: high)
  }

  /// The members in increasing order.
  struct Iterator: IteratorProtocol {
    private var current: UInt64
    private var base = 0
    private let high: [UInt64]
    private var nextWord = 0

    fileprivate init(low: UInt64, high: [UInt64]) {
      current = low
      self.high = high
    }

    mutating func next() -> Int? {
      while current == 0 {
        guard nextWord < high.count else { return nil }
        current = high[nextWord]
        nextWord += 1
        base = nextWord * 64
      }
      let bit = current.trailingZeroBitCount
      current &= current - 1
      return base + bit
    }
  }
}

extension OrdinalSet: Equatable {
  /// Sets are equal when they have the same members, whatever zero words they carry.
  static func == (lhs: OrdinalSet, rhs: OrdinalSet) -> Bool {
    guard lhs.low == rhs.low else { return false }
    let common = Swift.min(lhs.high.count, rhs.high.count)
    for word in 0..<common where lhs.high[word] != rhs.high[word] { return false }
    return lhs.high[common...].allSatisfy { $0 == 0 } && rhs.high[common...].allSatisfy { $0 == 0 }
  }
}
