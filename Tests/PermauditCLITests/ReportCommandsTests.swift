import Foundation
import Testing

@testable import PermauditCLI

/// `--waivers`, `verify` and `explain` end to end, on the repository's example evidence.
@Suite struct ReportCommandsTests {
  let sandbox: Sandbox
  static let examples = Repository.root + "/Examples/evidence"
  static let exampleWaivers = Repository.root + "/Examples/waivers.yaml"
  static let allFormats = "json,markdown,text,html,sarif,junit,csv"

  init() throws {
    sandbox = try Sandbox()
  }

  static func waivers(expires: String = "2027-01-31", extra: String = "") -> String {
    """
    kind: Waivers
    waivers:
      - account: m_7302
        kind: excess_permission
        subject: edit_employee_permissions
        reason: Migration cutover.
        owner: hr@contoso.example
        approved_by: security@contoso.example
        expires: \(expires)
    \(extra)
    """
  }

  @Test func aWaiverMarksItsFindingWaivedInTheReport() throws {
    let path = try sandbox.write(Self.waivers(), to: "waivers.yaml")
    let result = CLI.audit(evidence: [Self.examples], ["--waivers", path])
    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let account = try result.report().account("m_7302")
    let finding = try #require(account.finding("excess_permission", "edit_employee_permissions"))
    #expect(finding["status"] as? String == "waived")
    let waiver = try #require(finding["waiver"] as? [String: Any])
    #expect(waiver["owner"] as? String == "hr@contoso.example")
    #expect(waiver["status_before_waiver"] as? String == "warn")
    #expect(!result.stderr.contains("named no finding"))
  }

