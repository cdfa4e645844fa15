import PermauditCore
import PermauditInput

/// `permaudit explain SUBJECT --policy ID`: one requirement in words, with its reason,
/// what breaks without it, how to fix it and the permission's risk. A permission the
/// policy does not require is explained as an excess permission.
struct ExplainCommand {
  let subject: String
  let policy: String
  let lookup: PolicyLookup
  let console: Console

  init(_ parsed: ParsedArguments, console: Console) {
    subject = parsed.positionals.first ?? ""
    policy = parsed.value(for: "policy") ?? ""
    lookup = PolicyLookup(parsed)
    self.console = console
  }

  func run() throws(CommandFailure) -> ExitCode {
    let loaded = try lookup.load(policy)
    let explanation = RequirementExplanation(policy: loaded.policy, catalog: loaded.catalog)
    guard let text = explanation.text(for: subject) else {
      let known = explanation.subjects
      let suggestion = Suggestion.closest(to: subject, among: known).map {
        "; did you mean '\($0)'?"
      }
      throw .usage(
        "'\(subject)' is neither a permission nor an attribute of policy "
          + "'\(loaded.policy.id)'\(suggestion ?? "")")
    }
    console.write(text)
    return .compliant
  }
}

/// The words `explain` prints, built from the policy and catalog alone.
struct RequirementExplanation {
  let policy: Policy
  let catalog: Catalog

  /// Every subject `explain` knows: permission ids and attribute names.
  var subjects: [String] {
    catalog.permissions.map(\.id) + policy.attributeRequirements.map(\.requirement.attribute)
  }

  /// The explanation of `subject` (an id, a permission name in any spelling, or an
  /// attribute's name or label), or `nil` when the policy and catalog know no such thing.
  func text(for subject: String) -> String? {
    let index = PermissionIndex(catalog: catalog)
    let description = PolicyDescription(policy: policy, catalog: catalog)
    let paths = PermissionPaths(index: index, system: catalog.system)

    // Note: an exact permission id wins over an attribute's label, as for waivers.
    let attribute =
      catalog.permission(id: subject) != nil
      ? subject : catalog.attribute(matching: subject)?.name ?? subject
    if let (step, requirement) = policy.attributeRequirements.first(where: {
      $0.requirement.attribute == attribute
    }) {
      return lines(
        ["Step: \(step.title) [\(step.id)]"] + description.describe(requirement))
    }
    let id = catalog.permission(id: subject)?.id ?? index.id(forName: subject)
    guard let id, let definition = catalog.permission(id: id) else { return nil }
    let facts =
      "Risk: \(definition.risk.rawValue)"
      + (definition.access.map { ", access \($0.rawValue)" } ?? "")
      + (definition.group.map { ", group '\($0)'" } ?? "")

    if let (step, requirement) = policy.permissionRequirements.first(where: {
      $0.requirement.id == id
    }) {
      return lines(
        ["Step: \(step.title) [\(step.id)]"]
          + description.describe(requirement, paths: paths) + ["      " + facts])
    }
    let status =
      policy.excess.findingStatus.map { "an excess_permission finding (\($0.rawValue))" }
      ?? "not reported (excess: ignore)"
    return lines([
      "  • \(definition.name) (\(id)) is not required by policy '\(policy.id)'",
      "      Held, it is \(status): least privilege asks to remove it.",
      "      " + facts,
      "      Fix: " + paths.revoke(definition),
    ])
  }

  private func lines(_ lines: [String]) -> String {
    "\(policy.title) (\(policy.id))\n" + lines.joined(separator: "\n") + "\n"
  }
}
