/// What the history remembers of one finding: enough to tell whether it appeared,
/// persisted, changed or was resolved between two runs.
///
/// The fields are the report's words (`missing_permission`, `fail`, `high`), kept as text
/// so that a history written by another version of the tool still reads.
public struct FindingRecord: Sendable, Hashable {
  public var kind: String
  public var subject: String
  public var status: String
  public var severity: String

  public init(kind: String, subject: String, status: String, severity: String) {
    self.kind = kind
    self.subject = subject
    self.status = status
    self.severity = severity
  }

  /// The record of a finding.
  public init(_ finding: Finding) {
    self.init(
      kind: finding.kind.rawValue, subject: finding.subject, status: finding.status.rawValue,
      severity: finding.severity.rawValue)
  }

  /// What identifies a finding across runs: its kind and subject.
  public var identity: String { kind + " " + subject }
}

/// One account as one run judged it, reduced to what drift compares.
public struct AccountSnapshot: Sendable, Equatable {
  public var accountID: String
  public var status: AccountStatus
  public var findings: [FindingRecord]

  public init(accountID: String, status: AccountStatus, findings: [FindingRecord]) {
    self.accountID = accountID
    self.status = status
    self.findings = findings
  }

  /// The snapshot of an evaluated account.
  public init(_ account: AccountResult) {
    self.init(
      accountID: account.id, status: account.status,
      findings: account.findings.map(FindingRecord.init))
  }
}

/// The earlier run an account is compared with.
public struct PreviousRun: Sendable, Equatable {
  /// The run's number in the history.
  public var run: Int
  /// When that run evaluated the account (its `--now`).
  public var evaluatedAt: String
  public var snapshot: AccountSnapshot

  public init(run: Int, evaluatedAt: String, snapshot: AccountSnapshot) {
    self.run = run
    self.evaluatedAt = evaluatedAt
    self.snapshot = snapshot
  }
}
