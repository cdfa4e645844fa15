import Foundation
import Testing

@testable import PermauditCLI

/// `permaudit audit` end to end: evidence in a temporary folder, the repository's policy,
/// the JSON report from standard output. Each case is one kind of account the acceptance
/// cases describe, written with its own ids and values.
@Suite struct AuditCommandTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  struct JudgementCase: Sendable, CustomTestStringConvertible {
    let name: String
    let evidence: EvidenceFixture
    var arguments: [String] = []
    let exit: ExitCode
    let status: String
    /// The exact `(kind, subject)` pairs of status `fail` or `warn`.
    let findings: Set<FindingKey>
    var testDescription: String { name }
  }

  static let base = EvidenceFixture()

  static let judgementCases: [JudgementCase] = [
    JudgementCase(
      name: "a compliant account passes", evidence: base, exit: .compliant,
      status: "compliant", findings: []),
    JudgementCase(
      name: "a missing permission fails",
      evidence: base.with { $0.permissions?.removeAll { $0.hasPrefix("Upload") } },
      exit: .nonCompliant, status: "non_compliant",
      findings: [FindingKey("missing_permission", "upload_and_view_all_documents")]),
    JudgementCase(
      name: "'&' versus 'and', case, repeated space and aliases match",
      evidence: base.with {
        $0.permissions = [
          "EDIT COMPANY SETTINGS", "manage   employees", "view All Employee Info",
          "View basic employee information", "Upload and view all documents",
          "View Invoices And Reporting", "view invoices & reporting",
        ]
      },
      exit: .compliant, status: "compliant", findings: []),
    JudgementCase(
      name: "an excess permission is a warning that still passes",
      evidence: base.with {
        $0.permissions? += ["Manage all timecards", "Edit employee permissions"]
      },
      exit: .compliant, status: "compliant",
      findings: [
        FindingKey("excess_permission", "manage_all_timecards"),
        FindingKey("excess_permission", "edit_employee_permissions"),
      ]),
    JudgementCase(
      name: "--fail-on warn turns an excess warning into a failure",
      evidence: base.with { $0.permissions? += ["Manage company benefits"] },
      arguments: ["--fail-on", "warn"], exit: .nonCompliant, status: "non_compliant",
      findings: [FindingKey("excess_permission", "manage_company_benefits")]),
    JudgementCase(
      name: "title and office differ, a work email differing only in case passes",
      evidence: base.with {
        $0.attributes["title"] = .text("Integration Bot")
        $0.attributes["office"] = .text("Chicago Loop")
        $0.attributes["work_email"] = .text("Juniper-SYNC@Link.Example")
      },
      exit: .nonCompliant, status: "non_compliant",
      findings: [
        FindingKey("attribute_mismatch", "title"), FindingKey("attribute_mismatch", "office"),
      ]),
    JudgementCase(
      name: "admin access off and the wrong member type fail",
      evidence: base.with {
        $0.attributes["admin_access"] = .flag(false)
        $0.attributes["member_type"] = .text("Contractor")
      },
      exit: .nonCompliant, status: "non_compliant",
      findings: [
        FindingKey("attribute_mismatch", "admin_access"),
        FindingKey("attribute_mismatch", "member_type"),
      ]),
    JudgementCase(
      name: "a typo'd permission is unrecognized and the real one missing",
      evidence: base.with {
        $0.permissions = $0.permissions?.map { $0 == "Manage employees" ? "Manage Emploees" : $0 }
      },
      exit: .nonCompliant, status: "non_compliant",
      findings: [
        FindingKey("unrecognized_permission", "Manage Emploees"),
        FindingKey("missing_permission", "manage_employees"),
      ]),
    JudgementCase(
      name: "no permissions key leaves every permission without evidence",
      evidence: base.with { $0.permissions = nil }, exit: .nonCompliant,
      status: "inconclusive",
      findings: Set(EvidenceFixture.requiredIDs.map { FindingKey("missing_evidence", $0) })),
    JudgementCase(
      name: "an empty permissions list holds none of them",
      evidence: base.with { $0.permissions = [] }, exit: .nonCompliant,
      status: "non_compliant",
      findings: Set(EvidenceFixture.requiredIDs.map { FindingKey("missing_permission", $0) })),
    JudgementCase(
      name: "parameters can come from --param alone",
      evidence: base.with { $0.parameters = nil },
      arguments: [
        "--param", "linking_first_name=Juniper",
        "--param", "linking_work_email=juniper-sync@link.example",
      ],
      exit: .compliant, status: "compliant", findings: []),
    JudgementCase(
      name: "--param wins over the evidence's parameters",
      evidence: base.with { $0.parameters?["linking_first_name"] = "Someone Else" },
      arguments: ["--param", "linking_first_name=Juniper"], exit: .compliant,
      status: "compliant", findings: []),
    JudgementCase(
      name: "a --param value may start with a combining mark (it is split on the '=' byte)",
      evidence: base, arguments: ["--param", "linking_first_name=\u{301}Juniper"],
      exit: .nonCompliant, status: "non_compliant",
      findings: [FindingKey("attribute_mismatch", "first_name")]),
    JudgementCase(
      name: "a parameter value is substituted once, never expanded again",
      evidence: base.with {
        $0.parameters?["linking_first_name"] = "${linking_work_email}"
        $0.attributes["first_name"] = .text("${linking_work_email}")
      },
      exit: .compliant, status: "compliant", findings: []),
    JudgementCase(
      name: "--fail-on never passes failures but still reports them",
      evidence: base.with { $0.permissions?.removeAll { $0.hasPrefix("View invoices") } },
      arguments: ["--fail-on", "never"], exit: .compliant, status: "non_compliant",
      findings: [FindingKey("missing_permission", "view_invoices_and_reporting")]),
    JudgementCase(
      name: "evidence 30 days old is stale, a warning",
      evidence: base.with { $0.collectedAt = "2026-11-05T09:30:00Z" }, exit: .compliant,
      status: "compliant", findings: [FindingKey("stale_evidence", "m_7301")]),
    JudgementCase(
      name: "stale evidence fails under --fail-on warn",
      evidence: base.with { $0.collectedAt = "2026-11-05T11:30:00+02:00" },
      arguments: ["--fail-on", "warn"], exit: .nonCompliant, status: "non_compliant",
      findings: [FindingKey("stale_evidence", "m_7301")]),
    JudgementCase(
      name: "evidence up to five minutes after --now is accepted",
      evidence: base.with { $0.collectedAt = "2026-12-05T09:34:00Z" }, exit: .compliant,
      status: "compliant", findings: []),
    JudgementCase(
      name: "Unicode white space around names and values is trimmed",
      evidence: base.with {
        $0.attributes["title"] = .text("\u{3000}Service Account\t")
        $0.attributes["office"] = .text("Remote\u{00A0}(work from home)\n")
        $0.attributes["first_name"] = .text(" Juniper\u{2003}")
        $0.permissions = [
          "\u{3000}Edit company settings\u{3000}", "\tManage employees\n",
          "View all\u{00A0}employee information", "View basic employee information\u{2028}",
          "\u{200B}Upload & view all documents", "View invoices  &  reporting ",
        ]
      },
      exit: .compliant, status: "compliant", findings: []),
  ]

  @Test(arguments: judgementCases)
  func judgesOneAccount(_ example: JudgementCase) throws {
    let path = try sandbox.write(example.evidence.json, to: "evidence.json")
    let result = CLI.audit(evidence: [path], example.arguments)

    #expect(result.exitCode == example.exit, "stderr: \(result.stderr)")
    #expect(!result.hasTrace)
    let report = try result.report()
    let account = try report.account(example.evidence.accountID)
    #expect(account.status == example.status)
    #expect(account.judged == example.findings)
    #expect(report.summary["accounts"] == 1)
  }

  @Test func missingPermissionExplainsWhyAndHowToFix() throws {
    let evidence = Self.base.with {
      $0.permissions?.removeAll { $0 == "View basic employee information" }
    }
    let result = CLI.audit(evidence: [try sandbox.write(evidence.json, to: "e.json")])

    #expect(result.exitCode == .nonCompliant)
    let account = try result.report().account("m_7301")
    let finding = try #require(
      account.finding("missing_permission", "view_basic_employee_information"))
    #expect(finding["status"] as? String == "fail")
    #expect(finding["step"] as? String == "permissions")
    #expect(finding["expected"] as? String == "held")
    #expect(finding["actual"] as? String == "not held")
    for key in ["reason", "impact", "remediation", "severity"] {
      let text = try #require(finding[key] as? String, "no \(key)")
      #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "empty \(key)")
    }
    let remediation = finding["remediation"] as? String ?? ""
    #expect(remediation.contains("View basic employee information"))
  }

  @Test func unrecognizedPermissionSuggestsTheClosestName() throws {
    let evidence = Self.base.with { $0.permissions? += ["View invoices & reportin"] }
    let result = CLI.audit(evidence: [try sandbox.write(evidence.json, to: "e.json")])

    let finding = try #require(
      try result.report().account("m_7301")
        .finding("unrecognized_permission", "View invoices & reportin"))
    #expect(finding["status"] as? String == "warn")
    #expect(finding["suggestion"] as? String == "View invoices & reporting")
  }

  @Test func attributeMismatchNamesBothValues() throws {
    let evidence = Self.base.with { $0.attributes["department"] = .text("Engineering") }
    let result = CLI.audit(evidence: [try sandbox.write(evidence.json, to: "e.json")])

    let finding = try #require(
      try result.report().account("m_7301").finding("attribute_mismatch", "department"))
    #expect(finding["expected"] as? String == "No Department")
    #expect(finding["actual"] as? String == "Engineering")
    #expect(!(finding["reason"] as? String ?? "").isEmpty)
  }

  @Test func yamlEvidenceReadsYesPlainDatesAndEmptyValues() throws {
    let yaml = """
      system: justworks
      collected_at: 2026-12-05T07:00:00Z
      source: attestation:hr-ops@example.test
      parameters:
        linking_first_name: Juniper
        linking_work_email: juniper-sync@link.example
      account:
        id: m_7302
        first_name: Juniper
        last_name: Service Account
        work_email: juniper-sync@link.example
        member_type: 3rd Party Admin / Accountant
        admin_access: Yes
        title: Service Account
        department: No Department
        office: Remote (work from home)
        manager:
        start_date: 2026-11-21
        invitation: work_email
      permissions:
        - Edit company settings
        - Manage Employees
        - View all employee information
        - View basic employee information
        - Upload and View all Documents
        - View Invoices and Reporting

      """
    let result = CLI.audit(evidence: [try sandbox.write(yaml, to: "account.yaml")])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let account = try result.report().account("m_7302")
    #expect(account.status == "compliant")
    #expect(account.judged.isEmpty)
  }

  @Test func twoSourcesThatDisagreeAreConflictingEvidence() throws {
    let profile = Self.base
    let screen = Self.base.with {
      $0.source = "screenshot:permissions-tab"
      $0.collectedAt = "2026-12-05T08:10:00Z"
      $0.parameters = nil
      $0.attributes = [:]
      $0.permissions?.removeAll { $0 == "Manage employees" }
    }
    let result = CLI.audit(evidence: [
      try sandbox.write(profile.json, to: "profile.json"),
      try sandbox.write(screen.json, to: "screen.json"),
    ])

    #expect(result.exitCode == .nonCompliant)
    let account = try result.report().account("m_7301")
    #expect(account.status == "inconclusive")
    #expect(account.judged == [FindingKey("conflicting_evidence", "manage_employees")])
    #expect(account.evidence.count == 2)
  }

  @Test func standardInputIsReadForADash() throws {
    let result = CLI.audit(evidence: ["-"], input: Array(Self.base.json.utf8))

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let account = try result.report().account("m_7301")
    #expect(account.status == "compliant")
    let origins = account.evidence.compactMap { $0["origin"] as? String }
    #expect(origins == ["<stdin>"])
  }

  @Test func theHumanSummaryIsPrintedWithoutStdoutFormat() throws {
    let path = try sandbox.write(Self.base.json, to: "e.json")
    let result = CLI.run([
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", auditTime, "--reports", "-", "--evidence", path,
    ])

    #expect(result.exitCode == .compliant)
    #expect(result.stdout.contains("m_7301"))
    #expect(result.stdout.contains("1 compliant"))
    #expect(!result.stdout.contains("Reports:"))
    #expect(result.stderr.isEmpty)
  }

  @Test func quietPrintsNothing() throws {
    let path = try sandbox.write(Self.base.json, to: "e.json")
    let result = CLI.run([
      "audit", "-q", "--policies-dir", Repository.policies, "-p", "goprofiles-justworks",
      "--now", auditTime, "--reports", "-", "-e", path,
    ])

    #expect(result.exitCode == .compliant)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.isEmpty)
  }

  @Test func aPolicyGivenAsAPathIsApplied() throws {
    let path = try sandbox.write(Self.base.json, to: "e.json")
    let result = CLI.run([
      "audit", "--policy", Repository.policies + "/goprofiles-justworks.yaml",
      "--catalog", Repository.policies + "/catalogs/justworks.yaml",
      "--now", auditTime, "--reports", "-", "--stdout", "json", "--evidence", path,
    ])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(try result.report().account("m_7301").status == "compliant")
  }
}
