/// What a command line asks for: run a command, or show a command's help.
public enum ParseOutcome: Sendable, Hashable {
  /// Run the command at ``ParsedArguments/commandPath`` with these arguments.
  case run(ParsedArguments)
  /// `--help` or `-h` was given: show the help of this command.
  case help(HelpRequest)
}

/// A request to show the help of one command.
public struct HelpRequest: Sendable, Hashable {
  /// The command whose help is wanted, from the root: `["permaudit", "audit"]`.
  public let commandPath: [String]
  /// That command's declaration.
  public let command: CommandSpec
}
