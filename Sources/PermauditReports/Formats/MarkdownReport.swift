import PermauditCore

/// The Markdown report: a document a security reviewer can read and paste into a ticket,
/// with the run's context, a summary, and per account its findings, a checklist by setup
/// step, what lies beyond the policy and where the evidence came from.
///
/// Every user-supplied value is escaped with ``MarkdownEscaping``, so no value can add
/// links, HTML, headings or table cells to the document.
public enum MarkdownReport {
  /// The whole report, ending in a newline.
  public static func render(_ report: AuditReport) -> String {
    var text = prologue(report)
    if report.accounts.isEmpty { text += "\n\nNo accounts were audited." }
    for account in report.accounts { text += fragment(account, in: report) }
    return ReportDigest.sealed(text + epilogue(report))
  }

  /// Everything before the first account: title, metadata and the summary table. It
  /// shows the run's counts, so a streamed report writes it last, in front of the rest.
  public static func prologue(_ report: AuditReport) -> String {
    var lines = ["# Permission audit: " + MarkdownEscaping.text(report.policy.title), ""]
    lines += metadata(report)
    lines += ["", "## Summary", ""]
    lines += summaryTable(report.summary)
    if let drift = report.drift {
      lines += ["", "## Drift since the previous run", "", DriftText.summary(drift)]
    }
    return lines.joined(separator: "\n")
  }

  /// One account's section, with the blank line that separates it from what precedes.
  public static func fragment(_ account: AccountResult, in report: AuditReport) -> String {
    var section = MarkdownAccountSection(report: report)
    section.write(account)
    var lines = section.lines
    if let drift = account.drift {
      // Note: the account's drift closes its section, one list item per changed finding.
      let drifted = DriftText.account(drift) { MarkdownEscaping.code($0) }
      lines += ["", "**" + drifted[0] + "**"] + drifted.dropFirst().map { "- " + $0 }
    }
    return "\n\n" + lines.joined(separator: "\n")
  }

  /// Everything after the last account.
  public static func epilogue(_ report: AuditReport) -> String { "\n" + closing(report) }

  private static func metadata(_ report: AuditReport) -> [String] {
    let text = MarkdownEscaping.text
    let code = { (value: String) in MarkdownEscaping.code(value) }
    var items = [
      "**Policy:** " + code(report.policy.id),
      "**Policy file:** " + code(report.policyFile.path),
      "**Policy SHA-256:** " + code(report.policyFile.sha256),
      "**Catalog:** " + code(report.catalog.system) + " — " + text(report.catalog.title),
      "**Catalog file:** " + code(report.catalogFile.path),
      "**Catalog SHA-256:** " + code(report.catalogFile.sha256),
      "**Generated at:** " + Timestamp.format(report.generatedAt),
      "**Tool:** " + text(report.tool.name) + " " + code(report.tool.version),
      "**Fail on:** " + code(report.failOn.rawValue),
    ]
    if let source = report.policy.source {
      let documented =
        source.url.map { MarkdownEscaping.link(source.title, url: $0) }
        ?? text(source.title)
      items.append("**Documented source:** " + documented)
    }
    return items.map { "- " + $0 }
  }

  private static func summaryTable(_ summary: AuditSummary) -> [String] {
    [
      "| Accounts | Compliant | Non-compliant | Inconclusive |",
      "| ---: | ---: | ---: | ---: |",
      "| \(summary.accounts) | \(summary.compliant) | \(summary.nonCompliant) "
        + "| \(summary.inconclusive) |",
    ]
  }

  /// An account status as the report writes it: `non-compliant`.
  static func statusText(_ status: AccountStatus) -> String {
    switch status {
    case .compliant: return "compliant"
    case .nonCompliant: return "non-compliant"
    case .inconclusive: return "inconclusive"
    }
  }
}
