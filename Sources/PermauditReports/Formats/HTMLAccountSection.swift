import PermauditCore

/// One account's section of the ``HTMLReport``.
struct HTMLAccountSection {
  let report: AuditReport
  let names: ReportNames
  private(set) var lines: [String] = []

  init(report: AuditReport) {
    self.report = report
    self.names = ReportNames(catalog: report.catalog)
  }

  mutating func write(_ account: AccountResult) {
    let checklist = AccountChecklist(account: account, policy: report.policy, names: names)
    let tally = AccountTally(account: account, checklist: checklist)
    lines += [
      "<section class=\"account\">",
      "<h2>Account " + code(account.id) + " <span class=\"badge "
        + account.status.rawValue + "\">" + Self.statusText(account.status) + "</span></h2>",
      "<p>" + text(tally.details) + ".</p>",
    ]
    writeFindings(account.findings)
    writeChecklist(checklist)
    writeBeyond(checklist.beyond)
    writeEvidence(account.evidence)
    lines.append("</section>")
  }

  private mutating func writeFindings(_ findings: [Finding]) {
    lines.append("<h3>Findings</h3>")
    guard !findings.isEmpty else {
      lines.append("<p>No findings.</p>")
      return
    }
    for finding in findings {
      let role = Self.role(of: finding)
      lines += [
        "<article class=\"finding \(role)\">",
        "<h4><span class=\"badge \(role)\">" + finding.status.rawValue + "</span> "
          + text(ReportNames.kind(finding.kind)) + " · " + text(names.subject(of: finding))
          + "</h4>", "<dl>",
      ]
      var items = [("Subject", code(finding.subject))]
      if let step = finding.step { items.append(("Step", stepTitle(step))) }
      items.append(("Severity", text(finding.severity.rawValue)))
      if let risk = finding.risk { items.append(("Risk", text(risk.rawValue))) }
      if let expected = finding.expected { items.append(("Expected", text(expected))) }
      if let actual = finding.actual { items.append(("Found", text(actual))) }
      if let reason = finding.reason { items.append(("Reason", text(reason))) }
      if let impact = finding.impact { items.append(("Impact", text(impact))) }
      if let suggestion = finding.suggestion { items.append(("Did you mean", text(suggestion))) }
      if let fix = finding.remediation { items.append(("Fix", text(fix))) }
      if let note = finding.waiver {
        let label = finding.kind == .expiredWaiver ? "Expired waiver" : "Waiver"
        items.append((label, text(WaiverText.describe(note))))
      }
      items.append(("Evidence", sources(finding.evidence)))
      lines += items.map { "<dt>" + $0.0 + "</dt><dd>" + $0.1 + "</dd>" }
      lines += ["</dl>", "</article>"]
    }
  }

  private mutating func writeChecklist(_ checklist: AccountChecklist) {
    lines += ["<h3>Checklist by step</h3>", "<ol class=\"steps\">"]
    for step in checklist.steps {
      lines += ["<li><strong>" + text(step.step.title) + "</strong>", "<ul class=\"rows\">"]
      if step.rows.isEmpty { lines.append("<li>No requirements in this step.</li>") }
      for row in step.rows {
        let (mark, role, detail) = describe(row)
        var item =
          "<li><span class=\"mark \(role)\" aria-label=\"\(role)\">\(mark)</span>"
          + text(row.name) + detail
        for note in row.notes {
          let label =
            note.kind == .justifiedOvergrant
            ? "Accepted over-grant" : ReportNames.kind(note.kind).capitalizedFirst
          item +=
            "<div class=\"note\">" + label + ": " + text(note.reason ?? note.actual ?? "")
            + "</div>"
        }
        lines.append(item + "</li>")
      }
      lines += ["</ul>", "</li>"]
    }
    lines.append("</ol>")
  }

