/// The findings about one permission requirement, built once per run without their
/// evidence; an account adds its own. A class, so that reaching a finding copies only it.
final class PermissionFindings: Sendable {
  private let missing: Finding
  private let missingEvidence: Finding
  private let conflicting: Finding
  /// The note that a broader grant is accepted, when the requirement accepts one.
  private let justifiedOvergrant: Finding?

  init(
    _ requirement: PermissionRequirement, step: String, index: PermissionIndex,
    paths: PermissionPaths
  ) {
    let definition = index.definition(for: requirement.id)
    func make(_ kind: FindingKind, actual: String, remediation: String?) -> Finding {
      Finding(
        kind: kind, status: .fail, severity: requirement.severity, subject: requirement.id,
        step: step, expected: "held", actual: actual, reason: requirement.reason,
        impact: requirement.impact, remediation: remediation, risk: definition?.risk)
    }

    missing = make(
      .missingPermission, actual: "not held",
      remediation: requirement.remediation ?? definition.map { paths.grant($0) })
    missingEvidence = make(
      .missingEvidence, actual: "no evidence lists the account's permissions",
      remediation: "Supply evidence with a 'permissions' list (an export of the permission "
        + "screen or an attestation), then audit again.")
    conflicting = make(
      .conflictingEvidence, actual: "",
      remediation: "Find out which source is right, correct or re-collect the other, and "
        + "audit again.")
    justifiedOvergrant = requirement.overgrant.map { justification in
      var info = make(.justifiedOvergrant, actual: "held", remediation: nil)
      info.status = .info
      info.severity = .info
      // Note: the finding's reason is why the broader grant is accepted; its impact is what
      // the grant allows beyond the integration's need, when the catalog says.
      info.reason = justification
      info.impact = definition?.description.map {
        "The grant also allows more than the integration uses: \($0)"
      }
      return info
    }
  }

  /// The required permission is not held.
  func missing(evidence: [Provenance]) -> Finding {
    with(missing, evidence: evidence)
  }

  /// No document lists the account's permissions.
  func missingEvidence(documents: [Provenance]) -> Finding {
    with(missingEvidence, evidence: documents)
  }

  /// Documents disagree on whether the permission, or one granting it, is held.
  func conflicting(_ disputes: [String], evidence: [Provenance]) -> Finding {
    var finding = with(conflicting, evidence: evidence)
    finding.actual = disputes.joined(separator: "; ")
    return finding
  }

  /// The permission is held and the policy accepts that it grants more than needed.
  func justifiedOvergrant(evidence: [Provenance]) -> Finding? {
    justifiedOvergrant.map { with($0, evidence: evidence) }
  }

  private func with(_ finding: Finding, evidence: [Provenance]) -> Finding {
    var finding = finding
    finding.evidence = evidence
    return finding
  }
}
