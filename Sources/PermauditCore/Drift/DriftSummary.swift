/// Drift over a whole run, kept as counts and a bounded sample so that a batch can
/// stream: the run's accounts are never all held at once.
public struct DriftSummary: Sendable, Equatable {
  /// Accounts that had a previous run to compare with.
  public var compared = 0
  /// Accounts audited under this policy for the first time.
  public var newAccounts = 0
  /// Accounts with a previous run and any change (status or findings).
  public var changedAccounts = 0
  /// Accounts whose status differs from their previous run's.
  public var statusChanges = 0
  public var findingsAppeared = 0
  public var findingsResolved = 0
  public var findingsChanged = 0
  /// The first accounts with any change (new ones included), in report order, at most
  /// ``sampleLimit`` of them.
  public var sample: [(id: String, drift: AccountDrift)] = []
  public let sampleLimit: Int

  public init(sampleLimit: Int = 50) {
    self.sampleLimit = sampleLimit
  }

  /// Counts one account's drift.
  public mutating func add(_ drift: AccountDrift, accountID: String) {
    if drift.isNew {
      newAccounts += 1
    } else {
      compared += 1
      if drift.hasChanges { changedAccounts += 1 }
      if drift.statusChanged { statusChanges += 1 }
    }
    findingsAppeared += drift.isNew ? 0 : drift.appeared.count
    findingsResolved += drift.resolved.count
    findingsChanged += drift.changed.count
    if drift.hasChanges, sample.count < sampleLimit {
      sample.append((accountID, drift))
    }
  }

  /// Whether anything changed since the previous runs, new accounts included.
  public var hasChanges: Bool { newAccounts > 0 || changedAccounts > 0 }

  /// Accounts with a change (new ones included) beyond the sample.
  public var unsampled: Int { newAccounts + changedAccounts - sample.count }

  public static func == (lhs: DriftSummary, rhs: DriftSummary) -> Bool {
    lhs.compared == rhs.compared && lhs.newAccounts == rhs.newAccounts
      && lhs.changedAccounts == rhs.changedAccounts && lhs.statusChanges == rhs.statusChanges
      && lhs.findingsAppeared == rhs.findingsAppeared
      && lhs.findingsResolved == rhs.findingsResolved
      && lhs.findingsChanged == rhs.findingsChanged
      && lhs.sample.map(\.id) == rhs.sample.map(\.id)
      && lhs.sample.map(\.drift) == rhs.sample.map(\.drift)
  }
}
