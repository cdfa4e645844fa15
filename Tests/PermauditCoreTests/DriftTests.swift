import Testing

@testable import PermauditCore

/// Drift between runs, as a pure comparison of snapshots.
@Suite struct DriftTests {
  static let missing = FindingRecord(
    kind: "missing_permission", subject: "edit_company_settings", status: "fail",
    severity: "high")
  static let excess = FindingRecord(
    kind: "excess_permission", subject: "manage_company_benefits", status: "warn",
    severity: "medium")

  static func snapshot(_ status: AccountStatus, _ findings: [FindingRecord]) -> AccountSnapshot {
    AccountSnapshot(accountID: "m_1", status: status, findings: findings)
  }

  static func previous(_ run: Int, _ snapshot: AccountSnapshot) -> PreviousRun {
    PreviousRun(run: run, evaluatedAt: "2026-12-0\(run)T00:00:00Z", snapshot: snapshot)
  }

  @Test func aFirstAuditIsNewAndListsEveryFindingAsAppeared() {
    let drift = Drift.compare(Self.snapshot(.compliant, [Self.excess]), with: nil)
    #expect(drift.isNew)
    #expect(drift.hasChanges)
    #expect(!drift.statusChanged)
    #expect(drift.appeared == [Self.excess])
    #expect(drift.previousRun == nil)
  }

  @Test func findingsAppearPersistAndResolveAcrossThreeRuns() {
    let run1 = Self.snapshot(.compliant, [Self.excess])
    let run2 = Self.snapshot(.nonCompliant, [Self.missing, Self.excess])
    let run3 = Self.snapshot(.compliant, [])

    let second = Drift.compare(run2, with: Self.previous(1, run1))
    #expect(second.appeared == [Self.missing])
    #expect(second.resolved.isEmpty)
    #expect(second.changed.isEmpty)
    #expect(second.statusChanged)
    #expect(second.previousStatus == .compliant)
    #expect(second.previousRun == 1)

    let persisting = Drift.compare(run2, with: Self.previous(2, run2))
    #expect(!persisting.hasChanges)

    let third = Drift.compare(run3, with: Self.previous(2, run2))
    #expect(third.appeared.isEmpty)
    #expect(third.resolved == [Self.missing, Self.excess])
    #expect(third.statusChanged)
    #expect(third.status == .compliant)
  }

  @Test func aFindingWhoseStatusChangesIsChangedNotAppearedAndResolved() {
    var failing = Self.excess
    failing.status = "fail"
    let drift = Drift.compare(
      Self.snapshot(.nonCompliant, [failing]),
      with: Self.previous(1, Self.snapshot(.compliant, [Self.excess])))
    #expect(drift.appeared.isEmpty)
    #expect(drift.resolved.isEmpty)
    #expect(drift.changed == [AccountDrift.Change(before: Self.excess, after: failing)])
  }

  @Test func aSubjectNamedTwiceIsMatchedPairByPair() {
    let conflict = FindingRecord(
      kind: "conflicting_evidence", subject: "title", status: "fail", severity: "high")
    let drift = Drift.compare(
      Self.snapshot(.inconclusive, [conflict, conflict]),
      with: Self.previous(1, Self.snapshot(.inconclusive, [conflict])))
    #expect(drift.appeared == [conflict])
    #expect(drift.resolved.isEmpty)
  }

  @Test func theSummaryCountsChangesAndKeepsABoundedSample() {
    var summary = DriftSummary(sampleLimit: 2)
    let unchanged = Drift.compare(
      Self.snapshot(.compliant, []), with: Self.previous(1, Self.snapshot(.compliant, [])))
    let changed = Drift.compare(
      Self.snapshot(.nonCompliant, [Self.missing]),
      with: Self.previous(1, Self.snapshot(.compliant, [])))
    let new = Drift.compare(Self.snapshot(.compliant, [Self.excess]), with: nil)
    summary.add(unchanged, accountID: "a")
    for id in ["b", "c", "d"] { summary.add(changed, accountID: id) }
    summary.add(new, accountID: "e")

    #expect(summary.compared == 4)
    #expect(summary.changedAccounts == 3)
    #expect(summary.statusChanges == 3)
    #expect(summary.newAccounts == 1)
    #expect(summary.findingsAppeared == 3, "a new account's findings are not counted")
    #expect(summary.sample.map(\.id) == ["b", "c"])
    #expect(summary.unsampled == 2)
    #expect(summary.hasChanges)
  }
}
