import Foundation

/// Flags evidence older than the policy's `max_evidence_age` at the audit's time.
struct EvidenceFreshness {
  let policy: Policy
  let now: Date
  let accountID: String

  /// Adds one `stale_evidence` finding for the account when any of its documents is older
  /// than the policy allows: one finding per account (its subject), listing every stale
  /// document, so the same finding keeps one identity across runs and reports.
  func check(_ evidence: [Provenance], into outcome: inout CheckOutcome) {
    guard let maxAge = policy.maxEvidenceAge else { return }
    let stale = evidence.filter { now.timeIntervalSince($0.collectedAt) > maxAge.seconds }
    guard !stale.isEmpty else { return }

    let described = stale.map { provenance in
      "collected \(Timestamp.format(provenance.collectedAt)) "
        + "(\(Self.describe(now.timeIntervalSince(provenance.collectedAt))) earlier) by "
        + provenance.source
    }
    let sources = stale.map(\.source).uniqued().map { "'\($0)'" }.joined(separator: ", ")
    outcome.findings.append(
      Finding(
        kind: .staleEvidence, status: .warn, severity: .medium, subject: accountID,
        expected: "collected within \(maxAge.text) before \(Timestamp.format(now))",
        actual: described.joined(separator: "; "),
        reason: "Evidence older than \(maxAge.text) may no longer describe the account.",
        remediation: "Collect fresh evidence from \(sources) and audit again.",
        evidence: stale))
  }

  /// An age in the largest whole unit that fits: `13 days`, `5 hours`, `40 minutes`.
  static func describe(_ seconds: Double) -> String {
    let units: [(Double, String)] = [(86_400, "day"), (3_600, "hour"), (60, "minute")]
    for (size, name) in units where seconds >= size {
      let count = Int(seconds / size)
      return "\(count) \(name)\(count == 1 ? "" : "s")"
    }
    return "\(Int(seconds)) seconds"
  }
}
