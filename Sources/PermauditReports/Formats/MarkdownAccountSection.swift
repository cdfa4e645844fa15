import PermauditCore

/// One account's part of the ``MarkdownReport``.
struct MarkdownAccountSection {
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
    let status = MarkdownReport.statusText(account.status)

    lines.append("## Account " + code(account.id) + " — " + status)
    lines += ["", "**Status:** " + status + " — " + tally.details + "."]
    writeFindingsTable(account.findings)
    writeDetails(account.findings)
    writeChecklist(checklist)
    writeBeyond(checklist.beyond)
    writeEvidence(account.evidence)
  }

  private mutating func writeFindingsTable(_ findings: [Finding]) {
    lines += ["", "### Findings", ""]
    guard !findings.isEmpty else {
      lines.append("No findings.")
      return
    }
    lines.append("| Status | Severity | Kind | Subject | Expected | Actual |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    for finding in findings {
      let cells = [
        finding.status.rawValue, finding.severity.rawValue,
        MarkdownEscaping.code(finding.kind.rawValue, inTable: true),
        MarkdownEscaping.code(finding.subject, inTable: true),
        finding.expected.map(MarkdownEscaping.tableCell) ?? "—",
        finding.actual.map(MarkdownEscaping.tableCell) ?? "—",
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
  }

  private mutating func writeDetails(_ findings: [Finding]) {
    let nonPassing = findings.filter { $0.status != .pass }
    guard !nonPassing.isEmpty else { return }
    lines += ["", "### Finding details"]
    for finding in nonPassing {
      lines += [
        "",
        "#### " + finding.status.rawValue.capitalizedFirst + " · "
          + ReportNames.kind(finding.kind) + " · " + text(names.subject(of: finding)),
        "",
      ]
      var items = ["**Subject:** " + code(finding.subject)]
      if let step = finding.step { items.append("**Step:** " + stepTitle(step)) }
      items.append("**Severity:** " + finding.severity.rawValue)
      if let risk = finding.risk { items.append("**Risk:** " + risk.rawValue) }
      if let expected = finding.expected { items.append("**Expected:** " + text(expected)) }
      if let actual = finding.actual { items.append("**Found:** " + text(actual)) }
      if let reason = finding.reason { items.append("**Reason:** " + text(reason)) }
      if let impact = finding.impact { items.append("**Impact:** " + text(impact)) }
      if let suggestion = finding.suggestion {
        items.append("**Did you mean:** " + text(suggestion))
      }
      if let fix = finding.remediation { items.append("**Fix:** " + text(fix)) }
      if let note = finding.waiver {
        let label = finding.kind == .expiredWaiver ? "**Expired waiver:** " : "**Waiver:** "
        items.append(label + text(WaiverText.describe(note)))
      }
      items.append("**Evidence:** " + sources(finding.evidence))
      lines += items.map { "- " + $0 }
    }
  }

  private mutating func writeChecklist(_ checklist: AccountChecklist) {
    lines += ["", "### Checklist by step"]
    for step in checklist.steps {
      lines += ["", "#### Step \(step.number) · " + text(step.step.title), ""]
      if step.rows.isEmpty { lines.append("No requirements in this step.") }
      for row in step.rows {
        lines.append((row.isMet ? "- [x] " : "- [ ] ") + describe(row))
        for note in row.notes {
          let label =
            note.kind == .justifiedOvergrant
            ? "Accepted over-grant"
            : ReportNames.kind(note.kind).capitalizedFirst
          lines.append("  - *" + label + ":* " + text(note.reason ?? note.actual ?? ""))
        }
      }
    }
  }

  private func describe(_ row: AccountChecklist.Row) -> String {
    let name = text(row.name)
    switch row.outcome {
    case .passed(let check):
      switch check.kind {
      case .attribute where check.expected == "any value":
        return name + ": any value (found: " + text(check.actual) + ")"
      case .attribute:
        return name + ": " + quoted(check.expected)
      case .permission:
        return check.actual == "held" ? name : name + " (" + text(check.actual) + ")"
      }
    case .finding(let finding):
      if finding.status == .waived { return name + ": waived — " + comparison(finding) }
      return name + ": " + comparison(finding)
    case .unknown(let finding):
      let actual = finding.actual.map { ": " + text($0) } ?? ""
      return name + ": **unknown**, " + ReportNames.kind(finding.kind) + actual
    case .notEvaluated:
      return name + ": not evaluated"
    }
  }

  private mutating func writeBeyond(_ findings: [Finding]) {
    lines += ["", "### Beyond the policy", ""]
    guard !findings.isEmpty else {
      lines.append("Nothing beyond the policy.")
      return
    }
    for finding in findings {
      var line =
        "- **" + finding.status.rawValue + "** · " + ReportNames.kind(finding.kind)
        + ": "
      switch finding.kind {
      case .excessPermission:
        let risk = finding.risk.map { " (" + $0.rawValue + " risk)" } ?? ""
        line += text(names.subject(of: finding)) + risk + ", held but not required"
      case .unrecognizedPermission:
        line += quoted(finding.subject) + " matches no known permission"
        if let suggestion = finding.suggestion {
          line += "; did you mean " + quoted(suggestion) + "?"
        }
      case .staleEvidence:
        line += text(finding.actual ?? finding.subject)
        if let expected = finding.expected { line += " (expected: " + text(expected) + ")" }
      default:
        line += text(names.subject(of: finding)) + ", " + comparison(finding)
      }
      lines.append(line)
    }
  }

  private mutating func writeEvidence(_ evidence: [Provenance]) {
    lines += ["", "### Evidence", ""]
    guard !evidence.isEmpty else {
      lines.append("No evidence documents.")
      return
    }
    lines.append("| Source | Collected at | Origin | SHA-256 |")
    lines.append("| --- | --- | --- | --- |")
    for provenance in evidence {
      let cells = [
        MarkdownEscaping.tableCell(provenance.source), Timestamp.format(provenance.collectedAt),
        MarkdownEscaping.code(provenance.origin, inTable: true),
        MarkdownEscaping.code(provenance.sha256, inTable: true),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
  }

  private func comparison(_ finding: Finding) -> String {
    ReportNames.comparison(finding, quoting: quoted)
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
        + ", " + code(provenance.origin) + ")"
    }.joined(separator: "; ")
  }

  private func text(_ value: String) -> String { MarkdownEscaping.text(value) }
  private func code(_ value: String) -> String { MarkdownEscaping.code(value) }
  private func quoted(_ value: String) -> String { "'" + MarkdownEscaping.text(value) + "'" }
}
