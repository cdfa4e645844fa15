/// Checks what an account holds against the policy's required permissions, and reports
/// what it holds beyond them.
struct PermissionChecks {
  let plan: EvaluationPlan
  let facts: AccountFacts

  private var policy: Policy { plan.policy }
  private var index: PermissionIndex { plan.index }

  func run(into outcome: inout CheckOutcome) {
    guard let lists = facts.permissionLists else {
      reportUnknownPermissions(into: &outcome)
      return
    }

    let certain = facts.heldPermissions.filter { !$0.isConflicting }
    let disputed = facts.heldPermissions.filter(\.isConflicting)
    let grantedForSure = index.closure(of: certain.compactMap(\.id))
    let grantedPerhaps = index.closure(of: facts.heldPermissions.compactMap(\.id))

    for planned in plan.permissions {
      let requirement = planned.requirement
      let draft = PermissionFindingDraft(
        requirement: requirement, stepID: planned.stepID, index: index, system: policy.system)
      if grantedForSure.contains(requirement.id) {
        let via =
          heldDirectly(requirement.id, among: certain)
          ? "held"
          : "held through \(implyingHolders(of: requirement.id, among: certain))"
        outcome.passed.append(
          PassedCheck(
            kind: .permission, subject: requirement.id, step: planned.stepID, expected: "held",
            actual: via, evidence: lists))
        if let overgrant = requirement.overgrant {
          outcome.findings.append(draft.justifiedOvergrant(overgrant, evidence: lists))
        }
      } else if grantedPerhaps.contains(requirement.id) {
        let disputedHolders = disputed.filter {
          guard let id = $0.id else { return false }
          return index.closure(of: [id]).contains(requirement.id)
        }
        outcome.findings.append(draft.conflicting(disputedHolders))
      } else {
        outcome.findings.append(draft.missing(evidence: lists))
      }
    }

    reportBeyondRequired(certain: certain, disputed: disputed, into: &outcome)
  }

  /// No document lists permissions: every required permission is missing evidence.
  private func reportUnknownPermissions(into outcome: inout CheckOutcome) {
    for planned in plan.permissions {
      let draft = PermissionFindingDraft(
        requirement: planned.requirement, stepID: planned.stepID, index: index,
        system: policy.system)
      outcome.findings.append(draft.missingEvidence(documents: facts.evidence))
    }
  }

  /// Excess, unrecognized and disputed permissions that no requirement covers.
  private func reportBeyondRequired(
    certain: [AccountFacts.HeldPermission], disputed: [AccountFacts.HeldPermission],
    into outcome: inout CheckOutcome
  ) {
    let coveredByRequired = plan.coveredByRequired

    var excess: [(PermissionDefinition, [Provenance])] = []
    for held in certain {
      guard let id = held.id, !coveredByRequired.contains(id),
        let definition = index.definition(for: id)
      else { continue }
      excess.append((definition, held.holders))
    }
    excess.sort {
      ($0.0.risk.rank, -index.catalogPosition(of: $0.0.id))
        > ($1.0.risk.rank, -index.catalogPosition(of: $1.0.id))
    }
    if let status = policy.excess.findingStatus {
      for (definition, evidence) in excess {
        outcome.findings.append(
          Finding(
            kind: .excessPermission, status: status, severity: definition.risk.severity,
            subject: definition.id, expected: "not held (not required by this policy)",
            actual: "held",
            reason: definition.description.map {
              "Not required by the policy; it allows: \($0)"
            } ?? "Not required by the policy.",
            impact: "Grants \(definition.risk.rawValue)-risk access the integration does not "
              + "need.",
            remediation: PermissionPaths(index: index, system: policy.system)
              .revoke(definition),
            risk: definition.risk, evidence: evidence))
      }
    }

    for held in certain where held.id == nil {
      let suggestion = index.suggestion(for: held.writtenName)
      outcome.findings.append(
        Finding(
          kind: .unrecognizedPermission, status: .warn, severity: .medium,
          subject: held.writtenName, expected: "a permission of the '\(policy.system)' catalog",
          actual: "matches no known permission",
          reason: "A name that matches nothing cannot be checked; it may be a typo, or a "
            + "permission the catalog does not know yet.",
          remediation: suggestion.map {
            "Check the spelling: did you mean '\($0)'? Otherwise add it to the catalog."
          } ?? "Check the spelling, or add the permission to the '\(policy.system)' catalog.",
          suggestion: suggestion, evidence: held.holders))
    }

    for held in disputed where held.id.map({ !coveredByRequired.contains($0) }) ?? true {
      outcome.findings.append(
        Finding(
          kind: .conflictingEvidence, status: .fail,
          severity: held.id.flatMap(index.definition(for:))?.risk.severity ?? .medium,
          subject: held.id ?? held.writtenName, expected: "one answer on whether it is held",
          actual: Self.describeDispute(held),
          remediation: "Find out which source is right, correct or re-collect the other, "
            + "and audit again.",
          evidence: held.holders + held.nonHolders))
    }
  }

