import Foundation

/// Applies waivers to one account's findings at the audit's time.
///
/// A live waiver turns each `fail` or `warn` finding it names into `waived`. An expired
/// waiver leaves the finding as it is and adds an `expired_waiver` warning next to the
/// others. Findings with status `info` are never waived: there is nothing to accept.
struct WaiverApplication {
  let waivers: [Waiver]
  let now: Date

  /// Applies the waivers to `findings`.
  ///
  /// - Returns: the positions in ``waivers`` of every waiver that named a finding, live
  ///   or expired, so that a run can list those that named none.
  func apply(to findings: inout [Finding], accountID: String) -> [Int] {
    guard !waivers.isEmpty else { return [] }
    var used = Set<Int>()
    var expiredNotes: [Finding] = []
    for index in findings.indices where Self.isWaivable(findings[index]) {
      let finding = findings[index]
      let named = waivers.indices.filter { waivers[$0].names(finding, accountID: accountID) }
      used.formUnion(named)
      // Note: an account-specific waiver wins over a `*` one; then the file's order.
      let ordered = named.sorted { lhs, rhs in
        let lhsAny = waivers[lhs].account == Waiver.anyAccount
        let rhsAny = waivers[rhs].account == Waiver.anyAccount
        return lhsAny == rhsAny ? lhs < rhs : !lhsAny
      }
      if let live = ordered.first(where: { !waivers[$0].isExpired(at: now) }) {
        findings[index].waiver = WaiverNote(waiver: waivers[live], originalStatus: finding.status)
        findings[index].status = .waived
      } else if let expired = ordered.first {
        expiredNotes.append(Self.expiredFinding(waivers[expired], for: finding, now: now))
      }
    }
    findings += expiredNotes
    return used.sorted()
  }

  private static func isWaivable(_ finding: Finding) -> Bool {
    (finding.status == .fail || finding.status == .warn) && finding.kind != .expiredWaiver
  }

  /// The warning that an expired waiver no longer covers `finding`.
  static func expiredFinding(_ waiver: Waiver, for finding: Finding, now: Date) -> Finding {
    Finding(
      kind: .expiredWaiver, status: .warn, severity: .medium, subject: finding.subject,
      step: finding.step,
      expected: "a waiver of \(finding.kind.rawValue) '\(finding.subject)' valid at "
        + Timestamp.format(now),
      actual: "waiver expired \(waiver.expiresText) (owner \(waiver.owner), approved by "
        + "\(waiver.approvedBy))",
      reason: "A waiver stops applying when it expires, so the \(finding.kind.rawValue) "
        + "finding counts again.",
      impact: finding.impact,
      remediation: "Fix the \(finding.kind.rawValue) finding, or renew the waiver at "
        + "\(waiver.origin) with a new expiry approved by \(waiver.approvedBy); then audit "
        + "again.",
      risk: finding.risk, evidence: finding.evidence,
      waiver: WaiverNote(waiver: waiver, originalStatus: finding.status))
  }
}
