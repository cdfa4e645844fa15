import Foundation

/// An accepted exception: a named finding that a named person approved, for a reason, until
/// a date. A matched finding gets status `waived` and carries the waiver.
public struct Waiver: Sendable, Hashable {
  /// The account id the waiver applies to, or `*` for every account.
  public var account: String
  public var kind: FindingKind
  /// The finding's subject, as reports write it (SPEC §7).
  public var subject: String
  public var reason: String
  /// Who answers for the exception.
  public var owner: String
  /// Who approved it.
  public var approvedBy: String
  /// The expiry as written in the waivers file (`2027-03-31`).
  public var expiresText: String
  /// The first instant at which the waiver no longer applies: the day after a date's end,
  /// or the exact time when the file gives one.
  public var expiresAt: Date
  /// Where the waiver is written (`waivers.yaml:12:5`), for messages and reports.
  public var origin: String

  public init(
    account: String, kind: FindingKind, subject: String, reason: String, owner: String,
    approvedBy: String, expiresText: String, expiresAt: Date, origin: String
  ) {
    self.account = account
    self.kind = kind
    self.subject = subject
    self.reason = reason
    self.owner = owner
    self.approvedBy = approvedBy
    self.expiresText = expiresText
    self.expiresAt = expiresAt
    self.origin = origin
  }

  /// The account id that stands for every account.
  public static let anyAccount = "*"

  /// Whether the waiver has stopped applying at `now`.
  public func isExpired(at now: Date) -> Bool { now >= expiresAt }

  /// Whether the waiver names `finding` of account `accountID` (whatever its expiry).
  public func names(_ finding: Finding, accountID: String) -> Bool {
    finding.kind == kind && finding.subject == subject
      && (account == Self.anyAccount || account == accountID)
  }

  /// The waiver in a few words, for messages: `excess_permission 'x' on account 'm_1'`.
  public var summary: String {
    let target = account == Self.anyAccount ? "every account" : "account '\(account)'"
    return "\(kind.rawValue) '\(subject)' on \(target)"
  }
}

/// How a waiver touched a finding.
public struct WaiverNote: Sendable, Equatable {
  public var waiver: Waiver
  /// The status the finding had before it was waived, or, for an `expired_waiver`
  /// finding, the status of the finding the expired waiver names.
  public var originalStatus: CheckStatus

  public init(waiver: Waiver, originalStatus: CheckStatus) {
    self.waiver = waiver
    self.originalStatus = originalStatus
  }
}
