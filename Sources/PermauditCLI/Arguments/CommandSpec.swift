/// A command of the tool, declared as data: its name, what it does, the options and
/// positional arguments it takes, and the subcommands nested under it.
///
/// The root is the tool itself; `permaudit policy lint` is the `lint` subcommand of the
/// `policy` subcommand of the root. Every command also accepts `-h` and `--help`, which
/// are therefore reserved names.
///
/// ```swift
/// let lint = CommandSpec(
///   name: "lint", abstract: "Validate catalogs and policies.",
///   positionals: [.oneOrMore("PATH", help: "A catalog or policy file.")])
/// let root = CommandSpec(
///   name: "permaudit", abstract: "Audit service accounts.",
///   subcommands: [CommandSpec(name: "policy", abstract: "Work with policies.",
///                             subcommands: [lint])])
/// ```
public struct CommandSpec: Sendable, Hashable {
  /// The word that selects the command: `audit`. For the root, the tool's name.
  public var name: String
  /// One paragraph saying what the command does, shown at the top of its help and
  /// beside its name in its parent's command list.
  public var abstract: String
  /// The options, in the order the help lists them.
  public var options: [OptionSpec]
  /// The positional arguments, in the order they are matched.
  public var positionals: [PositionalSpec]
  /// Nested commands. A command with subcommands takes no positional arguments.
  public var subcommands: [CommandSpec]

  /// Declares a command.
  public init(
    name: String, abstract: String, options: [OptionSpec] = [],
    positionals: [PositionalSpec] = [], subcommands: [CommandSpec] = []
  ) {
    self.name = name
    self.abstract = abstract
    self.options = options
    self.positionals = positionals
    self.subcommands = subcommands
  }

  /// The option with this long name (no dashes), if declared.
  public func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name }
  }

  /// The option with this one-letter short name, if declared.
  public func option(short: Character) -> OptionSpec? {
    options.first { $0.shortName == short }
  }

  /// The direct subcommand with this name, if any.
  public func subcommand(named name: String) -> CommandSpec? {
    subcommands.first { $0.name == name }
  }

  /// The command reached by following `path` from this one; `path` starts with this
  /// command's own name, as in ``ParsedArguments/commandPath``.
  public func command(at path: [String]) -> CommandSpec? {
    guard path.first == name else { return nil }
    var command = self
    for name in path.dropFirst() {
      guard let next = command.subcommand(named: name) else { return nil }
      command = next
    }
    return command
  }
}
