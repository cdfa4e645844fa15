import PermauditCore

/// Counts over one account's checklist and findings, and how the reports say them.
struct AccountTally {
  /// Requirements of the policy, and how many of them were met.
  var requirements = 0
  var met = 0
  /// Findings with status `fail`, apart from missing and conflicting evidence.
  var failed = 0
  /// Missing or conflicting evidence that fails a check.
  var unknown = 0
  var warnings = 0
  var notes = 0
  var waived = 0

  init(account: AccountResult, checklist: AccountChecklist) {
    let rows = checklist.rows
    requirements = rows.count
    met = rows.filter(\.isMet).count
    for finding in account.findings {
      switch finding.status {
      case .fail:
        if finding.kind == .missingEvidence || finding.kind == .conflictingEvidence {
          unknown += 1
        } else {
          failed += 1
        }
      case .warn: warnings += 1
      case .info: notes += 1
      case .waived: waived += 1
      case .pass: break
      }
    }
  }

  /// What stands out, for the account's heading: `2 failed, 1 warning`, or
  /// `all 17 requirements met` when nothing does.
  var headline: String {
    let parts = [
      Self.count(failed, "failed", "failed"), Self.count(unknown, "unknown", "unknown"),
      Self.count(warnings, "warning", "warnings"), Self.count(waived, "waived", "waived"),
    ].compactMap { $0 }
    if !parts.isEmpty { return parts.joined(separator: ", ") }
    if requirements == 1 { return met == 1 ? "the 1 requirement met" : "0 of 1 requirement met" }
    return requirements == met
      ? "all \(requirements) requirements met"
      : "\(met) of \(requirements) requirements met"
  }

  /// Every count, for the account's closing line:
  /// `13 of 17 requirements met; 2 failed, 2 unknown; 4 warnings, 1 note`.
  var details: String {
    var text = "\(met) of \(requirements) requirements met"
    let problems = [
      Self.count(failed, "failed", "failed"), Self.count(unknown, "unknown", "unknown"),
    ].compactMap { $0 }
    if !problems.isEmpty { text += "; " + problems.joined(separator: ", ") }
    let others = [
      Self.count(warnings, "warning", "warnings"), Self.count(notes, "note", "notes"),
      Self.count(waived, "waived", "waived"),
    ].compactMap { $0 }
    if !others.isEmpty { text += "; " + others.joined(separator: ", ") }
    return text
  }

  private static func count(_ number: Int, _ singular: String, _ plural: String) -> String? {
    number == 0 ? nil : "\(number) \(number == 1 ? singular : plural)"
  }
}
