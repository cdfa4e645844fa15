import Foundation
import PermauditCore

/// Waivers for the report fixtures: one in force that waives an excess permission, one
/// that expired, and one that names nothing; the hostile one is written to break reports.
enum FixtureWaivers {
  static func waiver(
    _ kind: FindingKind, _ subject: String, account: String = "m_1001",
    expires: String = "2027-03-31", line: Int
  ) -> Waiver {
    Waiver(
      account: account, kind: kind, subject: subject,
      reason: "Needed for the payroll migration; review with the vendor.",
      owner: "hr-systems@contoso.example", approvedBy: "security@contoso.example",
      expiresText: expires,
      expiresAt: FixtureAccounts.date(expires.count == 10 ? expires + "T00:00:00Z" : expires)
        .addingTimeInterval(expires.count == 10 ? 86_400 : 0),
      origin: "waivers.yaml:\(line):5")
  }

  static let inForce = waiver(.excessPermission, "edit_employee_permissions", line: 3)
  static let expired = waiver(
    .excessPermission, "manage_company_benefits", expires: "2026-11-30", line: 10)
  static let unused = waiver(.missingPermission, "manage_all_timecards", account: "*", line: 17)

  static let hostile = Waiver(
    account: "*", kind: .unrecognizedPermission,
    subject: "`rm -rf /` <img src=x onerror=alert(1)> *bold* _it_ \\| ~~s~~",
    reason: "=HYPERLINK(\"http://evil.example\",\"click\") <script>alert('w')</script> Zoë",
    owner: "+cmd|' /C calc'!A0", approvedBy: "@SUM(1+1) \"quoted\" 名前",
    expiresText: "2027-03-31", expiresAt: FixtureAccounts.date("2027-04-01T00:00:00Z"),
    origin: "-evil.yaml:1:1")

  /// The drifted account with the in-force and expired waivers applied as the engine does.
  static func driftedWithWaivers() -> AccountResult {
    var account = FixtureAccounts.drifted()
    for index in account.findings.indices {
      let finding = account.findings[index]
      if inForce.names(finding, accountID: account.id) {
        account.findings[index].waiver = WaiverNote(waiver: inForce, originalStatus: .warn)
        account.findings[index].status = .waived
      }
    }
    if let benefits = account.findings.first(where: { expired.names($0, accountID: account.id) }) {
      var note = benefits
      note.kind = .expiredWaiver
      note.status = .warn
      note.severity = .medium
      note.expected =
        "a waiver of excess_permission 'manage_company_benefits' valid at "
        + "2026-12-03T12:00:00Z"
      note.actual =
        "waiver expired 2026-11-30 (owner hr-systems@contoso.example, approved by "
        + "security@contoso.example)"
      note.remediation =
        "Fix the excess_permission finding, or renew the waiver at "
        + "waivers.yaml:10:5 with a new expiry approved by security@contoso.example; then "
        + "audit again."
      note.waiver = WaiverNote(waiver: expired, originalStatus: .warn)
      account.findings.append(note)
    }
    account.matchedWaivers = [0, 1]
    return account
  }

  /// The hostile account with its unrecognized permission waived by the hostile waiver.
  static func hostileWithWaiver() -> AccountResult {
    var account = FixtureAccounts.hostile()
    for index in account.findings.indices
    where account.findings[index].kind
      == .unrecognizedPermission
    {
      account.findings[index].waiver = WaiverNote(waiver: hostile, originalStatus: .warn)
      account.findings[index].status = .waived
    }
    account.matchedWaivers = [3]
    return account
  }
}

extension FixtureReports {
  /// Every fixture account, with waivers in force, expired, unused and hostile.
  static var withWaivers: AuditReport {
    var report = report([
      FixtureAccounts.compliant(), FixtureWaivers.driftedWithWaivers(),
      FixtureWaivers.hostileWithWaiver(),
    ])
    report.waivers = WaiverSet(
      file: ReportedFile(path: "waivers.yaml", sha256: String(repeating: "5a", count: 32)),
      waivers: [
        FixtureWaivers.inForce, FixtureWaivers.expired, FixtureWaivers.unused,
        FixtureWaivers.hostile,
      ],
      unused: [2])
    return report
  }
}