  private func heldDirectly(_ id: String, among held: [AccountFacts.HeldPermission]) -> Bool {
    held.contains { $0.id == id }
  }

  private func implyingHolders(of id: String, among held: [AccountFacts.HeldPermission])
    -> String
  {
    held.compactMap(\.id).filter { index.closure(of: [$0]).contains(id) }.joined(
      separator: ", ")
  }

  static func describeDispute(_ held: AccountFacts.HeldPermission) -> String {
    "held according to \(describe(held.holders)); not held according to "
      + describe(held.nonHolders)
  }

  /// Sources with the documents they came from, since one source may send several.
  private static func describe(_ evidence: [Provenance]) -> String {
    evidence.map { "\($0.source) (\($0.origin))" }.uniqued().joined(separator: ", ")
  }
}

/// The parts every finding about one permission requirement shares.
struct PermissionFindingDraft {
  let requirement: PermissionRequirement
  let stepID: String
  let index: PermissionIndex
  let system: String

  func missing(evidence: [Provenance]) -> Finding {
    let fix =
      requirement.remediation
      ?? index.definition(for: requirement.id).map {
        PermissionPaths(index: index, system: system).grant($0)
      }
    return make(
      .missingPermission, expected: "held", actual: "not held", evidence: evidence,
      remediation: fix)
  }

  func missingEvidence(documents: [Provenance]) -> Finding {
    make(
      .missingEvidence, expected: "held", actual: "no evidence lists the account's permissions",
      evidence: documents,
      remediation: "Supply evidence with a 'permissions' list (an export of the permission "
        + "screen or an attestation), then audit again.")
  }

  func conflicting(_ disputed: [AccountFacts.HeldPermission]) -> Finding {
    make(
      .conflictingEvidence, expected: "held",
      actual: disputed.map(PermissionChecks.describeDispute).joined(separator: "; "),
      evidence: disputed.flatMap { $0.holders + $0.nonHolders },
      remediation: "Find out which source is right, correct or re-collect the other, and "
        + "audit again.")
  }

  func justifiedOvergrant(_ justification: String, evidence: [Provenance]) -> Finding {
    let finding = make(
      .justifiedOvergrant, expected: "held", actual: "held", evidence: evidence,
      remediation: nil)
    var info = finding
    info.status = .info
    info.severity = .info
    // Note: the finding's reason is why the broader grant is accepted; its impact is what
    // the grant allows beyond the integration's need, when the catalog says.
    info.reason = justification
    info.impact = index.definition(for: requirement.id)?.description.map {
      "The grant also allows more than the integration uses: \($0)"
    }
    return info
  }

  private func make(
    _ kind: FindingKind, expected: String, actual: String, evidence: [Provenance],
    remediation: String?
  ) -> Finding {
    Finding(
      kind: kind, status: .fail, severity: requirement.severity, subject: requirement.id,
      step: stepID, expected: expected, actual: actual, reason: requirement.reason,
      impact: requirement.impact, remediation: remediation,
      risk: index.definition(for: requirement.id)?.risk, evidence: evidence)
  }
}

/// Builds the click paths that grant or remove a permission.
public struct PermissionPaths: Sendable {
  let index: PermissionIndex
  let system: String

  public init(index: PermissionIndex, system: String) {
    self.index = index
    self.system = system
  }

  /// How to grant `permission`, as one sentence.
  public func grant(_ permission: PermissionDefinition) -> String {
    "\(place(of: permission)) open '\(permission.name)', add the service account and save."
  }

  /// How to remove `permission`, as one sentence.
  public func revoke(_ permission: PermissionDefinition) -> String {
    "\(place(of: permission)) open '\(permission.name)', remove the service account and "
      + "save, unless a documented need exists (then add it to the policy with its reason)."
  }

  private func place(of permission: PermissionDefinition) -> String {
    let screen =
      permission.path ?? index.catalog.permissionScreen
      ?? "the \(system) permission screen"
    let group = permission.group.map { ", under '\($0)'," } ?? ","
    return "In \(screen)\(group)"
  }
}

extension Sequence where Element: Hashable {
  /// The elements in order, each once.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
