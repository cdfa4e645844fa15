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

    init(
      full: [AccountResult], listed: [AccountResult], unlisted: Int, compliantOmitted: Int,
      total: Int
    ) {
      self.full = full
      self.listed = listed
      self.unlisted = unlisted
      self.compliantOmitted = compliantOmitted
      self.total = total
    }

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

extension TextReport {
  /// The accounts a summary shows, kept while a batch streams past: memory stays bounded
  /// by `maxAccounts` and ``summaryListLimit`` whatever the batch's size. Gives the same
  /// selection as ``Detail/summary(maxAccounts:)`` over the whole list.
  public struct Sample: Sendable {
    public let maxAccounts: Int
    private var first: [AccountResult] = []
    private var needingAttention: [AccountResult] = []
    private var needingAttentionCount = 0
    private var total = 0

    public init(maxAccounts: Int) {
      self.maxAccounts = max(maxAccounts, 0)
    }

    /// Takes note of the next account.
    public mutating func add(_ account: AccountResult) {
      total += 1
      if first.count < maxAccounts { first.append(account) }
      guard account.status != .compliant else { return }
      needingAttentionCount += 1
      if needingAttention.count < maxAccounts + TextReport.summaryListLimit {
        needingAttention.append(account)
      }
    }

    var selection: Selection {
      guard total > maxAccounts else {
        return Selection(
          full: first, listed: [], unlisted: 0, compliantOmitted: 0, total: total)
      }
      let full = Array(needingAttention.prefix(maxAccounts))
      let listed = Array(needingAttention.dropFirst(full.count))
      return Selection(
        full: full, listed: listed,
        unlisted: needingAttentionCount - full.count - listed.count,
        compliantOmitted: total - needingAttentionCount, total: total)
    }
  }
}
