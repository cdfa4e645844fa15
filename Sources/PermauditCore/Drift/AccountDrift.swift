/// How one account changed since its previous run under the same policy.
public struct AccountDrift: Sendable, Equatable {
  /// A finding present in both runs whose status or severity changed.
  public struct Change: Sendable, Equatable {
    public var before: FindingRecord
    public var after: FindingRecord

    public init(before: FindingRecord, after: FindingRecord) {
      self.before = before
      self.after = after
    }
  }

  /// The run compared with, or `nil` when the account was never audited before.
  public var previousRun: Int?
  /// When the previous run evaluated the account.
  public var previousEvaluatedAt: String?
  public var previousStatus: AccountStatus?
  public var status: AccountStatus
  /// Findings this run has and the previous did not.
  public var appeared: [FindingRecord]
  /// Findings the previous run had and this one does not.
  public var resolved: [FindingRecord]
  /// Findings in both runs with another status or severity.
  public var changed: [Change]

  public init(
    previousRun: Int?, previousEvaluatedAt: String?, previousStatus: AccountStatus?,
    status: AccountStatus, appeared: [FindingRecord], resolved: [FindingRecord],
    changed: [Change]
  ) {
    self.previousRun = previousRun
    self.previousEvaluatedAt = previousEvaluatedAt
    self.previousStatus = previousStatus
    self.status = status
    self.appeared = appeared
    self.resolved = resolved
    self.changed = changed
  }

  /// Whether the account was never audited under this policy before.
  public var isNew: Bool { previousRun == nil }

  /// Whether the account's status differs from its previous run's.
  public var statusChanged: Bool { previousStatus != nil && previousStatus != status }

  /// Whether anything changed: a new account, a status change, or any finding that
  /// appeared, was resolved or changed.
  public var hasChanges: Bool {
    isNew || statusChanged || !appeared.isEmpty || !resolved.isEmpty || !changed.isEmpty
  }
}

/// Drift between runs: a pure comparison of two snapshots of one account.
public enum Drift {
  /// Compares `current` with the account's previous run.
  ///
  /// Findings are matched by kind and subject, in order, so a subject named twice is
  /// matched pair by pair. The output lists findings in `current`'s order (appeared,
  /// changed) and `previous`'s order (resolved), so it is deterministic.
  public static func compare(_ current: AccountSnapshot, with previous: PreviousRun?)
    -> AccountDrift
  {
    guard let previous else {
      return AccountDrift(
        previousRun: nil, previousEvaluatedAt: nil, previousStatus: nil,
        status: current.status, appeared: current.findings, resolved: [], changed: [])
    }
    var unmatched: [String: [Int]] = [:]
    for (index, finding) in previous.snapshot.findings.enumerated() {
      unmatched[finding.identity, default: []].append(index)
    }
    var appeared: [FindingRecord] = []
    var changed: [AccountDrift.Change] = []
    for finding in current.findings {
      guard var indices = unmatched[finding.identity], !indices.isEmpty else {
        appeared.append(finding)
        continue
      }
      let before = previous.snapshot.findings[indices.removeFirst()]
      unmatched[finding.identity] = indices
      if before != finding { changed.append(.init(before: before, after: finding)) }
    }
    let left = Set(unmatched.values.joined())
    let resolved = previous.snapshot.findings.indices.filter(left.contains).map {
      previous.snapshot.findings[$0]
    }
    return AccountDrift(
      previousRun: previous.run, previousEvaluatedAt: previous.evaluatedAt,
      previousStatus: previous.snapshot.status, status: current.status, appeared: appeared,
      resolved: resolved, changed: changed)
  }
}
