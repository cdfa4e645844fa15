import PermauditCore

/// Drift in words, for the text and Markdown reports. User values (subjects) go through
/// `quote`, which each format supplies to make them safe for itself.
enum DriftText {
  /// `Drift since previous runs: 1 account changed (1 status change), 2 new; findings: 1
  /// appeared, 1 resolved.`
  static func summary(_ drift: DriftSummary) -> String {
    guard drift.hasChanges || drift.findingsResolved > 0 else {
      return "Drift since previous runs: no change in \(plural(drift.compared, "account"))."
    }
    var parts = ["\(plural(drift.changedAccounts, "account")) changed"]
    if drift.statusChanges > 0 { parts[0] += " (\(plural(drift.statusChanges, "status change")))" }
    if drift.newAccounts > 0 { parts.append("\(drift.newAccounts) new") }
    return "Drift since previous runs: " + parts.joined(separator: ", ")
      + "; findings: \(drift.findingsAppeared) appeared, \(drift.findingsResolved) resolved, "
      + "\(drift.findingsChanged) changed."
  }

  /// One account's drift: a heading line and one line per finding that changed.
  static func account(_ drift: AccountDrift, quote: (String) -> String) -> [String] {
    guard let run = drift.previousRun, let previous = drift.previousStatus else {
      return ["Drift: first audit of this account under this policy."]
    }
    guard drift.hasChanges else { return ["Drift: no change since run \(run)."] }
    var head = "Drift since run \(run):"
    head +=
      drift.statusChanged
      ? " status \(words(previous)) → \(words(drift.status))."
      : " status unchanged (\(words(drift.status)))."
    var lines = [head]
    for finding in drift.appeared {
      lines.append("appeared: \(finding.kind) \(quote(finding.subject)) (\(finding.status))")
    }
    for finding in drift.resolved {
      lines.append("resolved: \(finding.kind) \(quote(finding.subject)) (was \(finding.status))")
    }
    for change in drift.changed {
      lines.append(
        "changed: \(change.after.kind) \(quote(change.after.subject)) "
          + "\(change.before.status)/\(change.before.severity) → "
          + "\(change.after.status)/\(change.after.severity)")
    }
    return lines
  }

  static func words(_ status: AccountStatus) -> String {
    switch status {
    case .compliant: return "compliant"
    case .nonCompliant: return "non-compliant"
    case .inconclusive: return "inconclusive"
    }
  }

  private static func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)" + (count == 1 ? "" : "s")
  }
}
