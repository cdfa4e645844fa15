import Foundation
import PermauditInput
import Testing

@testable import PermauditCLI

/// `permaudit policy lint`, `policy show`, `version` and help, end to end.
@Suite struct PolicyCommandTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  static var shippedPolicy: String { Repository.policies + "/goprofiles-justworks.yaml" }

  @Test func lintAcceptsTheShippedPolicies() {
    let result = CLI.run(["policy", "lint", Repository.policies])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n")
    let shippedFiles = PolicyLinter.files(under: [Repository.policies])
    #expect(lines.count == shippedFiles.count)
    #expect(lines.allSatisfy { $0.contains(": ok") })
    #expect(result.stdout.contains("goprofiles-justworks.yaml: ok"))
    #expect(result.stdout.contains("catalogs/justworks.yaml: ok"))
  }

  struct LintFault: Sendable, CustomTestStringConvertible {
    let name: String
    /// The shipped policy's line to replace, and its replacement.
    let line: String
    let replacement: String
    let mentions: [String]
    var testDescription: String { name }
  }

  static let lintFaults: [LintFault] = [
    LintFault(
      name: "a misspelt top-level key", line: "excess: warn", replacement: "exces: warn",
      mentions: ["exces", "did you mean 'excess'"]),
    LintFault(
      name: "a misspelt requirement key", line: "        severity: high",
      replacement: "        severty: high", mentions: ["severty", "did you mean 'severity'"]),
    LintFault(
      name: "a permission the catalog does not have", line: "      - id: manage_employees",
      replacement: "      - id: manage_employes", mentions: ["manage_employes"]),
    LintFault(
      name: "an unknown severity", line: "        severity: low",
      replacement: "        severity: minor", mentions: ["minor"]),
  ]

  @Test(arguments: lintFaults)
  func lintLocatesAnError(_ fault: LintFault) throws {
    let original = try String(contentsOfFile: Self.shippedPolicy, encoding: .utf8)
    var lines = original.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex(of: fault.line), "no line '\(fault.line)'")
    lines[index] = fault.replacement
    let path = try sandbox.write(lines.joined(separator: "\n"), to: "broken.yaml")
    let result = CLI.run(["policy", "lint", "--policies-dir", Repository.policies, path])

    expectInputError(result, mentioning: fault.mentions)
    expectLocated(result, in: path, line: index + 1)
  }

  @Test func lintReportsEveryFileAndFailsOnAnyError() throws {
    let broken = try sandbox.write("kind: Policy\nid: [unclosed\n", to: "broken.yaml")
    let result = CLI.run([
      "policy", "lint", "--policies-dir", Repository.policies, Self.shippedPolicy, broken,
    ])

    #expect(result.exitCode == .invalidInput)
    #expect(result.stdout.contains("goprofiles-justworks.yaml: ok"))
    expectLocated(result, in: broken)
    #expect(!result.hasTrace)
  }

  @Test func lintOfNothingIsAUsageError() throws {
    try sandbox.write("not a policy\n", to: "notes.txt")
    expectInputError(CLI.run(["policy", "lint", sandbox.path]))
  }

  @Test func lintOfAMissingPathIsNamed() {
    expectInputError(
      CLI.run(["policy", "lint", sandbox.path + "/nowhere.yaml"]), mentioning: ["nowhere.yaml"])
  }

  /// A small catalog of another system whose permissions imply each other in a cycle.
  static let cyclicCatalog = """
    kind: Catalog
    system: acme-crm
    title: Acme CRM roles
    permissions:
      - {id: read_contacts, name: Read contacts, implies: [export_contacts]}
      - {id: export_contacts, name: Export contacts, implies: [read_contacts]}
      - {id: delete_contacts, name: Delete contacts, risk: critical}

    """

  static let acmePolicy = """
    kind: Policy
    id: acme-sync
    system: acme-crm
    title: Acme contact sync
    steps:
      - id: grant
        title: Grant the sync role
        permissions:
          - {id: read_contacts, severity: high, reason: "The sync reads every contact."}
    excess: fail

    """

  /// `explain` takes an exact permission id before an attribute whose label reads the
  /// same, and the label when no id matches.
  @Test func explainPrefersAnExactIdToAnAttributesLabel() throws {
    try sandbox.write(
      Self.cyclicCatalog + "attributes:\n  role: {type: string, label: read_contacts}\n",
      to: "catalogs/acme-crm.yaml")
    try sandbox.write(
      Self.acmePolicy.replacingOccurrences(
        of: "    permissions:\n",
        with: "    attributes:\n      role: {equals: Sync}\n    permissions:\n"),
      to: "acme-sync.yaml")
    func explain(_ subject: String) -> CLIResult {
      CLI.run(["explain", subject, "--policy", "acme-sync", "--policies-dir", sandbox.path])
    }

    let byID = explain("read_contacts")
    let byLabel = explain("READ_CONTACTS")

    #expect(byID.stdout.contains("(read_contacts) must be held"), "\(byID.stdout)\(byID.stderr)")
    #expect(byLabel.stdout.contains("(role) must be 'Sync'"), "\(byLabel.stdout)\(byLabel.stderr)")
  }

  @Test func lintWarnsAboutACycleButPasses() throws {
    let catalog = try sandbox.write(Self.cyclicCatalog, to: "catalogs/acme-crm.yaml")
    let result = CLI.run(["policy", "lint", catalog])

    #expect(result.exitCode == .compliant)
    #expect(result.stdout.contains("acme-crm.yaml: ok"))
    #expect(result.stderr.hasPrefix("permaudit: warning: \(catalog):"))
    #expect(result.stderr.contains("cycle"))
  }

  @Test func aPolicyWithoutRequirementsIsRefused() throws {
    try sandbox.write(Self.cyclicCatalog, to: "catalogs/acme-crm.yaml")
    let policy = try sandbox.write(
      """
      kind: Policy
      id: acme-nothing
      system: acme-crm
      title: Requires nothing
      steps:
        - id: grant
          title: Grant nothing
          permissions: []

      """, to: "empty.yaml")
    let result = CLI.run(["policy", "lint", "--policies-dir", sandbox.path, policy])

    #expect(result.exitCode == .invalidInput)
    expectLocated(result, in: policy)
  }

  @Test func anotherSystemIsAuditedThroughItsOwnCatalog() throws {
    try sandbox.write(Self.cyclicCatalog, to: "catalogs/acme-crm.yaml")
    try sandbox.write(Self.acmePolicy, to: "acme-sync.yaml")
    let evidence = try sandbox.write(
      """
      {"system": "acme-crm", "collected_at": "2026-12-05T08:00:00+01:00",
       "source": "crm-export", "account": {"id": "svc-sync"},
       "permissions": ["export contacts", "Delete Contacts"]}
      """, to: "crm.json")
    let result = CLI.run([
      "audit", "--policies-dir", sandbox.path, "--policy", "acme-sync", "--now", auditTime,
      "--reports", "-", "--stdout", "json", "--evidence", evidence,
    ])

    #expect(result.exitCode == .nonCompliant, "\(result.stderr)")
    let account = try result.report().account("svc-sync")
    // Note: read_contacts is held through the cycle, so only the excess fails.
    #expect(account.judged == [FindingKey("excess_permission", "delete_contacts")])
    #expect(account.finding("excess_permission", "delete_contacts")?["status"] as? String == "fail")
  }

  @Test func showPrintsEveryStepAndPermissionWithItsReason() throws {
    let result = CLI.run([
      "policy", "show", "--policies-dir", Repository.policies,
      "goprofiles-justworks",
    ])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    let loaded = try PolicyLibrary(directory: Repository.policies)
      .loadPolicy("goprofiles-justworks")
    #expect(loaded.policy.steps.map(\.id) == ["add-third-party", "service-account", "permissions"])
    for step in loaded.policy.steps {
      #expect(result.stdout.contains(step.title), "no step '\(step.title)'")
    }
    let permissions = loaded.policy.steps.flatMap(\.permissions)
    #expect(permissions.map(\.id) == EvidenceFixture.requiredIDs)
    for requirement in permissions {
      #expect(result.stdout.contains("(\(requirement.id))"), "no '\(requirement.id)'")
      #expect(result.stdout.contains(requirement.reason), "no reason for \(requirement.id)")
    }
    #expect(result.stdout.contains("linking_work_email"))
  }

  /// `policy show` gives each attribute the fix its mismatch finding gives, word for word.
  @Test(arguments: [
    ("admin_access", FieldValue.flag(false)), ("title", .text("Integration")),
    ("member_type", .text("Employee")),
  ])
  func showGivesTheFixOfAMismatch(attribute: String, held: FieldValue) throws {
    let evidence = EvidenceFixture().with { $0.attributes[attribute] = held }
    let audit = CLI.audit(evidence: [try sandbox.write(evidence.json, to: "e.json")])
    let finding = try #require(
      try audit.report().account("m_7301").finding("attribute_mismatch", attribute))
    let remediation = try #require(finding["remediation"] as? String)

    let shown = CLI.run([
      "policy", "show", "--policies-dir", Repository.policies, "goprofiles-justworks",
    ])

    #expect(shown.stdout.contains("Fix: \(remediation)\n"), "\(remediation)")
  }

  /// The same for `one_of`, with one value (said as `equals` would) and with two.
  @Test(arguments: [#"["Service Account"]"#, #"["Service Account", "Integration"]"#])
  func showGivesTheFixOfAOneOfMismatch(values: String) throws {
    let shipped = try String(contentsOfFile: Self.shippedPolicy, encoding: .utf8)
    let edited = shipped.replacingOccurrences(
      of: "      title:\n        equals: \"Service Account\"",
      with: "      title:\n        one_of: \(values)")
    #expect(edited != shipped, "the policy's title rule was not found")
    try sandbox.write(edited, to: "policies/goprofiles-justworks.yaml")
    try sandbox.write(
      String(contentsOfFile: Repository.policies + "/catalogs/justworks.yaml", encoding: .utf8),
      to: "policies/catalogs/justworks.yaml")
    let policies = sandbox.path + "/policies"
    let evidence = EvidenceFixture().with { $0.attributes["title"] = .text("Employee") }
    let audit = CLI.run([
      "audit", "--policies-dir", policies, "--policy", "goprofiles-justworks", "--now",
      auditTime, "--reports", "-", "--stdout", "json", "--evidence",
      try sandbox.write(evidence.json, to: "e.json"),
    ])
    let finding = try #require(
      try audit.report().account("m_7301").finding("attribute_mismatch", "title"))
    let remediation = try #require(finding["remediation"] as? String)

    let shown = CLI.run(["policy", "show", "--policies-dir", policies, "goprofiles-justworks"])

    #expect(shown.stdout.contains("Fix: \(remediation)\n"), "\(remediation)")
  }

  @Test func showAcceptsAPath() {
    let result = CLI.run([
      "policy", "show", "--policies-dir", Repository.policies,
      Self.shippedPolicy,
    ])

    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(result.stdout.contains("goprofiles-justworks"))
  }

  @Test func showOfAnUnknownPolicySuggestsOne() {
    let result = CLI.run([
      "policy", "show", "--policies-dir", Repository.policies,
      "goprofile-justworks",
    ])

    expectInputError(result, mentioning: ["goprofile-justworks", "goprofiles-justworks"])
  }

  @Test(arguments: [["version"], ["--version"]])
  func versionPrintsTheVersion(arguments: [String]) {
    let result = CLI.run(arguments)

    #expect(result.exitCode == .compliant)
    #expect(result.stdout.hasPrefix("permaudit \(BuildInfo.version) "))
    #expect(result.stderr.isEmpty)
  }

  /// The option names SPEC §3 fixes for `audit`.
  static let contractOptions = [
    "--policy", "--evidence", "--param", "--format", "--reports", "--stdout", "--fail-on",
    "--now", "--catalog", "--policies-dir",
  ]

  @Test func auditHelpListsEveryOption() {
    let result = CLI.run(["audit", "--help"])

    #expect(result.exitCode == .compliant)
    #expect(result.stderr.isEmpty)
    for option in Self.contractOptions + CommandTree.audit.options.map({ "--\($0.name)" }) {
      #expect(result.stdout.contains(option), "help lacks \(option)")
    }
  }

  @Test(arguments: [
    ["--help"], ["-h"], ["policy", "--help"], ["policy", "lint", "--help"],
    ["policy", "show", "--help"], ["version", "--help"],
  ])
  func helpIsPrintedForEveryCommand(_ arguments: [String]) {
    let result = CLI.run(arguments)

    #expect(result.exitCode == .compliant)
    #expect(result.stdout.contains("USAGE:"))
    #expect(result.stderr.isEmpty)
  }

  @Test func topLevelHelpListsTheCommands() {
    let result = CLI.run(["--help"])

    for command in ["audit", "policy", "version"] {
      #expect(result.stdout.contains(command))
    }
  }
}
