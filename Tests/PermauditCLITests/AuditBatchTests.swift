import Foundation
import Testing

@testable import PermauditCLI

/// Many accounts at once: JSON Lines, top-level arrays, folders, and per-account parameters.
@Suite struct AuditBatchTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  static let birch = EvidenceFixture.compliant(id: "m_8101", firstName: "Birch")
  static let larch = EvidenceFixture.compliant(id: "m_8102", firstName: "Larch")
  static let rowan = EvidenceFixture.compliant(id: "m_8103", firstName: "Rowan")

  @Test func jsonLinesBatchIsSummarized() throws {
    let lines = [
      Self.birch.jsonLine,
      Self.larch.with { $0.permissions?.removeAll { $0 == "Edit company settings" } }.jsonLine,
      Self.rowan.with { $0.permissions? += ["Manage company benefits"] }.jsonLine,
    ]
    let path = try sandbox.write(lines.joined(separator: "\n") + "\n", to: "batch.jsonl")
    let result = CLI.audit(evidence: [path])

    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let report = try result.report()
    #expect(
      report.summary == ["accounts": 3, "compliant": 2, "non_compliant": 1, "inconclusive": 0])
    #expect(try report.account("m_8101").judged.isEmpty)
    #expect(
      try report.account("m_8102").judged
        == [FindingKey("missing_permission", "edit_company_settings")])
    let rowan = try report.account("m_8103")
    #expect(rowan.status == "compliant")
    #expect(rowan.judged == [FindingKey("excess_permission", "manage_company_benefits")])
  }

  @Test func eachAccountUsesItsOwnParameters() throws {
    // Rowan's evidence names Birch as its first name while its own linking flow says Rowan.
    let lines = [
      Self.birch.jsonLine, Self.larch.jsonLine,
      Self.rowan.with { $0.attributes["first_name"] = .text("Birch") }.jsonLine,
    ]
    let path = try sandbox.write(lines.joined(separator: "\n") + "\n", to: "batch.jsonl")
    let result = CLI.audit(evidence: [path])

    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let report = try result.report()
    #expect(report.summary["compliant"] == 2)
    #expect(report.summary["non_compliant"] == 1)
    #expect(try report.account("m_8101").status == "compliant")
    #expect(try report.account("m_8102").status == "compliant")
    #expect(
      try report.account("m_8103").judged == [FindingKey("attribute_mismatch", "first_name")])
  }

  @Test func lastLineWithoutNewlineCountsAndBlankLinesAreSkipped() throws {
    let text = [
      Self.birch.jsonLine, "   ", Self.larch.jsonLine, "",
      Self.rowan.with { $0.permissions?.removeAll { $0.hasPrefix("View invoices") } }.jsonLine,
    ].joined(separator: "\n")
    let path = try sandbox.write(text, to: "batch.jsonl")
    let result = CLI.audit(evidence: [path])

    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let report = try result.report()
    #expect(report.summary["accounts"] == 3)
    #expect(
      try report.account("m_8103").judged
        == [FindingKey("missing_permission", "view_invoices_and_reporting")])
  }

  @Test func anAccountsDocumentsAreMergedEvenWhenApart() throws {
    let screen = Self.birch.with {
      $0.source = "screenshot:permissions-tab"
      $0.parameters = nil
      $0.attributes = [:]
    }
    let lines = [
      Self.birch.with { $0.permissions = nil }.jsonLine, Self.larch.jsonLine, screen.jsonLine,
    ]
    let first = try sandbox.write(lines[0] + "\n" + lines[1] + "\n", to: "a.jsonl")
    let second = try sandbox.write(lines[2] + "\n", to: "b.jsonl")
    let result = CLI.audit(evidence: [first, second])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let report = try result.report()
    #expect(report.summary["accounts"] == 2)
    let birch = try report.account("m_8101")
    #expect(birch.judged.isEmpty)
    #expect(birch.evidence.count == 2)
  }

  @Test func aTopLevelArrayIsABatch() throws {
    let array = EvidenceFixture.serialize(
      [Self.birch.object, Self.larch.object], options: .prettyPrinted)
    let result = CLI.audit(evidence: [try sandbox.write(array, to: "accounts.json")])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(try result.report().summary["accounts"] == 2)
  }

  @Test func aFolderReadsEvidenceFilesOnlyAndMergesThem() throws {
    let profile = Self.birch.with { $0.permissions = nil }
    let grants = """
      system: justworks
      collected_at: "2026-12-05T08:00:00Z"
      source: "attestation:hr-ops@example.test"
      account:
        id: m_8101
      permissions:
        - Edit company settings
        - Manage employees
        - View all employee information
        - View basic employee information
        - Upload & view all documents
        - View invoices & reporting

      """
    // Files that look like evidence but must be ignored: each would fail the audit.
    let failing = Self.birch.with {
      $0.attributes["title"] = .text("Temp")
      $0.permissions = []
    }
    try sandbox.write(profile.json, to: "evidence/a-profile.json")
    try sandbox.write(grants, to: "evidence/b-grants.yml")
    try sandbox.write("# Evidence for m_8101\n\nSee a-profile.json.\n", to: "evidence/README.md")
    try sandbox.write("checked by hand\n", to: "evidence/notes.txt")
    try sandbox.write(failing.json, to: "evidence/a-profile.json.bak")
    try sandbox.write(failing.json, to: "evidence/old.yaml.bak")
    try sandbox.write(failing.json, to: "evidence/archive/older.json")
    let result = CLI.audit(evidence: [sandbox.path + "/evidence"])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let report = try result.report()
    #expect(report.summary["accounts"] == 1)
    let account = try report.account("m_8101")
    #expect(account.status == "compliant")
    #expect(account.judged.isEmpty)
    let sources = account.evidence.compactMap { $0["source"] as? String }.sorted()
    #expect(sources == ["attestation:hr-ops@example.test", "export:hr-ops@example.test"])
  }

  @Test func documentsForOneAccountInSeveralFilesAreMerged() throws {
    let attributes = Self.larch.with { $0.permissions = nil }
    let permissions = Self.larch.with {
      $0.attributes = [:]
      $0.parameters = nil
    }
    let result = CLI.audit(evidence: [
      try sandbox.write(attributes.json, to: "attributes.json"),
      try sandbox.write(permissions.jsonLine + "\n", to: "permissions.jsonl"),
    ])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let report = try result.report()
    #expect(report.summary["accounts"] == 1)
    #expect(try report.account("m_8102").judged.isEmpty)
  }
}
