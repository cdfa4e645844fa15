/// The findings about permissions held beyond the policy's requirements: excess ones
/// (built once per run for each catalog permission), unrecognized and disputed ones.
final class BeyondRequiredFindings: Sendable {
  /// By ordinal, the excess finding without evidence; `nil` when excess is not reported.
  private let excess: [Finding?]
  /// By ordinal, the key excess findings are ordered by: riskiest first, then in catalog
  /// order.
  private let excessOrder: [(rank: Int, position: Int)]
  private let index: PermissionIndex
  private let system: String

  init(policy: Policy, index: PermissionIndex, paths: PermissionPaths) {
    self.index = index
    system = policy.system
    let definitions = index.ids.map { index.definition(for: $0) }
    excessOrder = definitions.map { definition in
      guard let definition else { return (0, Int.max) }
      return (definition.risk.rank, index.catalogPosition(of: definition.id))
    }
    guard let status = policy.excess.findingStatus else {
      excess = definitions.map { _ in nil }
      return
    }
    excess = definitions.map { definition in
      definition.map { definition in
        Finding(
          kind: .excessPermission, status: status, severity: definition.risk.severity,
          subject: definition.id, expected: "not held (not required by this policy)",
          actual: "held",
          reason: definition.description.map {
            "Not required by the policy; it allows: \($0)"
          } ?? "Not required by the policy.",
          impact: "Grants \(definition.risk.rawValue)-risk access the integration does not "
            + "need.",
          remediation: paths.revoke(definition), risk: definition.risk)
      }
    }
  }

  /// Whether the excess finding for `lhs` goes before the one for `rhs`.
  func excessPrecedes(_ lhs: Int, _ rhs: Int) -> Bool {
    let left = excessOrder[lhs]
    let right = excessOrder[rhs]
    return (left.rank, -left.position) > (right.rank, -right.position)
  }

  /// Whether a permission's ordinal has a catalog definition, so excess can be judged.
  func isCatalogued(_ ordinal: Int) -> Bool {
    excessOrder[ordinal].position != Int.max
  }

  /// The excess finding for `ordinal`, or `nil` when excess is not reported.
  func excess(_ ordinal: Int, evidence: [Provenance]) -> Finding? {
    guard var finding = excess[ordinal] else { return nil }
    finding.evidence = evidence
    return finding
  }

  /// A name that matches no catalog permission.
  func unrecognized(_ writtenName: String, evidence: [Provenance]) -> Finding {
    let suggestion = index.suggestion(for: writtenName)
    return Finding(
      kind: .unrecognizedPermission, status: .warn, severity: .medium,
      subject: writtenName, expected: "a permission of the '\(system)' catalog",
      actual: "matches no known permission",
      reason: "A name that matches nothing cannot be checked; it may be a typo, or a "
        + "permission the catalog does not know yet.",
      remediation: suggestion.map {
        "Check the spelling: did you mean '\($0)'? Otherwise add it to the catalog."
      } ?? "Check the spelling, or add the permission to the '\(system)' catalog.",
      suggestion: suggestion, evidence: evidence)
  }

  /// Documents disagree on whether a permission no requirement covers is held.
  func disputed(
    _ held: AccountFacts.HeldPermission, dispute: String, evidence: [Provenance]
  ) -> Finding {
    let id = held.ordinal.map { index.ids[$0] }
    return Finding(
      kind: .conflictingEvidence, status: .fail,
      severity: id.flatMap(index.definition(for:))?.risk.severity ?? .medium,
      subject: id ?? held.writtenName, expected: "one answer on whether it is held",
      actual: dispute,
      remediation: "Find out which source is right, correct or re-collect the other, "
        + "and audit again.",
      evidence: evidence)
  }
}
