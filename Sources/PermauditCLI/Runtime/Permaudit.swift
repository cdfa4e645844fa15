import PermauditInput

/// The command line's entry point: parses the arguments, runs the command, and turns every
/// failure into one clear line on standard error and a documented exit code.
public enum Permaudit {
  /// Runs `permaudit` with `arguments` (without the program name).
  public static func run(_ arguments: [String], console: Console) -> ExitCode {
    let code = runCommand(arguments, console: console)
    guard let failure = console.outputFailure() else { return code }

    console.error(
      "cannot write to standard output: \(failure); what was printed is incomplete (report "
        + "files, if any, are whole): send it where it can be written")
    return code.losingOutput()
  }

  private static func runCommand(_ arguments: [String], console: Console) -> ExitCode {
    // Note: `--version` alone is what most tools answer; it is the `version` command.
    let arguments = arguments == ["--version"] ? ["version"] : arguments
    let outcome: ParseOutcome
    do {
      outcome = try CommandTree.root.parse(arguments)
    } catch {
      console.error(error.message)
      console.writeError("\(error.helpHint)\n")
      return .invalidInput
    }

    switch outcome {
    case .help(let request):
      console.write(HelpFormatter().render(request))
      return .compliant
    case .run(let parsed):
      do {
        return try dispatch(parsed, console: console)
      } catch {
        console.error(error.message)
        // Note: a usage error found after parsing (a bad option value) points at the
        // command's help like one found while parsing.
        if case .usage = error {
          console.writeError(ArgumentError.helpHint(for: parsed.commandPath) + "\n")
        }
        return error.exitCode
      }
    }
  }

  private static func dispatch(_ parsed: ParsedArguments, console: Console)
    throws(CommandFailure) -> ExitCode
  {
    switch Array(parsed.commandPath.dropFirst()) {
    case ["audit"]: return try AuditCommand(parsed, console: console).run()
    case ["collect"]: return try CollectCommand(parsed, console: console).run()
    case ["attest"]: return try AttestCommand(parsed, console: console).run()
    case ["policy", "lint"]: return try PolicyLintCommand(parsed, console: console).run()
    case ["policy", "show"]: return try PolicyShowCommand(parsed, console: console).run()
    case ["verify"]: return VerifyCommand(parsed, console: console).run()
    case ["explain"]: return try ExplainCommand(parsed, console: console).run()
    case ["history"]: return try HistoryCommand(parsed, console: console).run()
    case ["version"]:
      console.write(
        "permaudit \(BuildInfo.version) (\(BuildInfo.configuration), \(BuildInfo.compiler), "
          + "\(BuildInfo.platform))\n")
      return .compliant
    default:
      throw .usage("missing command; see 'permaudit --help'")
    }
  }
}
