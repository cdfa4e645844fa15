import Foundation

/// Evaluates accounts against one policy. Pure: it reads no files, asks no clock, and the
/// same inputs always give the same result.
public struct AuditEngine: Sendable {
  public let policy: Policy
  public let index: PermissionIndex
  /// Parameter values from the command line; they apply to every account and win.
  public let parameters: [String: String]
  /// The time the audit is evaluated at.
  public let now: Date
  public let failOn: FailOn
  /// Accepted exceptions, applied to every account's findings at ``now``.
  public let waivers: [Waiver]
  /// The requirements, worked out once for every account.
  let plan: EvaluationPlan

  /// Evidence may be dated this far after `now` (clock skew between machines).
  public static let allowedClockSkew: TimeInterval = 5 * 60

  public init(
    policy: Policy, catalog: Catalog, parameters: [String: String] = [:], now: Date,
    failOn: FailOn = .fail, waivers: [Waiver] = []
  ) {
    self.policy = policy
    self.index = PermissionIndex(catalog: catalog)
    self.plan = EvaluationPlan(policy: policy, index: index, parameters: parameters)
    self.parameters = parameters
    self.now = now
    self.failOn = failOn
    self.waivers = waivers
  }

  /// The verdict on one account.
  ///
  /// - Throws: ``EngineError`` when the inputs cannot be judged (a required parameter
  ///   without a value, evidence from the future); nothing is judged then.
  public func evaluate(_ account: AccountEvidence) throws(EngineError) -> AccountResult {
    try checkClock(of: account)
    let facts = AccountFacts(account, index: index)
    let resolved = try ResolvedParameters(
      plan: plan.parameters, documents: account.documents, accountID: account.accountID)

    var outcome = CheckOutcome()
    outcome.passed.reserveCapacity(plan.attributes.count + plan.permissions.count)
    AttributeChecks(plan: plan, facts: facts, parameters: resolved).run(into: &outcome)
    PermissionChecks(plan: plan, facts: facts).run(into: &outcome)
    EvidenceFreshness(policy: policy, now: now, accountID: account.accountID)
      .check(facts.evidence, into: &outcome)

    let matched = WaiverApplication(waivers: waivers, now: now)
      .apply(to: &outcome.findings, accountID: account.accountID)

    return AccountResult(
      id: account.accountID, status: status(of: outcome.findings),
      evidence: facts.evidence, findings: outcome.findings, passed: outcome.passed,
      matchedWaivers: matched)
  }

  /// The account status that `findings` lead to under ``failOn``.
  public func status(of findings: [Finding]) -> AccountStatus {
    var isFailing = false
    var isWarned = false
    for finding in findings {
      switch finding.status {
      case .fail:
        if finding.kind == .missingEvidence || finding.kind == .conflictingEvidence {
          return .inconclusive
        }
        isFailing = true
      case .warn: isWarned = true
      default: break
      }
    }
    if isFailing || (failOn == .warn && isWarned) { return .nonCompliant }
    return .compliant
  }

  private func checkClock(of account: AccountEvidence) throws(EngineError) {
    for document in account.documents
    where document.provenance.collectedAt.timeIntervalSince(now) > Self.allowedClockSkew {
      throw .evidenceFromTheFuture(
        origin: document.provenance.origin,
        collectedAt: Timestamp.format(document.provenance.collectedAt),
        now: Timestamp.format(now))
    }
  }
}

/// Findings and passed checks as the checks produce them, in order.
struct CheckOutcome {
  var findings: [Finding] = []
  var passed: [PassedCheck] = []
}
