import Foundation
import Testing

@testable import PermauditCore

@Suite struct EvidenceFreshnessTests {
  @Test func evidenceOlderThanTheMaximumAgeIsStale() throws {
    let old = Fixtures.document(collectedAt: "2026-11-20T12:00:00Z")
    let result = try Fixtures.evaluate(old)
    let finding = try expectSingleFinding(result, .staleEvidence, subject: Fixtures.accountID)
    #expect(finding.status == .warn)
    #expect(finding.evidence == [old.provenance])
    #expect(finding.actual?.contains("13 days") == true)
    #expect(finding.expected?.contains("P7D") == true)
    #expect(result.status == .compliant)
  }

  @Test func staleEvidenceFailsUnderFailOnWarn() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(collectedAt: "2026-11-20T12:00:00Z"), failOn: .warn)
    #expect(result.status == .nonCompliant)
  }

  struct AgeCase: CustomTestStringConvertible, Sendable {
    var collectedAt: String
    var isStale: Bool
    var testDescription: String { collectedAt }
  }

  static let ages: [AgeCase] = [
    .init(collectedAt: "2026-11-26T12:00:00Z", isStale: false),
    .init(collectedAt: "2026-11-26T13:00:00+01:00", isStale: false),
    .init(collectedAt: "2026-11-26T11:59:59Z", isStale: true),
    .init(collectedAt: "2026-11-26T12:59:59+01:00", isStale: true),
    .init(collectedAt: "2026-12-03T12:00:00Z", isStale: false),
  ]

  @Test(arguments: ages)
  func exactlyTheMaximumAgeIsFresh(_ entry: AgeCase) throws {
    let result = try Fixtures.evaluate(Fixtures.document(collectedAt: entry.collectedAt))
    #expect(result.findings(.staleEvidence).count == (entry.isStale ? 1 : 0))
  }

  /// One finding per account, listing every stale document: the finding's identity (kind
  /// and account) stays unique, which SARIF fingerprints and drift rely on.
  @Test func staleDocumentsAreReportedInOneFindingPerAccount() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(collectedAt: "2026-11-01T00:00:00Z"),
      Fixtures.secondDocument(),
      Fixtures.document(source: "hr-export", collectedAt: "2026-10-01T00:00:00Z", origin: "c"))
    let stale = result.findings(.staleEvidence)
    #expect(stale.count == 1)
    #expect(
      stale.first?.evidence.map(\.source) == ["attestation:it-admin@example.com", "hr-export"])
    #expect(stale.first?.actual?.contains("2026-10-01T00:00:00Z") == true)
    #expect(stale.first?.actual?.contains("2026-11-01T00:00:00Z") == true)
  }

  @Test func withoutAMaximumAgeNothingIsStale() throws {
    let result = try Fixtures.evaluate(
      Fixtures.document(collectedAt: "2020-01-01T00:00:00Z"),
      policy: Fixtures.policy(maxEvidenceAge: nil))
    expectNoFinding(result, .staleEvidence)
  }

  struct FutureCase: CustomTestStringConvertible, Sendable {
    var collectedAt: String
    var isRefused: Bool
    var testDescription: String { collectedAt }
  }

  static let futures: [FutureCase] = [
    .init(collectedAt: "2026-12-03T12:05:00Z", isRefused: false),
    .init(collectedAt: "2026-12-03T13:05:00+01:00", isRefused: false),
    .init(collectedAt: "2026-12-03T12:05:01Z", isRefused: true),
    .init(collectedAt: "2026-12-03T12:05:00.001Z", isRefused: true),
    .init(collectedAt: "2026-12-04T12:00:00Z", isRefused: true),
  ]

  @Test(arguments: futures)
  func evidenceMoreThanFiveMinutesAheadIsAnInputError(_ entry: FutureCase) throws {
    let document = Fixtures.document(collectedAt: entry.collectedAt, origin: "late.json")
    let engine = Fixtures.engine()
    let account = AccountEvidence(accountID: Fixtures.accountID, documents: [document])
    guard entry.isRefused else {
      #expect(try engine.evaluate(account).status == .compliant)
      return
    }
    let error = #expect(throws: EngineError.self) { try engine.evaluate(account) }
    #expect(
      error
        == .evidenceFromTheFuture(
          origin: "late.json", collectedAt: Timestamp.format(document.provenance.collectedAt),
          now: "2026-12-03T12:00:00Z"))
  }

  @Test func oneFutureDocumentRefusesTheWholeAccount() {
    let account = AccountEvidence(
      accountID: Fixtures.accountID,
      documents: [Fixtures.document(), Fixtures.document(collectedAt: "2027-01-01T00:00:00Z")])
    #expect(throws: EngineError.self) { try Fixtures.engine().evaluate(account) }
  }
}
