import Foundation

/// The verdict on one account.
public struct AccountResult: Sendable {
  public var id: String
  public var status: AccountStatus
  /// Every evidence document merged for this account, in reading order.
  public var evidence: [Provenance]
  /// Findings in a stable order: policy order first, then excess, unrecognized, stale.
  public var findings: [Finding]
  public var passed: [PassedCheck]
  /// Positions in the run's waiver list of every waiver that named one of the findings.
  public var matchedWaivers: [Int]
  /// How the account changed since its previous run under the same policy, when the run
  /// keeps a history (set after evaluation; the engine leaves it `nil`).
  public var drift: AccountDrift?

  public init(
    id: String, status: AccountStatus, evidence: [Provenance], findings: [Finding],
    passed: [PassedCheck], matchedWaivers: [Int] = []
  ) {
    self.id = id
    self.status = status
    self.evidence = evidence
    self.findings = findings
    self.passed = passed
    self.matchedWaivers = matchedWaivers
  }
}

/// Counts over a run, kept as numbers so that a batch can stream.
public struct AuditSummary: Sendable, Equatable {
  public var accounts = 0
  public var compliant = 0
  public var nonCompliant = 0
  public var inconclusive = 0

  public init() {}

  public mutating func count(_ status: AccountStatus) {
    accounts += 1
    switch status {
    case .compliant: compliant += 1
    case .nonCompliant: nonCompliant += 1
    case .inconclusive: inconclusive += 1
    }
  }

  /// Whether every account passed.
  public var isAllCompliant: Bool { accounts == compliant }
}
