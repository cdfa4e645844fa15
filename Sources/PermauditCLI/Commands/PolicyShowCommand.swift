import PermauditCore
import PermauditInput

/// `permaudit policy show ID|PATH`: the requirements and their reasons, by setup step.
struct PolicyShowCommand {
  let reference: String
  let lookup: PolicyLookup
  let console: Console

  init(_ parsed: ParsedArguments, console: Console) {
    reference = parsed.positionals.first ?? ""
    lookup = PolicyLookup(parsed)
    self.console = console
  }

  func run() throws(CommandFailure) -> ExitCode {
    let loaded = try lookup.load(reference)
    console.write(PolicyDescription(policy: loaded.policy, catalog: loaded.catalog).text)
    return .compliant
  }
}

/// A policy in words: what each step requires and why.
struct PolicyDescription {
  let policy: Policy
  let catalog: Catalog

  var text: String {
    var lines = ["\(policy.title) (\(policy.id))"]
    if let source = policy.source {
      lines.append("Source: \(source.title)" + (source.url.map { " <\($0)>" } ?? ""))
    }
    lines.append("System: \(catalog.title) (\(catalog.system))")
    if !policy.parameters.isEmpty {
      lines.append("Parameters:")
      for parameter in policy.parameters {
        let required = parameter.isRequired ? ", required" : ""
        lines.append(
          "  \(parameter.name) (\(parameter.type.rawValue)\(required))"
            + (parameter.description.map { ": \($0)" } ?? ""))
      }
    }

    let paths = PermissionPaths(index: PermissionIndex(catalog: catalog), system: catalog.system)
    for (number, step) in policy.steps.enumerated() {
      lines.append("")
      lines.append("Step \(number + 1) · \(step.title) [\(step.id)]")
      if let instructions = step.instructions { lines.append(indent(instructions, by: 2)) }
      for requirement in step.attributes {
        lines.append(contentsOf: describe(requirement))
      }
      for requirement in step.permissions {
        lines.append(contentsOf: describe(requirement, paths: paths))
      }
    }

    lines.append("")
    lines.append("Permissions beyond these: \(policy.excess.rawValue)")
    if let age = policy.maxEvidenceAge {
      lines.append("Evidence older than \(age.text) is stale.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func describe(_ requirement: AttributeRequirement) -> [String] {
    let definition = catalog.attribute(named: requirement.attribute)
    let label = definition?.displayName ?? requirement.attribute
    let rule: String
    switch requirement.rule {
    case .any: rule = "any value"
    case .equals(let value): rule = "must be \(quoted(value))"
    case .oneOf(let values): rule = "must be one of " + values.map(quoted).joined(separator: ", ")
    }
    var lines = ["  • \(label) (\(requirement.attribute)) \(rule) [\(requirement.severity)]"]
    if let reason = requirement.reason { lines.append(indent("Why: \(reason)", by: 6)) }
    if let impact = requirement.impact { lines.append(indent("Breaks: \(impact)", by: 6)) }
    // Note: the same fix a mismatch finding gives (every value quoted, a flag too), with
    // templates shown as the policy writes them.
    let expected = requirement.rule.expectedValues.map { "'\(plain($0))'" }
    let setting =
      expected.isEmpty
      ? nil
      : AttributeFix.setting(
        definition ?? AttributeDefinition(name: requirement.attribute, type: .string),
        to: expected)
    if let fix = requirement.remediation ?? setting { lines.append(indent("Fix: \(fix)", by: 6)) }
    return lines
  }

  func describe(_ requirement: PermissionRequirement, paths: PermissionPaths)
    -> [String]
  {
    let definition = catalog.permission(id: requirement.id)
    let name = definition?.name ?? requirement.id
    var lines = ["  • \(name) (\(requirement.id)) must be held [\(requirement.severity)]"]
    lines.append(indent("Why: \(requirement.reason)", by: 6))
    if let impact = requirement.impact { lines.append(indent("Breaks: \(impact)", by: 6)) }
    if let overgrant = requirement.overgrant {
      lines.append(indent("Accepted over-grant: \(overgrant)", by: 6))
    }
    if let definition {
      lines.append(indent("Grant: \(requirement.remediation ?? paths.grant(definition))", by: 6))
    }
    return lines
  }

  /// `value` as a rule shows it: text quoted, a flag bare.
  private func quoted(_ value: ExpectedValue) -> String {
    if case .boolean = value { return plain(value) }
    return "'\(plain(value))'"
  }

  /// `value` as the policy writes it, templates unfilled.
  private func plain(_ value: ExpectedValue) -> String {
    switch value {
    case .boolean(let flag): return flag ? "true" : "false"
    case .text(let template): return "\(template)"
    }
  }

  private func indent(_ text: String, by width: Int) -> String {
    String(repeating: " ", count: width) + text
  }
}
