import PermauditCore

/// The JUnit XML report, for CI systems that show test results: one test suite per
/// account and one test case per requirement of the policy, plus one per finding beyond
/// it. Valid against the common JUnit schema (`Tests/Schemas/junit-10.xsd`).
///
/// A requirement that fails is a `<failure>` carrying the reason and the fix; one that
/// evidence cannot decide (missing or conflicting evidence) is an `<error>`; a waived one
/// is `<skipped>` with its waiver. Warnings fail their case only under `--fail-on warn`,
/// as they do the account; otherwise they are passing cases with the warning as output.
/// Every value from input is escaped with ``MarkupEscaping``.
public enum JUnitReport {
  /// The whole report.
  public static func render(_ report: AuditReport) -> String {
    ReportDigest.sealed(
      prologue(report) + report.accounts.map { fragment($0, in: report) }.joined()
        + epilogue(report))
  }

  /// The XML declaration and the opening `<testsuites>`. It needs no totals: each suite
  /// counts its own cases, so the file streams front to back.
  public static func prologue(_ report: AuditReport) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\""
      + MarkupEscaping.attribute("permaudit " + report.policy.id) + "\">\n"
  }

  /// One account's `<testsuite>`.
  public static func fragment(_ account: AccountResult, in report: AuditReport) -> String {
    var suite = JUnitSuite(report: report)
    suite.write(account)
    return suite.text
  }

  /// The closing tag, and the report's digest in a comment after the root element.
  public static func epilogue(_ report: AuditReport) -> String {
    "</testsuites>\n<!-- " + ReportDigest.token + ": " + ReportDigest.placeholder + " -->\n"
  }
}

/// One account's `<testsuite>` of the ``JUnitReport``.
struct JUnitSuite {
  let report: AuditReport
  let names: ReportNames
  private var cases: [String] = []
  private var failures = 0
  private var errors = 0
  private var skipped = 0

  init(report: AuditReport) {
    self.report = report
    self.names = ReportNames(catalog: report.catalog)
  }

  private(set) var text = ""

  mutating func write(_ account: AccountResult) {
    let checklist = AccountChecklist(account: account, policy: report.policy, names: names)
    for step in checklist.steps {
      for row in step.rows { addCase(for: row, step: step) }
    }
    for finding in checklist.beyond {
      addCase(
        name: "Beyond the policy · " + ReportNames.kind(finding.kind) + " · "
          + names.subject(of: finding),
        className: "beyond-policy", finding: finding)
    }

    let attributes = [
      ("name", account.id), ("tests", String(cases.count)), ("failures", String(failures)),
      ("errors", String(errors)), ("skipped", String(skipped)), ("time", "0"),
      ("timestamp", Timestamp.format(report.generatedAt)), ("package", report.policy.id),
    ]
    text =
      "  <testsuite" + attributes.map { " \($0.0)=\"" + attr($0.1) + "\"" }.joined()
      + ">\n" + properties(account) + cases.joined() + "  </testsuite>\n"
  }

  private func properties(_ account: AccountResult) -> String {
    var items = [
      ("account_status", account.status.rawValue), ("policy", report.policy.id),
      ("policy_sha256", report.policyFile.sha256), ("catalog", report.catalog.system),
      ("catalog_sha256", report.catalogFile.sha256), ("fail_on", report.failOn.rawValue),
    ]
    if let file = report.waivers.file { items.append(("waivers_sha256", file.sha256)) }
    for provenance in account.evidence {
      items.append(
        (
          "evidence",
          provenance.source + " @ " + Timestamp.format(provenance.collectedAt) + " ("
            + provenance.origin + ", sha256 " + provenance.sha256 + ")"
        ))
    }
    let lines = items.map {
      "      <property name=\"" + attr($0.0) + "\" value=\"" + attr($0.1) + "\"/>\n"
    }
    return "    <properties>\n" + lines.joined() + "    </properties>\n"
  }

  private mutating func addCase(for row: AccountChecklist.Row, step: AccountChecklist.Step) {
    let name = "Step \(step.number) · " + row.name
    let className = report.policy.id + "." + step.step.id
    switch row.outcome {
    case .passed(let check):
      let notes = row.notes.map { (note: Finding) -> String in
        ReportNames.kind(note.kind) + ": " + (note.reason ?? note.actual ?? "")
      }
      let output = (["found: " + check.actual] + notes).joined(separator: "\n")
      cases.append(openCase(name, className) + systemOut(output) + "    </testcase>\n")
    case .finding(let finding), .unknown(let finding):
      addCase(name: name, className: className, finding: finding)
    case .notEvaluated:
      skipped += 1
      cases.append(
        openCase(name, className) + "      <skipped message=\"not evaluated\"/>\n"
          + "    </testcase>\n")
    }
  }

  private mutating func addCase(name: String, className: String, finding: Finding) {
    let message = attr(ReportNames.comparison(finding) { "'" + $0 + "'" })
    let type = attr(finding.kind.rawValue)
    let body = text(details(finding))
    var element: String
    switch finding.status {
    case .fail where finding.kind == .missingEvidence || finding.kind == .conflictingEvidence:
      errors += 1
      element = "      <error message=\"\(message)\" type=\"\(type)\">\(body)</error>\n"
    case .fail:
      failures += 1
      element = "      <failure message=\"\(message)\" type=\"\(type)\">\(body)</failure>\n"
    case .warn where report.failOn == .warn:
      failures += 1
      element = "      <failure message=\"\(message)\" type=\"\(type)\">\(body)</failure>\n"
    case .waived:
      skipped += 1
      let waiver = finding.waiver.map { "waived: " + WaiverText.describe($0) } ?? "waived"
      element = "      <skipped message=\"\(attr(waiver))\"/>\n" + systemOut(details(finding))
    case .warn, .info, .pass:
      element = systemOut(finding.status.rawValue.uppercased() + ": " + details(finding))
    }
    cases.append(openCase(name, className) + element + "    </testcase>\n")
  }

  private func details(_ finding: Finding) -> String {
    var lines = [
      ReportNames.kind(finding.kind) + " (" + finding.status.rawValue + ", "
        + finding.severity.rawValue + " severity): "
        + ReportNames.comparison(finding) { "'" + $0 + "'" }
    ]
    if let reason = finding.reason { lines.append("Why: " + reason) }
    if let impact = finding.impact { lines.append("Breaks: " + impact) }
    if let fix = finding.remediation { lines.append("Fix: " + fix) }
    if let note = finding.waiver { lines.append("Waiver: " + WaiverText.describe(note)) }
    for provenance in finding.evidence {
      lines.append(
        "Evidence: " + provenance.source + ", collected "
          + Timestamp.format(provenance.collectedAt) + ", " + provenance.origin + " (sha256 "
          + provenance.sha256 + ")")
    }
    return lines.joined(separator: "\n")
  }

  private func openCase(_ name: String, _ className: String) -> String {
    "    <testcase name=\"" + attr(name) + "\" classname=\"" + attr(className)
      + "\" time=\"0\">\n"
  }

  private func systemOut(_ output: String) -> String {
    "      <system-out>" + text(output) + "</system-out>\n"
  }

  private func attr(_ value: String) -> String { MarkupEscaping.attribute(value) }
  private func text(_ value: String) -> String { MarkupEscaping.text(value) }
}
