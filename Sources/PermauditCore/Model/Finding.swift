/// What a finding is about.
public enum FindingKind: String, Sendable, CaseIterable, Codable {
  case missingPermission = "missing_permission"
  case excessPermission = "excess_permission"
  case attributeMismatch = "attribute_mismatch"
  case unrecognizedPermission = "unrecognized_permission"
  case missingEvidence = "missing_evidence"
  case staleEvidence = "stale_evidence"
  case conflictingEvidence = "conflicting_evidence"
  case justifiedOvergrant = "justified_overgrant"
  /// A waiver names the finding but has expired, so the finding counts again (warn).
  case expiredWaiver = "expired_waiver"
}

/// One non-passing result of a check, with everything a reader needs to act on it.
public struct Finding: Sendable, Equatable {
  public var kind: FindingKind
  public var status: CheckStatus
  public var severity: Severity
  /// The catalog id, attribute name, permission name as written, or account id (SPEC §7).
  public var subject: String
  /// The policy step the requirement belongs to, if any.
  public var step: String?
  public var expected: String?
  public var actual: String?
  /// The documented reason for the requirement.
  public var reason: String?
  /// What stops working.
  public var impact: String?
  /// How to fix it, as exact as the catalog allows.
  public var remediation: String?
  /// The permission's risk, for permission findings.
  public var risk: Risk?
  /// The closest known name, for an unrecognized permission.
  public var suggestion: String?
  /// The evidence the finding rests on.
  public var evidence: [Provenance]
  /// The waiver that waived this finding, or for `expired_waiver` the one that expired.
  public var waiver: WaiverNote?

  public init(
    kind: FindingKind, status: CheckStatus, severity: Severity, subject: String,
    step: String? = nil, expected: String? = nil, actual: String? = nil,
    reason: String? = nil, impact: String? = nil, remediation: String? = nil,
    risk: Risk? = nil, suggestion: String? = nil, evidence: [Provenance] = [],
    waiver: WaiverNote? = nil
  ) {
    self.kind = kind
    self.status = status
    self.severity = severity
    self.subject = subject
    self.step = step
    self.expected = expected
    self.actual = actual
    self.reason = reason
    self.impact = impact
    self.remediation = remediation
    self.risk = risk
    self.suggestion = suggestion
    self.evidence = evidence
    self.waiver = waiver
  }
}

/// A requirement that held.
public struct PassedCheck: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable {
    case permission, attribute
  }

  public var kind: Kind
  public var subject: String
  public var step: String
  /// What was required, in words ("held", "'Service Account'", "any value").
  public var expected: String
  /// What the evidence shows.
  public var actual: String
  public var evidence: [Provenance]

  public init(
    kind: Kind, subject: String, step: String, expected: String, actual: String,
    evidence: [Provenance]
  ) {
    self.kind = kind
    self.subject = subject
    self.step = step
    self.expected = expected
    self.actual = actual
    self.evidence = evidence
  }
}
