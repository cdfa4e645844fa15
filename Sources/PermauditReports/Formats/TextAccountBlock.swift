import PermauditCore

/// One account's part of the ``TextReport``: heading, evidence, checklist by step, what
/// lies beyond the policy, and a closing line.
struct TextAccountBlock {
  let report: AuditReport
  let style: TerminalStyle
  let names: ReportNames
  private(set) var lines: [String] = []

  init(report: AuditReport, style: TerminalStyle) {
    self.report = report
    self.style = style
    self.names = ReportNames(catalog: report.catalog)
  }

  mutating func write(_ account: AccountResult) {
    let checklist = AccountChecklist(account: account, policy: report.policy, names: names)
    let tally = AccountTally(account: account, checklist: checklist)
    let (word, role) = TextReport.statusWord(account.status)

    lines.append(
      style.paint("Account " + visible(account.id) + " — ", .heading) + style.paint(word, role)
        + " (" + tally.headline + ")")
    writeEvidence(account.evidence)

    for step in checklist.steps {
      lines.append(style.paint("  Step \(step.number) · " + visible(step.step.title), .heading))
      if step.rows.isEmpty { lines.append(style.paint("    (no requirements)", .muted)) }
      for row in step.rows { write(row) }
    }

    lines.append(style.paint("  Beyond the policy", .heading))
    if checklist.beyond.isEmpty { lines.append(style.paint("    nothing to report", .muted)) }
    for finding in checklist.beyond { writeBeyond(finding) }

    lines.append("  Result: " + style.paint(word, role) + " — " + tally.details)
  }

  private mutating func writeEvidence(_ evidence: [Provenance]) {
    if evidence.isEmpty { lines.append("  Evidence: none") }
    for provenance in evidence {
      let text =
        visible(provenance.source) + ", collected "
        + Timestamp.format(provenance.collectedAt) + ", from " + visible(provenance.origin)
      labelled("Evidence:", text, indent: 2, role: .muted)
    }
  }

  private mutating func write(_ row: AccountChecklist.Row) {
    let name = visible(row.name)
    switch row.outcome {
    case .passed(let check):
      item(indent: 4, mark: "✓", role: .pass, text: name + passedDetail(check))
    case .finding(let finding):
      let (mark, role) = Self.mark(for: finding)
      item(indent: 4, mark: mark, role: role, text: name + ": " + comparison(finding))
      explain(finding, reason: true)
    case .unknown(let finding):
      let kind = finding.kind == .missingEvidence ? "missing evidence" : "conflicting evidence"
      let actual = finding.actual.map { " — " + visible($0) } ?? ""
      item(indent: 4, mark: "?", role: .unknown, text: name + ": " + kind + actual)
      explain(finding, reason: false)
    case .notEvaluated:
      item(indent: 4, mark: "-", role: .muted, text: name + ": not evaluated")
    }
    for note in row.notes { writeNote(note) }
  }

  /// What a passed requirement shows: an attribute's expected value, or how a permission
  /// is held when it is held indirectly.
  private func passedDetail(_ check: PassedCheck) -> String {
    switch check.kind {
    case .attribute:
      if check.expected == "any value" { return ": any value (found: \(visible(check.actual)))" }
      return ": " + quoted(check.expected)
    case .permission:
      return check.actual == "held" ? "" : " (" + visible(check.actual) + ")"
    }
  }

  private mutating func writeNote(_ note: Finding) {
    let (mark, role) = Self.mark(for: note)
    let label =
      note.kind == .justifiedOvergrant
      ? "Accepted over-grant"
      : ReportNames.kind(note.kind).capitalizedFirst
    let text = note.reason ?? note.actual ?? ""
    item(indent: 6, mark: mark, role: role, text: label + ": " + visible(text))
  }

