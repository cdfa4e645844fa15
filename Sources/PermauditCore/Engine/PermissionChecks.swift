/// Checks what an account holds against the policy's required permissions, and reports
/// what it holds beyond them.
struct PermissionChecks {
  let plan: EvaluationPlan
  let facts: AccountFacts

  private var index: PermissionIndex { plan.index }

  func run(into outcome: inout CheckOutcome) {
    guard let lists = facts.permissionLists else {
      for planned in plan.permissions {
        outcome.findings.append(planned.findings.missingEvidence(documents: facts.evidence))
      }
      return
    }

    let grantedForSure = index.closure(ofOrdinals: facts.certainOrdinals)
    let grantedPerhaps =
      facts.hasDisputed ? index.closure(ofOrdinals: facts.listedOrdinals) : grantedForSure

    for planned in plan.permissions {
      guard let required = planned.ordinal, grantedPerhaps.contains(required) else {
        outcome.findings.append(planned.findings.missing(evidence: lists))
        continue
      }
      if grantedForSure.contains(required) {
        outcome.passed.append(
          PassedCheck(
            kind: .permission, subject: planned.requirement.id, step: planned.stepID,
            expected: "held", actual: howHeld(required), evidence: lists))
        if let overgrant = planned.findings.justifiedOvergrant(evidence: lists) {
          outcome.findings.append(overgrant)
        }
      } else {
        let disputed = facts.heldPermissions.filter {
          guard $0.isConflicting, let ordinal = $0.ordinal else { return false }
          return index.grants(ordinal, required)
        }
        outcome.findings.append(
          planned.findings.conflicting(
            disputed.map(describeDispute), evidence: disputed.flatMap(evidence(of:))))
      }
    }

    reportBeyondRequired(into: &outcome)
  }

  /// How a permission held for sure is held: directly, or through the ones implying it.
  private func howHeld(_ required: Int) -> String {
    if facts.certainOrdinals.contains(required) { return "held" }
    var holders: [String] = []
    for held in facts.heldPermissions {
      guard let ordinal = held.ordinal, facts.certainOrdinals.contains(ordinal),
        index.grants(ordinal, required)
      else { continue }
      holders.append(index.ids[ordinal])
    }
    return "held through " + holders.joined(separator: ", ")
  }

  /// Excess, unrecognized and disputed permissions that no requirement covers.
  private func reportBeyondRequired(into outcome: inout CheckOutcome) {
    let beyond = plan.beyondRequired
    let covered = plan.coveredByRequired

    // Note: no two excess permissions rank the same, so their order needs no list order.
    let excess = facts.certainOrdinals.subtracting(covered).filter(beyond.isCatalogued)
      .sorted(by: beyond.excessPrecedes)
    for ordinal in excess {
      guard let held = facts.heldPermission(ordinal),
        let finding = beyond.excess(ordinal, evidence: facts.provenance(of: held.holders))
      else { continue }
      outcome.findings.append(finding)
    }

    if facts.hasUnrecognized {
      for held in facts.heldPermissions where !held.isConflicting && held.ordinal == nil {
        outcome.findings.append(
          beyond.unrecognized(held.writtenName, evidence: facts.provenance(of: held.holders)))
      }
    }

    guard facts.hasDisputed else { return }
    for held in facts.heldPermissions where held.isConflicting {
      if let ordinal = held.ordinal, covered.contains(ordinal) { continue }
      outcome.findings.append(
        beyond.disputed(held, dispute: describeDispute(held), evidence: evidence(of: held)))
    }
  }

  /// The documents on both sides of a dispute: those that list it, then those that do not.
  private func evidence(of held: AccountFacts.HeldPermission) -> [Provenance] {
    facts.provenance(of: held.holders) + facts.provenance(of: held.nonHolders)
  }

  private func describeDispute(_ held: AccountFacts.HeldPermission) -> String {
    "held according to \(describe(held.holders)); not held according to "
      + describe(held.nonHolders)
  }

  /// Sources with the documents they came from, since one source may send several.
  private func describe(_ documents: OrdinalSet) -> String {
    facts.provenance(of: documents).map { "\($0.source) (\($0.origin))" }.uniqued()
      .joined(separator: ", ")
  }
}

extension Sequence where Element: Hashable {
  /// The elements in order, each once.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
