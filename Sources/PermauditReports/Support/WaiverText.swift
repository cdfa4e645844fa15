import PermauditCore

/// How reports put a waiver in words.
enum WaiverText {
  /// `Needed for the migration — owner a@x, approved by b@y, expires 2027-03-31 (was fail;
  /// waivers.yaml:3:5)`.
  static func describe(_ note: WaiverNote) -> String {
    let waiver = note.waiver
    return waiver.reason + " — owner " + waiver.owner + ", approved by " + waiver.approvedBy
      + ", expires " + waiver.expiresText + " (was " + note.originalStatus.rawValue + "; "
      + waiver.origin + ")"
  }

  /// Whether `waiver` is in force at the report's time, in one word.
  static func state(_ waiver: Waiver, in report: AuditReport, position: Int) -> String {
    if waiver.isExpired(at: report.generatedAt) { return "expired" }
    if report.waivers.unused.contains(position) { return "unused" }
    return "in force"
  }
}