  private mutating func writeBeyond(_ finding: Finding) {
    let (mark, role) = Self.mark(for: finding)
    let name = visible(names.subject(of: finding))
    switch finding.kind {
    case .excessPermission:
      let risk = finding.risk.map { " (\($0.rawValue) risk)" } ?? ""
      item(indent: 4, mark: mark, role: role, text: name + ": held but not required" + risk)
      explain(finding, reason: false)
    case .unrecognizedPermission:
      var text = quoted(finding.subject) + " matches no known permission"
      if let suggestion = finding.suggestion { text += "; did you mean \(quoted(suggestion))?" }
      item(indent: 4, mark: mark, role: role, text: text)
      if finding.suggestion == nil { explain(finding, reason: false) }
    case .staleEvidence:
      var text = "Stale evidence: " + visible(finding.actual ?? finding.subject)
      if let expected = finding.expected { text += " (expected: " + visible(expected) + ")" }
      item(indent: 4, mark: mark, role: role, text: text)
      explain(finding, reason: false)
    case .conflictingEvidence, .missingEvidence:
      let actual = finding.actual.map { " — " + visible($0) } ?? ""
      item(
        indent: 4, mark: mark, role: role,
        text: name + ": " + ReportNames.kind(finding.kind) + actual)
      explain(finding, reason: false)
    case .expiredWaiver:
      item(
        indent: 4, mark: mark, role: role,
        text: "Expired waiver: " + name + " — " + visible(finding.actual ?? ""))
      explain(finding, reason: false)
    case .missingPermission, .attributeMismatch, .justifiedOvergrant:
      item(
        indent: 4, mark: mark, role: role,
        text: name + ": " + ReportNames.kind(finding.kind) + ", " + comparison(finding))
      explain(finding, reason: true)
    }
  }

  private func comparison(_ finding: Finding) -> String {
    ReportNames.comparison(finding, quoting: quoted)
  }

  /// The `Why:`, `Breaks:` and `Fix:` lines under a finding.
  private mutating func explain(_ finding: Finding, reason: Bool) {
    if reason, let why = finding.reason { labelled("Why:", why) }
    if reason, let impact = finding.impact { labelled("Breaks:", impact) }
    if let fix = finding.remediation { labelled("Fix:", fix) }
    if finding.kind != .expiredWaiver, let note = finding.waiver {
      labelled("Waived:", WaiverText.describe(note))
    }
  }

  /// A labelled paragraph, wrapped with its continuation lines under the text.
  private mutating func labelled(
    _ label: String, _ text: String, indent: Int = 8, role: TerminalStyle.Role? = nil
  ) {
    let padded = label + String(repeating: " ", count: max(1, 8 - label.count))
    let lead = String(repeating: " ", count: indent)
    let hanging = String(repeating: " ", count: indent + padded.count)
    let wrapped = TextWrapping.wrap(visible(text), width: TextReport.width - hanging.count)
    for (index, line) in wrapped.enumerated() {
      let plain = index == 0 ? lead + padded + line : hanging + line
      if let role {
        lines.append(style.paint(plain, role))
      } else {
        lines.append(index == 0 ? lead + style.paint(padded, .muted) + line : plain)
      }
    }
  }

  /// A marked line, wrapped with its continuation lines under the text.
  private mutating func item(
    indent: Int, mark: String, role: TerminalStyle.Role, text: String
  ) {
    let lead = String(repeating: " ", count: indent)
    let hanging = String(repeating: " ", count: indent + 2)
    let wrapped = TextWrapping.wrap(text, width: TextReport.width - hanging.count)
    for (index, line) in wrapped.enumerated() {
      lines.append(index == 0 ? lead + style.paint(mark, role) + " " + line : hanging + line)
    }
  }

  private func visible(_ text: String) -> String { VisibleText.singleLine(text) }
  private func quoted(_ text: String) -> String { "'" + visible(text) + "'" }

  /// The mark and colour for a finding's status; `?` when evidence decides nothing.
  static func mark(for finding: Finding) -> (String, TerminalStyle.Role) {
    if finding.status == .fail,
      finding.kind == .missingEvidence || finding.kind == .conflictingEvidence
    {
      return ("?", .unknown)
    }
    switch finding.status {
    case .pass: return ("✓", .pass)
    case .fail: return ("✗", .fail)
    case .warn: return ("!", .warn)
    case .info: return ("i", .info)
    case .waived: return ("~", .muted)
    }
  }
}

extension String {
  /// The text with its first character in upper case.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
