import Foundation

/// Flags evidence older than the policy's `max_evidence_age` at the audit's time.
struct EvidenceFreshness {
  let policy: Policy
  let now: Date
  let accountID: String

  func check(_ evidence: [Provenance], into outcome: inout CheckOutcome) {
    guard let maxAge = policy.maxEvidenceAge else { return }
    for provenance in evidence {
      let age = now.timeIntervalSince(provenance.collectedAt)
      guard age > maxAge.seconds else { continue }
      outcome.findings.append(
        Finding(
          kind: .staleEvidence, status: .warn, severity: .medium, subject: accountID,
          expected: "collected within \(maxAge.text) before \(Timestamp.format(now))",
          actual: "collected \(Timestamp.format(provenance.collectedAt)) "
            + "(\(Self.describe(age)) earlier) by \(provenance.source)",
          reason: "Evidence older than \(maxAge.text) may no longer describe the account.",
          remediation: "Collect fresh evidence from '\(provenance.source)' and audit again.",
          evidence: [provenance]))
    }
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
