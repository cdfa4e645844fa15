/// All evidence documents about one account, in the order they were read.
public struct AccountEvidence: Sendable {
  public var accountID: String
  public var documents: [EvidenceDocument]

  public init(accountID: String, documents: [EvidenceDocument]) {
    self.accountID = accountID
    self.documents = documents
  }
}

/// Gathers evidence documents per account, keeping accounts in order of first appearance
/// so that reports are stable for the same inputs.
public struct AccountGrouper: Sendable {
  private var positions: [String: Int] = [:]
  private var accounts: [AccountEvidence] = []

  public init() {}

  /// Adds one document to its account.
  public mutating func add(_ document: EvidenceDocument) {
    if let position = positions[document.accountID] {
      accounts[position].documents.append(document)
    } else {
      positions[document.accountID] = accounts.count
      accounts.append(AccountEvidence(accountID: document.accountID, documents: [document]))
    }
  }

  /// The accounts seen so far.
  public var grouped: [AccountEvidence] { accounts }

  /// Groups `documents` by account.
  public static func group(_ documents: some Sequence<EvidenceDocument>) -> [AccountEvidence] {
    var grouper = AccountGrouper()
    for document in documents { grouper.add(document) }
    return grouper.grouped
  }
}
