import PermauditCore

/// Gathers streamed evidence documents into accounts, handing each account on as soon as
/// all its documents have been read.
///
/// Batches almost always list an account's documents together (or once), so the fast path
/// groups consecutive documents and remembers only a hash of each finished account. When an
/// account shows up again after others, the stream is not grouped; the pipeline then
/// restarts in indexed mode (``AccountAssembler/init(documentCounts:)``), which knows from a
/// first pass how many documents each account has.
///
/// Accounts are handed on in the order their last document is read; for grouped input that
/// is the order of first appearance.
struct AccountAssembler {
  /// An account's documents are not consecutive in a stream read in grouped mode.
  struct UngroupedInput: Error {
    var accountID: String
  }

  private let documentCounts: [Int: Int]?
  private var current: AccountEvidence?
  private var finished = Set<Int>()
  private var pending: [String: AccountEvidence] = [:]
  private var pendingOrder: [String] = []

  /// Grouped mode: an account's documents must be consecutive.
  init() {
    documentCounts = nil
  }

  /// Indexed mode: `documentCounts` maps each account id's hash value to its number of
  /// documents. Ids whose hashes collide are held until the end of input, then handed on.
  init(documentCounts: [Int: Int]) {
    self.documentCounts = documentCounts
  }

  /// Takes the next document; returns the accounts it completes.
  mutating func add(_ document: EvidenceDocument) throws(UngroupedInput) -> [AccountEvidence] {
    guard let counts = documentCounts else { return try addGrouped(document) }

    let id = document.accountID
    if counts[id.hashValue] == 1 {
      return [AccountEvidence(accountID: id, documents: [document])]
    }
    if pending[id] == nil {
      pending[id] = AccountEvidence(accountID: id, documents: [])
      pendingOrder.append(id)
    }
    pending[id]?.documents.append(document)
    guard let account = pending[id], account.documents.count == counts[id.hashValue] else {
      return []
    }
    pending[id] = nil
    return [account]
  }

  /// The accounts still open at the end of input.
  mutating func finish() -> [AccountEvidence] {
    var accounts: [AccountEvidence] = []
    if let current { accounts.append(current) }
    current = nil
    accounts += pendingOrder.compactMap { pending.removeValue(forKey: $0) }
    pendingOrder = []
    return accounts
  }

  private mutating func addGrouped(_ document: EvidenceDocument) throws(UngroupedInput)
    -> [AccountEvidence]
  {
    if current?.accountID == document.accountID {
      current?.documents.append(document)
      return []
    }
    guard !finished.contains(document.accountID.hashValue) else {
      throw UngroupedInput(accountID: document.accountID)
    }
    let completed = current
    if let completed { finished.insert(completed.accountID.hashValue) }
    current = AccountEvidence(accountID: document.accountID, documents: [document])
    return completed.map { [$0] } ?? []
  }
}
