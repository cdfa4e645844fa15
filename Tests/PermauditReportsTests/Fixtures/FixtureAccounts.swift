import Foundation
import PermauditCore

/// Audit results built by hand, as the engine would report them, so the goldens depend on
/// the renderers alone.
enum FixtureAccounts {
  static let attestation = Provenance(
    source: "attestation:it-admin@example.com", collectedAt: date("2026-12-01T09:00:00Z"),
    origin: "evidence/m_1001.json", sha256: String(repeating: "3f1c", count: 16))
  static let api = Provenance(
    source: "justworks-api", collectedAt: date("2026-11-20T09:00:00Z"),
    origin: "batch.jsonl:3", sha256: String(repeating: "a07e", count: 16))

  /// Every requirement met; the documented over-grant is noted.
  static func compliant(id: String = "m_1000") -> AccountResult {
    var evidence = attestation
    evidence.origin = "evidence/\(id).json"
    var passed = attributeChecks(except: [], evidence: [evidence])
    passed += permissionChecks(except: [], evidence: [evidence])
    return AccountResult(
      id: id, status: .compliant, evidence: [evidence],
      findings: [overgrant(evidence: [evidence])], passed: passed)
  }

  /// Set up as the guide says but for one missing permission, and one excess permission.
  static func missingOnePermission(id: String) -> AccountResult {
    var account = drifted(id: id)
    account.status = .nonCompliant
    account.evidence = [attestation]
    account.findings = account.findings.filter {
      [.missingPermission, .justifiedOvergrant].contains($0.kind)
        || $0.subject == "manage_company_benefits"
    }
    account.passed =
      attributeChecks(except: [], evidence: [attestation])
      + permissionChecks(except: ["view_invoices_and_reporting"], evidence: [attestation])
    return account
  }

  /// Drifted from the guide in every way the engine reports.
  static func drifted(id: String = "m_1001") -> AccountResult {
    let both = [attestation, api]
    var findings = [
      Finding(
        kind: .attributeMismatch, status: .fail, severity: .medium, subject: "first_name",
        step: "service-account", expected: "Acme", actual: "Acne",
        reason: "The guide says \"First Name: First name provided in the linking flow\".",
        impact: "The Justworks member does not match the service user that GoProfiles' "
          + "linking flow describes, which can stop the account from being linked.",
        remediation: "Set 'First Name' to 'Acme' (Employees → the member → profile).",
        evidence: [attestation]),
      Finding(
        kind: .missingEvidence, status: .fail, severity: .medium, subject: "office",
        step: "service-account", expected: "Remote (work from home)",
        actual: "not stated in any evidence",
        remediation: "Supply evidence that states 'Office': an attestation or an export "
          + "that includes it, then audit again."),
      overgrant(evidence: both),
      Finding(
        kind: .conflictingEvidence, status: .fail, severity: .high, subject: "manage_employees",
        step: "permissions", expected: "held",
        actual: "held according to justworks-api; not held according to "
          + "attestation:it-admin@example.com",
        reason: FixtureCatalog.Reasons.employees,
        remediation: "Find out which source is right, correct or re-collect the other, and "
          + "audit again.",
        risk: .high, evidence: both),
      Finding(
        kind: .missingPermission, status: .fail, severity: .high,
        subject: "view_invoices_and_reporting", step: "permissions", expected: "held",
        actual: "not held", reason: FixtureCatalog.Reasons.reports,
        impact: FixtureCatalog.Reasons.reportsImpact,
        remediation: "In Company → Permissions → Administrator permissions tab, under "
          + "'Payments', turn on 'View invoices & reporting' and save.",
        risk: .high, evidence: both),
    ]
    findings += [
      excess("edit_employee_permissions", "Edit employee permissions", .critical, "Settings"),
      excess("manage_company_benefits", "Manage company benefits", .high, "Benefits"),
      Finding(
        kind: .unrecognizedPermission, status: .warn, severity: .medium,
        subject: "Manage all timecard", expected: "a permission of the 'justworks' catalog",
        actual: "matches no known permission",
        reason: "A name that matches nothing cannot be checked.",
        remediation: "Check the spelling: did you mean 'Manage all timecards'? Otherwise add "
          + "it to the catalog.",
        suggestion: "Manage all timecards", evidence: [api]),
      Finding(
        kind: .staleEvidence, status: .warn, severity: .medium, subject: id,
        expected: "collected within P7D before 2026-12-03T12:00:00Z",
        actual: "collected 2026-11-20T09:00:00Z (13 days earlier) by justworks-api",
        reason: "Evidence older than P7D may no longer describe the account.",
        remediation: "Collect fresh evidence from 'justworks-api' and audit again.",
        evidence: [api]),
    ]
    let passed =
      attributeChecks(except: ["first_name", "office"], evidence: both)
      + permissionChecks(
        except: ["manage_employees", "view_invoices_and_reporting"], evidence: both)
    return AccountResult(
      id: id, status: .inconclusive, evidence: both, findings: findings, passed: passed)
  }