  private func describe(_ row: AccountChecklist.Row) -> (String, String, String) {
    switch row.outcome {
    case .passed(let check):
      if check.kind == .attribute {
        let shown =
          check.expected == "any value"
          ? "any value, found " + quoted(check.actual)
          : quoted(check.expected)
        return ("✓", "pass", ": " + shown)
      }
      return ("✓", "pass", check.actual == "held" ? "" : " (" + text(check.actual) + ")")
    case .finding(let finding):
      let comparison = ReportNames.comparison(finding, quoting: quoted)
      if finding.status == .waived { return ("~", "waived", ": waived — " + comparison) }
      return (finding.status == .fail ? "✗" : "!", Self.role(of: finding), ": " + comparison)
    case .unknown(let finding):
      let actual = finding.actual.map { ": " + text($0) } ?? ""
      return ("?", "unknown", ": unknown, " + ReportNames.kind(finding.kind) + actual)
    case .notEvaluated:
      return ("–", "waived", ": not evaluated")
    }
  }

  private mutating func writeBeyond(_ findings: [Finding]) {
    lines.append("<h3>Beyond the policy</h3>")
    guard !findings.isEmpty else {
      lines.append("<p>Nothing beyond the policy.</p>")
      return
    }
    // Note: excess permissions come first, riskiest first; the rest keep their order.
    let excess = findings.filter { $0.kind == .excessPermission }
      .enumerated().sorted { lhs, rhs in
        let (left, right) = (lhs.element.risk?.rank ?? 0, rhs.element.risk?.rank ?? 0)
        return left == right ? lhs.offset < rhs.offset : left > right
      }.map(\.element)
    let others = findings.filter { $0.kind != .excessPermission }
    lines.append("<ul class=\"rows\">")
    for finding in excess + others {
      let role = Self.role(of: finding)
      var line =
        "<li><span class=\"badge \(role)\">" + finding.status.rawValue + "</span> "
        + text(ReportNames.kind(finding.kind)) + ": " + text(names.subject(of: finding))
      if let risk = finding.risk, finding.kind == .excessPermission {
        line += " <strong>(" + risk.rawValue + " risk)</strong>, held but not required"
      } else if let actual = finding.actual {
        line += " — " + text(actual)
      }
      if let suggestion = finding.suggestion { line += "; did you mean " + quoted(suggestion) }
      lines.append(line + "</li>")
    }
    lines.append("</ul>")
  }

  private mutating func writeEvidence(_ evidence: [Provenance]) {
    lines.append("<h3>Evidence</h3>")
    guard !evidence.isEmpty else {
      lines.append("<p>No evidence documents.</p>")
      return
    }
    lines += [
      "<table>",
      "<thead><tr><th>Source</th><th>Collected at</th><th>Origin</th><th>SHA-256</th></tr>"
        + "</thead>", "<tbody>",
    ]
    for provenance in evidence {
      let cells = [
        text(provenance.source), text(Timestamp.format(provenance.collectedAt)),
        code(provenance.origin), code(provenance.sha256),
      ]
      lines.append("<tr><td>" + cells.joined(separator: "</td><td>") + "</td></tr>")
    }
    lines += ["</tbody>", "</table>"]
  }

  private func stepTitle(_ id: String) -> String {
    guard let index = report.policy.steps.firstIndex(where: { $0.id == id }) else {
      return code(id)
    }
    return "\(index + 1) · " + text(report.policy.steps[index].title)
  }

  private func sources(_ evidence: [Provenance]) -> String {
    guard !evidence.isEmpty else { return "none" }
    return evidence.map { provenance in
      text(provenance.source) + " (collected " + Timestamp.format(provenance.collectedAt)
        + ", " + code(provenance.origin) + ", SHA-256 " + code(provenance.sha256) + ")"
    }.joined(separator: "<br>")
  }

  /// The CSS class a finding's status is shown with.
  static func role(of finding: Finding) -> String {
    if finding.status == .fail,
      finding.kind == .missingEvidence || finding.kind == .conflictingEvidence
    {
      return "unknown"
    }
    return finding.status.rawValue
  }

  static func statusText(_ status: AccountStatus) -> String {
    MarkdownReport.statusText(status)
  }

  private func text(_ value: String) -> String { MarkupEscaping.text(value) }
  private func code(_ value: String) -> String { HTMLReport.code(value) }
  private func quoted(_ value: String) -> String { "‘" + text(value) + "’" }
}
