import Testing

@testable import PermauditCore

@Suite struct OrdinalSetTests {
  /// Members on both sides of each word boundary, so that the inline word and the further
  /// words are both used.
  static let members = [0, 1, 63, 64, 65, 127, 128, 200, 1_000]

  @Test func holdsMembersBeyondTheFirstWord() {
    var set = OrdinalSet()
    for member in Self.members { set.insert(member) }
    for member in Self.members { #expect(set.contains(member)) }
    for other in [2, 62, 66, 126, 129, 999, 1_001, 5_000, -1] { #expect(!set.contains(other)) }
    #expect(set.count == Self.members.count)
  }

  @Test func iteratesInIncreasingOrder() {
    var set = OrdinalSet()
    for member in Self.members.reversed() { set.insert(member) }
    #expect(Array(set) == Self.members)
    #expect(Array(OrdinalSet()).isEmpty)
  }

  @Test func removesMembersAndBecomesEmpty() {
    var set = OrdinalSet()
    for member in Self.members { set.insert(member) }
    for member in Self.members {
      set.remove(member)
      #expect(!set.contains(member))
    }
    set.remove(5_000)
    #expect(set.isEmpty)
    #expect(set == OrdinalSet())
  }

  @Test func equalityIgnoresWordsLeftEmpty() {
    var grown = OrdinalSet()
    grown.insert(3)
    grown.insert(300)
    grown.remove(300)
    var small = OrdinalSet()
    small.insert(3)
    #expect(grown == small)
    #expect(small == grown)

    small.insert(70)
    #expect(grown != small)
  }

  @Test(arguments: [0, 1, 63, 64, 65, 128, 130])
  func rangeHoldsExactlyTheNumbersBelowItsCount(_ count: Int) {
    let set = OrdinalSet(upTo: count)
    #expect(Array(set) == Array(0..<count))
    #expect(set.count == count)
    #expect(!set.contains(count))
  }

  @Test func unionAndDifferenceSpanWords() {
    var left = OrdinalSet()
    for member in [1, 64, 130] { left.insert(member) }
    var right = OrdinalSet()
    for member in [2, 64, 300] { right.insert(member) }

    var union = left
    union.formUnion(right)
    #expect(Array(union) == [1, 2, 64, 130, 300])
    #expect(Array(union.subtracting(right)) == [1, 130])
    #expect(Array(right.subtracting(left)) == [2, 300])
    #expect(left.subtracting(left).isEmpty)
  }

  @Test func wordHoldsTheMembersOfItsBits() {
    #expect(Array(OrdinalSet(word: 0b1010_0001)) == [0, 5, 7])
    #expect(Array(OrdinalSet(word: 1 << 63)) == [63])
  }
}