  /// Evidence written to break reports: markup, pipes, line breaks, terminal escapes.
  static func hostile() -> AccountResult {
    let evidence = Provenance(
      source: "attestation:<script>alert(1)</script>", collectedAt: date("2026-12-02T10:30:00Z"),
      origin: "evil|dir/`x`.json", sha256: String(repeating: "0bad", count: 16))
    let findings = [
      mismatch(
        "first_name", expected: "Zoë",
        actual: "Zoë 名前 \u{1B}[31mRED\u{1B}[0m \u{202E}txt.exe",
        evidence: evidence),
      mismatch(
        "title", expected: "Service Account",
        actual: "Service Account\n# Injected heading | with pipe", evidence: evidence),
      mismatch(
        "department", expected: "No Department", actual: "[x](javascript:alert(1))",
        evidence: evidence),
      Finding(
        kind: .unrecognizedPermission, status: .warn, severity: .medium,
        subject: "`rm -rf /` <img src=x onerror=alert(1)> *bold* _it_ \\| ~~s~~",
        expected: "a permission of the 'justworks' catalog",
        actual: "matches no known permission",
        remediation: "Check the spelling, or add the permission to the 'justworks' catalog.",
        evidence: [evidence]),
    ]
    let passed =
      attributeChecks(
        except: ["first_name", "title", "department"], evidence: [evidence])
      + permissionChecks(except: [], evidence: [evidence])
    return AccountResult(
      id: "m_6666|<b>`x`</b>", status: .nonCompliant, evidence: [evidence],
      findings: findings, passed: passed)
  }

  static func date(_ text: String) -> Date {
    Timestamp.parse(text)!
  }

  private static let attributeValues: [(String, String, String)] = [
    ("member_type", "3rd Party Admin / Accountant", "3rd Party Admin / Accountant"),
    ("admin_access", "true", "true"), ("first_name", "Acme", "Acme"),
    ("last_name", "Service Account", "Service Account"),
    ("title", "Service Account", "Service Account"), ("manager", "any value", "empty"),
    ("department", "No Department", "No Department"),
    ("office", "Remote (work from home)", "Remote (work from home)"),
    ("start_date", "any value", "2026-11-30"),
    ("work_email", "acme-svc@connect.example", "acme-svc@connect.example"),
    ("invitation", "work_email", "work_email"),
  ]

  private static func attributeChecks(except failing: Set<String>, evidence: [Provenance])
    -> [PassedCheck]
  {
    attributeValues.filter { !failing.contains($0.0) }.map { name, expected, actual in
      PassedCheck(
        kind: .attribute, subject: name, step: "service-account", expected: expected,
        actual: actual, evidence: evidence)
    }
  }

  private static func permissionChecks(except failing: Set<String>, evidence: [Provenance])
    -> [PassedCheck]
  {
    FixtureCatalog.policy.permissionRequirements.map(\.requirement.id)
      .filter { !failing.contains($0) }.map { id in
        PassedCheck(
          kind: .permission, subject: id, step: "permissions", expected: "held",
          actual: "held", evidence: evidence)
      }
  }

  private static func overgrant(evidence: [Provenance]) -> Finding {
    Finding(
      kind: .justifiedOvergrant, status: .info, severity: .info,
      subject: "edit_company_settings", step: "permissions", expected: "held", actual: "held",
      reason: FixtureCatalog.Reasons.overgrant, impact: FixtureCatalog.Reasons.companySettings,
      risk: .high, evidence: evidence)
  }

  private static func excess(_ id: String, _ name: String, _ risk: Risk, _ group: String)
    -> Finding
  {
    Finding(
      kind: .excessPermission, status: .warn, severity: risk.severity, subject: id,
      expected: "not held (not required by this policy)", actual: "held",
      reason: "Not required by the policy.",
      impact: "Grants \(risk.rawValue)-risk access the integration does not need.",
      remediation: "In Company → Permissions → Administrator permissions tab, under "
        + "'\(group)', turn off '\(name)' and save, unless a documented need exists (then add "
        + "it to the policy with its reason).",
      risk: risk, evidence: [attestation])
  }

  private static func mismatch(
    _ attribute: String, expected: String, actual: String, evidence: Provenance
  ) -> Finding {
    Finding(
      kind: .attributeMismatch, status: .fail, severity: .low, subject: attribute,
      step: "service-account", expected: expected, actual: actual,
      reason: "The guide says to fill out the form with this value.",
      remediation: "Set the field to '\(expected)'.", evidence: [evidence])
  }
}