  /// A waiver may name what it waives as the reports show it: a permission's name in any
  /// spelling the evidence may use, an attribute's label.
  @Test func aWaiverMayNameItsSubjectAsTheReportsShowIt() throws {
    let text = """
      kind: Waivers
      waivers:
        - account: m_7302
          kind: excess_permission
          subject: EDIT EMPLOYEE PERMISSIONS
          reason: Migration cutover.
          owner: hr@contoso.example
          approved_by: security@contoso.example
          expires: 2027-01-31
        - account: m_7302
          kind: attribute_mismatch
          subject: Title
          reason: Renamed next week.
          owner: it@contoso.example
          approved_by: security@contoso.example
          expires: 2027-01-31
      """
    let path = try sandbox.write(text, to: "waivers.yaml")
    let result = CLI.audit(evidence: [Self.examples], ["--waivers", path])
    let account = try result.report().account("m_7302")
    #expect(
      account.finding("excess_permission", "edit_employee_permissions")?["status"] as? String
        == "waived")
    #expect(account.finding("attribute_mismatch", "title")?["status"] as? String == "waived")
    #expect(!result.stderr.contains("named no finding"))
  }

  @Test func anUnusedWaiverIsListedInTheReportAndOnStandardError() throws {
    let unused = """
        - account: "*"
          kind: missing_permission
          subject: manage_all_timecards
          reason: Not needed.
          owner: hr@contoso.example
          approved_by: security@contoso.example
          expires: 2027-01-31
      """
    let path = try sandbox.write(Self.waivers(extra: unused), to: "waivers.yaml")
    let result = CLI.audit(evidence: [Self.examples], ["--waivers", path])
    #expect(result.stderr.contains("waivers.yaml:10:5: waiver of missing_permission"))
    #expect(result.stderr.contains("named no finding; remove it, or fix its account"))
    let waivers = try #require(try result.report().object["waivers"] as? [String: Any])
    let list = try #require(waivers["waivers"] as? [[String: Any]])
    #expect(list.map { $0["used"] as? Bool } == [true, false])
    #expect(list.map { $0["state"] as? String } == ["in force", "unused"])
  }

  /// A waiver whose subject is a near miss says what it probably meant.
  @Test(arguments: [
    ("attribute_mismatch", "Titel", "title"),
    (
      "excess_permission", "edit_employe_permissions",
      "edit_employee_permissions"
    ),
  ])
  func anUnusedWaiverWithATypoSuggestsTheSubject(kind: String, typo: String, meant: String)
    throws
  {
    let typoed = """
        - account: m_7302
          kind: \(kind)
          subject: \(typo)
          reason: Renamed next week.
          owner: it@contoso.example
          approved_by: security@contoso.example
          expires: 2027-01-31
      """
    let path = try sandbox.write(Self.waivers(extra: typoed), to: "waivers.yaml")
    let result = CLI.audit(evidence: [Self.examples], ["--waivers", path])
    #expect(
      result.stderr.contains(
        "named no finding; did you mean subject '\(meant)'? Otherwise remove it"),
      "\(result.stderr)")
  }

  @Test func anExpiredWaiverAddsAWarningAtNow() throws {
    // Note: CLI.audit evaluates at 2026-12-05T09:30:00Z; the waiver's last day was the 4th.
    let path = try sandbox.write(Self.waivers(expires: "2026-12-04"), to: "waivers.yaml")
    let result = CLI.audit(evidence: [Self.examples], ["--waivers", path])
    let account = try result.report().account("m_7302")
    #expect(
      account.finding("excess_permission", "edit_employee_permissions")?["status"] as? String
        == "warn")
    let expired = try #require(account.finding("expired_waiver", "edit_employee_permissions"))
    #expect(expired["status"] as? String == "warn")

    let lastDay = try sandbox.write(Self.waivers(expires: "2026-12-05"), to: "last-day.yaml")
    let stillValid = try CLI.audit(evidence: [Self.examples], ["--waivers", lastDay]).report()
      .account("m_7302")
    #expect(stillValid.finding("expired_waiver", "edit_employee_permissions") == nil)
    #expect(
      stillValid.finding("excess_permission", "edit_employee_permissions")?["status"]
        as? String == "waived")
  }

  @Test func anInvalidWaiversFileIsALocatedInputError() throws {
    let path = try sandbox.write(
      Self.waivers().replacingOccurrences(of: "approved_by", with: "aproved_by"),
      to: "waivers.yaml")
    let result = CLI.audit(evidence: [Self.examples], ["--waivers", path])
    expectInputError(
      result, mentioning: ["unknown key 'aproved_by'", "did you mean 'approved_by'"])
    expectLocated(result, in: "waivers.yaml", line: 8)
  }

  @Test func aMissingWaiversFileIsAnInputError() {
    let result = CLI.audit(evidence: [Self.examples], ["--waivers", sandbox.path + "/none.yaml"])
    expectInputError(result, mentioning: ["waivers file"])
  }

  /// Writes every format for the example, with its waivers.
  func writeReports(into folder: String) -> CLIResult {
    CLI.run([
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--evidence", Self.examples, "--waivers", Self.exampleWaivers, "--now", auditTime,
      "--format", Self.allFormats, "--reports", folder, "--quiet",
    ])
  }

  @Test func verifyAcceptsEveryReportAsWrittenAndCatchesAOneByteEdit() throws {
    let result = writeReports(into: sandbox.path + "/reports")
    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let latest = sandbox.path + "/reports/latest/"
    for name in [
      "report.json", "report.md", "report.txt", "report.html", "report.sarif",
      "report.junit.xml",
    ] {
      let path = latest + name
      let verified = CLI.run(["verify", path])
      #expect(verified.exitCode == .compliant, "\(name): \(verified.stderr)")
      #expect(verified.stdout.contains(": ok — report_sha256 "))

      let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
      for position in [0, bytes.count / 3, bytes.count / 2, bytes.count - 2] {
        var edited = bytes
        edited[position] = edited[position] == 0x20 ? 0x21 : 0x20
        let copy = try sandbox.write(bytes: edited, to: "edited-\(position)-" + name)
        let caught = CLI.run(["verify", copy])
        #expect(caught.exitCode == .nonCompliant, "\(name) edit at \(position) passed")
        #expect(caught.stderr.contains("permaudit: error: "))
      }
    }
    expectInputError(
      CLI.run(["verify", latest + "report.csv"]),
      mentioning: ["no 'report_sha256'", "CSV reports carry none"])
    let plain = try sandbox.write("{\"hello\": 1}\n", to: "plain.json")
    let unsealed = CLI.run(["verify", plain])
    expectInputError(unsealed, mentioning: ["no 'report_sha256'", "not written by permaudit"])
    #expect(!unsealed.stderr.contains("CSV"))
    expectInputError(
      CLI.run(["verify", sandbox.path + "/missing.json"]), mentioning: ["cannot be read"])
    expectInputError(
      CLI.run(["verify", latest]), mentioning: ["is a folder", "report.json"])
  }

  @Test func theSameInputsGiveByteIdenticalReportsInEveryFormat() throws {
    _ = writeReports(into: sandbox.path + "/a")
    _ = writeReports(into: sandbox.path + "/b")
    for format in ["json", "md", "txt", "html", "sarif", "junit.xml", "csv"] {
      let first = FileManager.default.contents(atPath: sandbox.path + "/a/latest/report." + format)
      let second = FileManager.default.contents(atPath: sandbox.path + "/b/latest/report." + format)
      #expect(first != nil)
      #expect(first == second, "report.\(format) differs between runs")
    }
  }

  @Test func standardOutputCarriesAVerifiableDigestToo() throws {
    for format in ["sarif", "junit", "html", "json"] {
      let result = CLI.audit(
        evidence: [Self.examples], ["--waivers", Self.exampleWaivers], stdout: format)
      let path = try sandbox.write(result.stdout, to: "stdout." + format)
      #expect(CLI.run(["verify", path]).exitCode == .compliant, "\(format)")
    }
  }

  static func explain(_ subject: String) -> CLIResult {
    CLI.run([
      "explain", subject, "--policy", "goprofiles-justworks", "--policies-dir",
      Repository.policies,
    ])
  }

  @Test(arguments: ["view_invoices_and_reporting", "View invoices & reporting"])
  func explainPrintsAPermissionsReasonImpactFixAndRisk(_ subject: String) {
    let result = Self.explain(subject)
    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(result.stdout.contains("(view_invoices_and_reporting) must be held"))
    #expect(result.stdout.contains("Why: "))
    #expect(result.stdout.contains("Employee Census Report"))
    #expect(result.stdout.contains("Breaks: "))
    #expect(result.stdout.contains("Grant: "))
    #expect(result.stdout.contains("Risk: "))
  }

  @Test func explainDescribesAnAttributeAndAnExcessPermission() {
    let title = Self.explain("title")
    #expect(title.exitCode == .compliant)
    #expect(title.stdout.contains("Title (title) must be 'Service Account'"))
    #expect(title.stdout.contains("Fix: Set 'Title' to 'Service Account' ("))
    let excess = Self.explain("edit_employee_permissions")
    #expect(excess.exitCode == .compliant)
    #expect(excess.stdout.contains("is not required by policy 'goprofiles-justworks'"))
    #expect(excess.stdout.contains("Risk: critical"))
    #expect(excess.stdout.contains("remove the service account"))
  }

  /// An attribute may be named as the reports show it, as a waiver may name it.
  @Test(arguments: [
    ("Title", "title"), ("work email", "work_email"), ("Member Type", "member_type"),
  ])
  func explainFindsAnAttributeByItsLabel(label: String, name: String) {
    let result = Self.explain(label)
    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(result.stdout.contains("(\(name)) must be"), "\(result.stdout)")
  }

  @Test func explainSuggestsAKnownSubject() {
    expectInputError(
      Self.explain("view_invoices_and_reportng"),
      mentioning: ["did you mean 'view_invoices_and_reporting'?"])
  }
}
