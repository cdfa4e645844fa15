import PermauditCore

extension MarkdownReport {
  /// The run's waivers, with their expiry and whether they named anything, then the
  /// report's own digest as the last line.
  static func closing(_ report: AuditReport) -> String {
    var lines: [String] = []
    let waivers = report.waivers.waivers
    if !waivers.isEmpty || report.waivers.file != nil {
      lines += ["", "## Waivers", ""]
      if let file = report.waivers.file {
        lines += [
          "- **Waivers file:** " + MarkdownEscaping.code(file.path),
          "- **Waivers SHA-256:** " + MarkdownEscaping.code(file.sha256), "",
        ]
      }
      if waivers.isEmpty { lines.append("No waivers.") }
      if !waivers.isEmpty {
        lines += [
          "| State | Account | Kind | Subject | Reason | Owner | Approved by | Expires |",
          "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
      }
      for (position, waiver) in waivers.enumerated() {
        let cells = [
          WaiverText.state(waiver, in: report, position: position),
          MarkdownEscaping.code(waiver.account, inTable: true),
          MarkdownEscaping.code(waiver.kind.rawValue, inTable: true),
          MarkdownEscaping.code(waiver.subject, inTable: true),
          MarkdownEscaping.tableCell(waiver.reason), MarkdownEscaping.tableCell(waiver.owner),
          MarkdownEscaping.tableCell(waiver.approvedBy),
          MarkdownEscaping.tableCell(waiver.expiresText),
        ]
        lines.append("| " + cells.joined(separator: " | ") + " |")
      }
    }
    lines += [
      "", "---", "",
      "Check this file with `permaudit verify`. `" + ReportDigest.token + ": "
        + ReportDigest.placeholder + "`",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
