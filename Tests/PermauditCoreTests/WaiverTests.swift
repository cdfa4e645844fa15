import Foundation
import Testing

@testable import PermauditCore

@Suite struct WaiverTests {
  /// Holds every required permission and one excess one, Manage Company Benefits (warn),
  /// and misses Manage Employees (fail).
  static let document = Fixtures.document(
    permissions: Fixtures.requiredPermissionNames.filter { $0 != "Manage Employees" }
      + ["Manage Company Benefits"])

  static func waiver(
    account: String = Fixtures.accountID, kind: FindingKind = .missingPermission,
    subject: String = "manage_employees", expires: String = "2026-12-31T00:00:00Z"
  ) -> Waiver {
    Waiver(
      account: account, kind: kind, subject: subject, reason: "Migration until year end.",
      owner: "hr-systems@example.com", approvedBy: "security@example.com",
      expiresText: expires, expiresAt: Fixtures.date(expires), origin: "waivers.yaml:3:5")
  }

  static func evaluate(_ waivers: [Waiver], failOn: FailOn = .fail) throws -> AccountResult {
    try AuditEngine(
      policy: Fixtures.policy(), catalog: Fixtures.catalog, now: Fixtures.now, failOn: failOn,
      waivers: waivers
    ).evaluate(AccountEvidence(accountID: Fixtures.accountID, documents: [document]))
  }

  @Test func aWaivedFailNoLongerMakesTheAccountNonCompliant() throws {
    let unwaived = try Self.evaluate([])
    #expect(unwaived.status == .nonCompliant)

    let result = try Self.evaluate([Self.waiver()])
    let finding = try #require(result.findings(.missingPermission).first)
    #expect(finding.status == .waived)
    #expect(finding.waiver?.originalStatus == .fail)
    #expect(finding.waiver?.waiver.owner == "hr-systems@example.com")
    #expect(result.status == .compliant)
    #expect(result.matchedWaivers == [0])
  }

  @Test func aWildcardWaiverAppliesToEveryAccount() throws {
    let result = try Self.evaluate([Self.waiver(account: Waiver.anyAccount)])
    #expect(result.findings(.missingPermission).first?.status == .waived)
  }

  @Test func aWaiverForAnotherAccountOrSubjectOrKindNamesNothing() throws {
    let others = [
      Self.waiver(account: "m_9999"), Self.waiver(subject: "edit_company_settings"),
      Self.waiver(kind: .excessPermission),
    ]
    let result = try Self.evaluate(others)
    #expect(result.findings(.missingPermission).first?.status == .fail)
    #expect(result.status == .nonCompliant)
    #expect(result.matchedWaivers.isEmpty)
  }

  @Test func anExpiredWaiverStopsApplyingAndWarns() throws {
    // Note: Fixtures.now is 2026-12-03T12:00:00Z; the waiver ended at noon that day.
    let result = try Self.evaluate([Self.waiver(expires: "2026-12-03T12:00:00Z")])
    #expect(result.findings(.missingPermission).first?.status == .fail)
    let expired = try #require(result.findings(.expiredWaiver).first)
    #expect(expired.status == .warn)
    #expect(expired.subject == "manage_employees")
    #expect(expired.waiver?.waiver.expiresText == "2026-12-03T12:00:00Z")
    #expect(expired.remediation?.contains("waivers.yaml:3:5") == true)
    #expect(result.findings.last?.kind == .expiredWaiver)
    #expect(result.status == .nonCompliant)
    #expect(result.matchedWaivers == [0], "an expired waiver that names a finding is used")
  }

  @Test func aWaiverStillInForceOneSecondBeforeExpiryApplies() throws {
    let result = try Self.evaluate([Self.waiver(expires: "2026-12-03T12:00:01Z")])
    #expect(result.findings(.missingPermission).first?.status == .waived)
    #expect(result.findings(.expiredWaiver).isEmpty)
  }

  @Test func aWaivedWarningDoesNotFailUnderFailOnWarn() throws {
    let excess = Self.waiver(kind: .excessPermission, subject: "manage_company_benefits")
    let result = try Self.evaluate([Self.waiver(), excess], failOn: .warn)
    #expect(result.findings(.excessPermission).first?.status == .waived)
    #expect(result.status == .compliant)
    #expect(result.matchedWaivers == [0, 1])
  }

  @Test func anAccountWaiverWinsOverAWildcardOne() throws {
    var wildcard = Self.waiver(account: Waiver.anyAccount)
    wildcard.owner = "someone-else@example.com"
    let result = try Self.evaluate([wildcard, Self.waiver()])
    let finding = try #require(result.findings(.missingPermission).first)
    #expect(finding.waiver?.waiver.owner == "hr-systems@example.com")
    #expect(result.matchedWaivers == [0, 1])
  }
}
