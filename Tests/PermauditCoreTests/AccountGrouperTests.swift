import Testing

@testable import PermauditCore

@Suite struct AccountGrouperTests {
  @Test func keepsAccountsInOrderOfFirstAppearance() {
    let documents = ["b", "a", "b", "c", "a", "b"].enumerated().map { position, account in
      Fixtures.document(account: account, origin: "batch.jsonl:\(position + 1)")
    }
    let grouped = AccountGrouper.group(documents)
    #expect(grouped.map(\.accountID) == ["b", "a", "c"])
    #expect(
      grouped.map { $0.documents.map(\.provenance.origin) } == [
        ["batch.jsonl:1", "batch.jsonl:3", "batch.jsonl:6"],
        ["batch.jsonl:2", "batch.jsonl:5"],
        ["batch.jsonl:4"],
      ])
  }

  @Test func addingOneByOneEqualsGroupingAtOnce() {
    let documents = ["x", "y", "x"].map { Fixtures.document(account: $0) }
    var grouper = AccountGrouper()
    for document in documents { grouper.add(document) }
    #expect(grouper.grouped.map(\.accountID) == ["x", "y"])
    #expect(grouper.grouped.map(\.documents.count) == [2, 1])
  }

  @Test func accountIdsAreComparedExactly() {
    let grouped = AccountGrouper.group(
      ["m_1", "M_1", "m_1 ", "007", "7"].map { Fixtures.document(account: $0) })
    #expect(grouped.map(\.accountID) == ["m_1", "M_1", "m_1 ", "007", "7"])
  }

  @Test func noDocumentsGiveNoAccounts() {
    #expect(AccountGrouper.group([EvidenceDocument]()).isEmpty)
  }
}
