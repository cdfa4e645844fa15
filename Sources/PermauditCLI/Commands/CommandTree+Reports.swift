/// The options and commands around reports: `--waivers` for `audit`, `verify` (a report's
/// own digest) and `explain` (one requirement in words).
extension CommandTree {
  static let waiversOption = OptionSpec.value(
    "waivers", valueName: "FILE",
    help: "Waivers (YAML or JSON): accepted findings with owner, approver and expiry.")

  static let verify = CommandSpec(
    name: "verify",
    abstract: "Check that report files are as permaudit wrote them (exit 1 if edited).",
    positionals: [
      .oneOrMore("REPORT", help: "A report file: json, markdown, html, sarif, junit or text.")
    ])

  static let explain = CommandSpec(
    name: "explain",
    abstract: "Print a requirement's reason, impact, fix and risk.",
    options: [
      .value(
        "policy", short: "p", valueName: "ID|PATH",
        help: "Policy whose requirement to explain.", isRequired: true),
      catalogOption, policiesDirOption,
    ],
    positionals: [
      .required(
        "SUBJECT", help: "A permission id or name, or an attribute name, as findings name it.")
    ])
}
