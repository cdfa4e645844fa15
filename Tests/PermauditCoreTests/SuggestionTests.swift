import Testing

@testable import PermauditCore

@Suite struct SuggestionTests {
  struct DistanceCase: CustomTestStringConvertible, Sendable {
    var a: String
    var b: String
    var distance: Int
    var testDescription: String { "'\(a)' to '\(b)' is \(distance)" }
  }

  static let distances: [DistanceCase] = [
    .init(a: "", b: "", distance: 0),
    .init(a: "", b: "abc", distance: 3),
    .init(a: "abc", b: "", distance: 3),
    .init(a: "same", b: "same", distance: 0),
    .init(a: "kitten", b: "sitting", distance: 3),
    .init(a: "flaw", b: "lawn", distance: 2),
    .init(a: "ab", b: "ba", distance: 1),
    .init(a: "abcd", b: "acbd", distance: 1),
    .init(a: "employees", b: "employes", distance: 1),
    .init(a: "ca", b: "abc", distance: 3),
  ]

  @Test(arguments: distances)
  func editDistanceCountsTranspositionsAsOneEdit(_ entry: DistanceCase) {
    let forward = Suggestion.editDistance(Array(entry.a), Array(entry.b))
    let backward = Suggestion.editDistance(Array(entry.b), Array(entry.a))
    #expect(forward == entry.distance)
    #expect(backward == entry.distance)
  }

  static let names = [
    "Edit Company Settings", "Manage Employees", "View Invoices and Reporting",
    "Manage All Timecards",
  ]

  struct SuggestionCase: CustomTestStringConvertible, Sendable {
    var name: String
    var word: String
    var expected: String?
    var testDescription: String { name }
  }

  static let suggestions: [SuggestionCase] = [
    .init(name: "missing letter", word: "manage employes", expected: "Manage Employees"),
    .init(
      name: "transposed letters", word: "eidt company settings", expected: "Edit Company Settings"),
    .init(
      name: "wrong letter", word: "view invoices and reportinf",
      expected: "View Invoices and Reporting"),
    .init(name: "case ignored", word: "MANAGE ALL TIMECARD", expected: "Manage All Timecards"),
    .init(name: "nothing close", word: "quantum flux capacitor", expected: nil),
    .init(name: "short word, one edit too many", word: "xyz", expected: nil),
  ]

  @Test(arguments: suggestions)
  func closestSuggestsOnlyPlausibleTypos(_ entry: SuggestionCase) {
    #expect(Suggestion.closest(to: entry.word, among: Self.names) == entry.expected)
  }

  @Test func closestAllowsAtLeastOneEditForShortWords() {
    #expect(Suggestion.closest(to: "ab", among: ["abc"]) == "abc")
    #expect(Suggestion.closest(to: "ab", among: ["xyz"]) == nil)
  }

  @Test func closestBreaksTiesByCandidateOrder() {
    #expect(Suggestion.closest(to: "cas", among: ["cat", "car"]) == "cat")
    #expect(Suggestion.closest(to: "cas", among: ["car", "cat"]) == "car")
  }

  @Test func closestOfNoCandidatesIsNil() {
    #expect(Suggestion.closest(to: "anything", among: [String]()) == nil)
  }
}
