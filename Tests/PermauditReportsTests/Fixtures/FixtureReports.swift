import Foundation
import PermauditCore

/// Whole reports around the fixture accounts, with a fixed clock and version.
enum FixtureReports {
  static func report(_ accounts: [AccountResult], failOn: FailOn = .fail) -> AuditReport {
    AuditReport(
      generatedAt: FixtureAccounts.date("2026-12-03T12:00:00Z"),
      tool: ToolInfo(version: "0.1.0-test"), policy: FixtureCatalog.policy,
      catalog: FixtureCatalog.catalog,
      policyFile: ReportedFile(
        path: "Policies/goprofiles-justworks.yaml", sha256: String(repeating: "9e", count: 32)),
      catalogFile: ReportedFile(
        path: "Policies/catalogs/justworks.yaml", sha256: String(repeating: "c4", count: 32)),
      failOn: failOn, accounts: accounts)
  }

  /// The compliant, drifted and hostile accounts together.
  static var all: AuditReport {
    report([FixtureAccounts.compliant(), FixtureAccounts.drifted(), FixtureAccounts.hostile()])
  }

  static var drifted: AuditReport { report([FixtureAccounts.drifted()]) }

  /// A batch larger than a terminal summary shows: one compliant account first, then 26
  /// that are non-compliant or inconclusive in turn.
  static var batch: AuditReport {
    let failing = (0..<26).map { index in
      let id = "m_\(2000 + index)"
      return index.isMultiple(of: 2)
        ? FixtureAccounts.missingOnePermission(id: id)
        : FixtureAccounts.drifted(id: id)
    }
    return report([FixtureAccounts.compliant()] + failing)
  }
}
