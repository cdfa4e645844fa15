import PermauditCore

/// The terminal checklist: each account's requirements grouped by the setup guide's steps,
/// with the documented reason, what breaks and the fix for each failure.
///
/// Used for the `text` report file and for the summary `permaudit audit` prints. Every
/// user-supplied value is put on one line with control characters made visible, so a
/// hostile value cannot move the cursor or recolour the terminal.
public enum TextReport {
  /// How much of a run to show.
  public enum Detail: Sendable, Equatable {
    /// Every account's full checklist.
    case full
    /// For large batches: every account in full when there are at most `maxAccounts`;
    /// otherwise full checklists for the first `maxAccounts` accounts that are not
    /// compliant, one line for each further one (at most ``summaryListLimit``), and
    /// "… and N more" for the rest.
    case summary(maxAccounts: Int)
  }

  /// The column text is wrapped at.
  public static let width = 100
  /// How many accounts ``Detail/summary(maxAccounts:)`` lists in one line each.
  public static let summaryListLimit = 20

  /// The report for `report`'s accounts, ending in a newline.
  public static func render(
    _ report: AuditReport, style: TerminalStyle, detail: Detail = .full
  ) -> String {
    render(report, style: style, selection: Selection(report.accounts, detail: detail))
  }

  /// The report for a run whose accounts were streamed through `sample`: the totals come
  /// from `report.summary`, the accounts shown from the sample.
  public static func render(_ report: AuditReport, style: TerminalStyle, sample: Sample)
    -> String
  {
    render(report, style: style, selection: sample.selection)
  }

  private static func render(_ report: AuditReport, style: TerminalStyle, selection: Selection)
    -> String
  {
    var text = prologue(report, style: style)
    if selection.total == 0 { text += "\n\nNo accounts were audited." }
    for account in selection.full { text += fragment(account, in: report, style: style) }
    let overview = selection.overview(of: report, style: style)
    if !overview.isEmpty { text += "\n" + overview.joined(separator: "\n") }
    return text + epilogue(report, style: style)
  }

  /// The header lines before the first account.
  public static func prologue(_ report: AuditReport, style: TerminalStyle) -> String {
    header(report, style: style).joined(separator: "\n")
  }

  /// One account's checklist, with the blank line that separates it from what precedes.
  public static func fragment(
    _ account: AccountResult, in report: AuditReport, style: TerminalStyle
  ) -> String {
    var block = TextAccountBlock(report: report, style: style)
    block.write(account)
    var lines = block.lines
    if let drift = account.drift {
      let drifted = DriftText.account(drift) { "'" + VisibleText.singleLine($0) + "'" }
      lines += drifted.enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }
    }
    return "\n\n" + lines.joined(separator: "\n")
  }

  /// The run's summary line after the last account.
  public static func epilogue(_ report: AuditReport, style: TerminalStyle) -> String {
    let drift = report.drift.map { "\n" + DriftText.summary($0) } ?? ""
    return "\n\n" + style.paint(runSummary(report), .heading) + drift + "\n"
  }

  /// `3 accounts: 1 compliant, 1 non-compliant, 1 inconclusive (policy goprofiles-justworks)`.
  static func runSummary(_ report: AuditReport) -> String {
    let summary = report.summary
    let accounts = summary.accounts == 1 ? "1 account" : "\(summary.accounts) accounts"
    return "\(accounts): \(summary.compliant) compliant, \(summary.nonCompliant) "
      + "non-compliant, \(summary.inconclusive) inconclusive "
      + "(policy \(VisibleText.singleLine(report.policy.id)))"
  }

  private static func header(_ report: AuditReport, style: TerminalStyle) -> [String] {
    let visible = VisibleText.singleLine
    let policy =
      "Policy \(visible(report.policy.id)) · catalog "
      + "\(visible(report.catalog.system)) · fail on \(report.failOn.rawValue)"
    let run =
      "Generated \(Timestamp.format(report.generatedAt)) by "
      + "\(visible(report.tool.name)) \(visible(report.tool.version))"
    return [
      style.paint(visible(report.policy.title), .heading),
      style.paint(policy, .muted),
      style.paint(run, .muted),
    ]
  }

  /// The words for an account's status, in capitals as the heading shows them.
  static func statusWord(_ status: AccountStatus) -> (text: String, role: TerminalStyle.Role) {
    switch status {
    case .compliant: return ("COMPLIANT", .pass)
    case .nonCompliant: return ("NON-COMPLIANT", .fail)
    case .inconclusive: return ("INCONCLUSIVE", .unknown)
    }
  }
}
