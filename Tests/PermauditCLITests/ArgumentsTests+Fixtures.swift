import PermauditCLI
import Testing

/// A command tree shaped like permaudit's own (SPEC §3), so the tests read like real use.
enum SampleCommands {
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
        help: "Evidence to audit; repeatable; documents are merged per account."),
      .repeatable("param", valueName: "NAME=VALUE", help: "Policy parameter; repeatable."),
      .value(
        "format", valueName: "LIST", help: "Report formats, comma-separated: text, json, markdown.",
        default: "text"),
      .value(
        "reports", valueName: "DIR", help: "Where report files go; '-' for none.",
        default: "Reports/"),
      .value("fail-on", valueName: "LEVEL", help: "fail, warn or never.", default: "fail"),
      .value("now", valueName: "TIMESTAMP", help: "Evaluate as of this time."),
      .value(
        "policies-dir", valueName: "DIR", help: "Where policy IDs and catalogs are looked up.",
        default: "Policies/"),
      .flag("quiet", short: "q", help: "Print only errors."),
    ])

  static let lint = CommandSpec(
    name: "lint", abstract: "Validate catalogs and policies.",
    positionals: [.oneOrMore("PATH", help: "A catalog or policy file.")])

  static let show = CommandSpec(
    name: "show", abstract: "Print a policy's requirements and their reasons.",
    positionals: [.required("ID|PATH", help: "The policy to show.")])

  static let policy = CommandSpec(
    name: "policy", abstract: "Work with catalogs and policies.", subcommands: [lint, show])

  static let version = CommandSpec(
    name: "version", abstract: "Print version and build information.",
    options: [.flag("json", help: "Print as JSON.")])

  static let root = CommandSpec(
    name: "permaudit", abstract: "Audit a service account's permissions against a policy.",
    subcommands: [audit, policy, version])
}

extension ParseOutcome {
  /// The arguments of a command to run, or `nil` for a help request.
  var parsedArguments: ParsedArguments? {
    if case .run(let parsed) = self { parsed } else { nil }
  }

  /// The help request, or `nil` for a command to run.
  var helpRequest: HelpRequest? {
    if case .help(let request) = self { request } else { nil }
  }
}

/// Parses `arguments` (what follows `permaudit`), failing the test unless a command runs.
func parsed(
  _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
) throws -> ParsedArguments {
  let outcome = try SampleCommands.root.parse(arguments)
  return try #require(outcome.parsedArguments, "got \(outcome)", sourceLocation: sourceLocation)
}

/// Parses `arguments`, failing the test unless help is requested.
func helpRequest(
  _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
) throws -> HelpRequest {
  let outcome = try SampleCommands.root.parse(arguments)
  return try #require(outcome.helpRequest, "got \(outcome)", sourceLocation: sourceLocation)
}

/// The usage error `arguments` give, failing the test if they parse.
func usageError(
  _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
) -> ArgumentError? {
  do throws(ArgumentError) {
    let outcome = try SampleCommands.root.parse(arguments)
    Issue.record("expected a usage error, got \(outcome)", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error
  }
}
