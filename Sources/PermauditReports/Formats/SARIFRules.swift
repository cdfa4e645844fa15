import PermauditCore

/// The rules of the SARIF report: one per requirement of the policy, with its documented
/// reason, impact and fix as help text, then one per finding kind for findings that no
/// requirement owns (excess permissions, unrecognized names, stale evidence, …). Results
/// find their rule through ``SARIFRuleIndex``, which lists the rules in the same order.
struct SARIFRules {
  struct Rule {
    let id: String
    let summary: String
    let description: String
    let help: String
    let severity: Severity
    let step: String?
  }

  let rules: [Rule]

  init(report: AuditReport) {
    let catalog = report.catalog
    let paths = PermissionPaths(
      index: PermissionIndex(catalog: catalog), system: catalog.system)
    var rules: [Rule] = []
    for step in report.policy.steps {
      for requirement in step.attributes {
        let label =
          catalog.attribute(named: requirement.attribute)?.displayName
          ?? requirement.attribute
        let reason = requirement.reason ?? "The policy sets this attribute."
        rules.append(
          Rule(
            id: Self.attributeRule(requirement.attribute),
            summary: "\(label) is set as the setup guide says",
            description: reason,
            help: Self.help(
              why: reason, breaks: requirement.impact,
              fix: requirement.remediation ?? "Set '\(label)' as the policy requires."),
            severity: requirement.severity, step: step.id))
      }
      for requirement in step.permissions {
        let definition = catalog.permission(id: requirement.id)
        let name = definition?.name ?? requirement.id
        rules.append(
          Rule(
            id: Self.permissionRule(requirement.id), summary: "\(name) is held",
            description: requirement.reason,
            help: Self.help(
              why: requirement.reason, breaks: requirement.impact,
              fix: requirement.remediation ?? definition.map(paths.grant)
                ?? "Grant '\(name)' to the service account."),
            severity: requirement.severity, step: step.id))
      }
    }
    for kind in FindingKind.allCases {
      rules.append(
        Rule(
          id: kind.rawValue, summary: Self.summaries[kind] ?? kind.rawValue,
          description: Self.summaries[kind] ?? kind.rawValue,
          help: Self.summaries[kind] ?? kind.rawValue, severity: .medium, step: nil))
    }
    self.rules = rules
  }

  static func permissionRule(_ id: String) -> String { "permission/" + id }
  static func attributeRule(_ name: String) -> String { "attribute/" + name }

  private static func help(why: String, breaks: String?, fix: String) -> String {
    var lines = ["Why: " + why]
    if let breaks { lines.append("Breaks: " + breaks) }
    lines.append("Fix: " + fix)
    return lines.joined(separator: "\n")
  }

  private static let summaries: [FindingKind: String] = [
    .missingPermission: "A required permission is not held.",
    .excessPermission: "A permission is held that the policy does not require (least "
      + "privilege).",
    .attributeMismatch: "An account attribute differs from the setup guide.",
    .unrecognizedPermission: "A held permission name matches nothing in the catalog, so it "
      + "cannot be checked.",
    .missingEvidence: "No evidence says whether a requirement holds (fail-closed).",
    .staleEvidence: "Evidence is older than the policy's maximum evidence age.",
    .conflictingEvidence: "Two evidence sources disagree on one fact.",
    .justifiedOvergrant: "A required permission grants more than the integration uses, "
      + "with the vendor's documented reason.",
    .expiredWaiver: "A waiver names the finding but has expired, so the finding counts "
      + "again.",
  ]
}
