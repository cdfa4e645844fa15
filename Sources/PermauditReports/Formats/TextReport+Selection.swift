import PermauditCore

extension TextReport {
  /// Which accounts get a full checklist and which a line of their own.
  struct Selection {
    var full: [AccountResult] = []
    var listed: [AccountResult] = []
    /// Accounts needing attention that are neither shown in full nor listed.
    var unlisted = 0
    /// Compliant accounts left out of a summary.
    var compliantOmitted = 0
    var total = 0

    init(_ accounts: [AccountResult], detail: Detail) {
      total = accounts.count
      guard case .summary(let maxAccounts) = detail, accounts.count > max(maxAccounts, 0)
      else {
        full = accounts
        return
      }
      let needingAttention = accounts.filter { $0.status != .compliant }
      full = Array(needingAttention.prefix(max(maxAccounts, 0)))
      let rest = needingAttention.dropFirst(full.count)
      listed = Array(rest.prefix(TextReport.summaryListLimit))
      unlisted = rest.count - listed.count
      compliantOmitted = accounts.count - needingAttention.count
    }

    /// The lines after the full checklists: what was left out, and a line per account.
    func overview(of report: AuditReport, style: TerminalStyle) -> [String] {
      guard full.count < total else { return [] }
      var lines = ["", style.paint(omissionNote, .muted)]
      let names = ReportNames(catalog: report.catalog)
      for account in listed {
        let checklist = AccountChecklist(account: account, policy: report.policy, names: names)
        let tally = AccountTally(account: account, checklist: checklist)
        let (word, role) = TextReport.statusWord(account.status)
        let mark = account.status == .inconclusive ? "?" : "✗"
        lines.append(
          "  " + style.paint(mark, role) + " " + VisibleText.singleLine(account.id) + " — "
            + style.paint(word, role) + " (" + tally.headline + ")")
      }
      if unlisted > 0 { lines.append("  … and \(unlisted) more") }
      return lines
    }

    /// `Full checklists for 2 of 27 accounts; 24 more need attention; 1 compliant not shown.`
    private var omissionNote: String {
      var parts = ["Full checklists for \(full.count) of \(total) accounts"]
      let others = listed.count + unlisted
      if others > 0 { parts.append("\(others) more need attention") }
      if compliantOmitted > 0 { parts.append("\(compliantOmitted) compliant not shown") }
      return parts.joined(separator: "; ") + "."
    }
  }
}
