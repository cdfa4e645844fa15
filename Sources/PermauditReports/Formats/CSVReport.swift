import PermauditCore

/// The CSV report: one row per finding, for spreadsheets and ticket imports.
///
/// RFC 4180 (comma-separated, CR LF line ends, quotes doubled), with a header row. Every
/// cell passes through ``CSVEscaping``, so a value such as `=HYPERLINK(…)` is text, not a
/// formula. The file carries no digest of itself: a CSV row has nowhere to put one that a
/// spreadsheet would not import as data (the evidence digests are in every row).
public enum CSVReport {
  static let columns = [
    "account", "account_status", "kind", "status", "severity", "subject", "step", "expected",
    "actual", "reason", "impact", "remediation", "risk", "status_before_waiver",
    "waiver_owner", "waiver_approved_by", "waiver_expires", "waiver_reason", "evidence",
  ]

  /// The whole report.
  public static func render(_ report: AuditReport) -> String {
    prologue(report) + report.accounts.map(fragment).joined() + epilogue(report)
  }

  /// The header row.
  public static func prologue(_ report: AuditReport) -> String {
    CSVEscaping.row(columns)
  }

  /// One row per finding of `account`; nothing for an account without findings.
  public static func fragment(_ account: AccountResult) -> String {
    account.findings.map { row($0, of: account) }.joined()
  }

  /// Nothing: the rows are the report.
  public static func epilogue(_ report: AuditReport) -> String { "" }

  private static func row(_ finding: Finding, of account: AccountResult) -> String {
    let waiver = finding.waiver?.waiver
    let evidence = finding.evidence.map { provenance in
      provenance.source + " @ " + Timestamp.format(provenance.collectedAt) + " ("
        + provenance.origin + ", sha256 " + provenance.sha256 + ")"
    }
    return CSVEscaping.row([
      account.id, account.status.rawValue, finding.kind.rawValue, finding.status.rawValue,
      finding.severity.rawValue, finding.subject, finding.step ?? "", finding.expected ?? "",
      finding.actual ?? "", finding.reason ?? "", finding.impact ?? "",
      finding.remediation ?? "", finding.risk?.rawValue ?? "",
      finding.waiver?.originalStatus.rawValue ?? "", waiver?.owner ?? "",
      waiver?.approvedBy ?? "", waiver?.expiresText ?? "", waiver?.reason ?? "",
      evidence.joined(separator: "; "),
    ])
  }
}
