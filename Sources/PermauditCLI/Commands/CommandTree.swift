/// The commands and options of `permaudit` (SPEC §3), declared in one place so that
/// parsing, help and tests agree.
public enum CommandTree {
  static let policiesDirOption = OptionSpec.value(
    "policies-dir", valueName: "DIR",
    help: "Where policy IDs and catalogs are looked up.", default: "Policies")
  static let catalogOption = OptionSpec.repeatable(
    "catalog", valueName: "PATH",
    help: "Add a catalog file; catalogs under the policies folder load by system.")

  static let audit = CommandSpec(
    name: "audit",
    abstract: "Evaluate evidence against a policy, print a summary, and write reports.",
    options: [
      .value(
        "policy", short: "p", valueName: "ID|PATH",
        help: "Policy to apply; an ID is looked up under the policies folder.",
        isRequired: true),
      .repeatable(
        "evidence", short: "e", valueName: "PATH|URL|SOURCE",
        help: "Evidence to audit: a .json, .jsonl, .yaml or .yml file, a folder of them, "
          + "'-' for standard input, an https:// URL, or justworks:<work email or member "
          + "id>. Repeatable; documents are merged per account."),
      .repeatable(
        "param", valueName: "NAME=VALUE",
        help: "Policy parameter for every account (wins over evidence). Repeatable."),
      .value(
        "format", valueName: "LIST",
        help: "Report formats, comma-separated: text, json, markdown, html, sarif, junit, "
          + "csv.",
        default: "json,markdown,text"),
      .value(
        "reports", valueName: "DIR", help: "Where report files go; '-' for none.",
        default: "Reports"),
      .value(
        "stdout", valueName: "FORMAT",
        help: "Print one format to standard output instead of the human summary."),
      .value(
        "fail-on", valueName: "LEVEL",
        help: "Which findings make the exit non-zero: fail, warn or never.", default: "fail"),
      .value(
        "now", valueName: "TIMESTAMP",
        help: "Evaluate as of this time (RFC 3339 with a zone), for reproducible runs."),
      catalogOption,
      waiversOption,
      policiesDirOption,
      .value(
        "jobs", short: "j", valueName: "N",
        help: "Threads that decode and evaluate evidence; reports are the same for any N.",
        default: "all cores"),
      .flag("quiet", short: "q", help: "Print nothing but errors (reports are still written)."),
      .flag("timings", help: "Print where the run's time went on standard error."),
    ] + NetworkOptions.specs + ScheduleOptions.specs)

  static let policyLint = CommandSpec(
    name: "lint",
    abstract: "Validate catalogs and policies; exit 2 with file:line:column on errors.",
    options: [catalogOption, policiesDirOption],
    positionals: [.oneOrMore("PATH", help: "A catalog or policy file, or a folder of them.")])

  static let policyShow = CommandSpec(
    name: "show",
    abstract: "Print a policy's requirements and their reasons, grouped by setup step.",
    options: [catalogOption, policiesDirOption],
    positionals: [.required("POLICY", help: "A policy ID or the path of a policy file.")])

  static let policy = CommandSpec(
    name: "policy", abstract: "Validate and explain catalogs and policies.",
    subcommands: [policyLint, policyShow])

  static let version = CommandSpec(name: "version", abstract: "Print version and build info.")

  /// The whole tree, rooted at `permaudit`.
  public static let root = CommandSpec(
    name: "permaudit",
    abstract: "Audit the permissions and set-up of the service accounts that SaaS "
      + "integrations use, against a documented policy.",
    subcommands: [audit, collect, attest, policy, explain, verify, HistoryCommand.spec, version])
}
