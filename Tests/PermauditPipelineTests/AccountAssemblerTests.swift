import Foundation
import PermauditCore
import Testing

@testable import PermauditPipeline

@Suite struct AccountAssemblerTests {
  private func document(_ id: String, _ source: String = "s") -> EvidenceDocument {
    EvidenceDocument(
      system: "justworks", accountID: id,
      provenance: Provenance(
        source: source, collectedAt: Date(timeIntervalSince1970: 0), origin: source,
        sha256: ""),
      permissions: [])
  }

  @Test func groupedModeHandsOnEachAccountWhenTheNextOneStarts() throws {
    var assembler = AccountAssembler()
    #expect(try assembler.add(document("a", "1")).isEmpty)
    #expect(try assembler.add(document("a", "2")).isEmpty)
    let first = try assembler.add(document("b", "3"))
    #expect(first.map(\.accountID) == ["a"])
    #expect(first.first?.documents.map(\.provenance.source) == ["1", "2"])
    #expect(assembler.finish().map(\.accountID) == ["b"])
  }

  @Test func groupedModeRefusesAnAccountThatReturnsAfterOthers() throws {
    var assembler = AccountAssembler()
    _ = try assembler.add(document("a"))
    _ = try assembler.add(document("b"))
    #expect(throws: AccountAssembler.UngroupedInput.self) {
      try assembler.add(document("a"))
    }
  }

  @Test func indexedModeCompletesAnAccountAtItsLastDocument() throws {
    let counts = ["a": 2, "b": 1].reduce(into: [Int: Int]()) { $0[$1.key.hashValue] = $1.value }
    var assembler = AccountAssembler(documentCounts: counts)
    #expect(try assembler.add(document("a", "1")).isEmpty)
    #expect(try assembler.add(document("b", "2")).map(\.accountID) == ["b"])
    let completed = try assembler.add(document("a", "3"))
    #expect(completed.map(\.accountID) == ["a"])
    #expect(completed.first?.documents.map(\.provenance.source) == ["1", "3"])
    #expect(assembler.finish().isEmpty)
  }

  @Test func indexedModeHandsOnAccountsWhoseCountsCollideAtTheEnd() throws {
    // Two ids sharing one count entry: neither reaches it, both come out at the end.
    var assembler = AccountAssembler(documentCounts: ["a".hashValue: 3, "b".hashValue: 3])
    #expect(try assembler.add(document("a")).isEmpty)
    #expect(try assembler.add(document("b")).isEmpty)
    #expect(assembler.finish().map(\.accountID) == ["a", "b"])
  }
}

@Suite struct ParallelMapTests {
  @Test(arguments: [1, 2, 3, 8, 64])
  func keepsTheOrderWhateverTheNumberOfJobs(jobs: Int) {
    let input = Array(0..<1_000)
    #expect(parallelMap(input, jobs: jobs) { $0 * 3 } == input.map { $0 * 3 })
  }

  @Test func handlesEmptyAndSingleInputs() {
    #expect(parallelMap([Int](), jobs: 4) { $0 }.isEmpty)
    #expect(parallelMap([7], jobs: 4) { $0 + 1 } == [8])
  }
}
