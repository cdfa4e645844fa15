extension CommandSpec {
  /// The long name of the built-in help option.
  static let helpName = "help"
  /// The short name of the built-in help option.
  static let helpShortName: Character = "h"

  /// Mistakes in the declaration of this command and its subcommands, one sentence each;
  /// empty when the declaration is sound. The parser assumes a sound declaration, so a
  /// test should assert this is empty for every command tree the tool ships.
  public var definitionProblems: [String] {
    problems(path: [name], inherited: [])
  }

  private func problems(path: [String], inherited: [String]) -> [String] {
    let label = "'\(path.joined(separator: " "))'"
    var found: [String] = []

    var seenNames = Set<String>()
    var seenShorts = Set<Character>()
    for option in options {
      if option.name.isEmpty || option.name.hasPrefix("-") || option.name.contains("=") {
        found.append("\(label): option name '\(option.name)' must be a bare word")
      }
      if option.name == Self.helpName || option.shortName == Self.helpShortName {
        found.append("\(label): \(option.longForm) uses a name reserved for help")
      }
      if !seenNames.insert(option.name).inserted {
        found.append("\(label): \(option.longForm) is declared twice")
      }
      if inherited.contains(option.name) {
        found.append("\(label): \(option.longForm) is also declared by a parent command")
      }
      if let short = option.shortName, !seenShorts.insert(short).inserted {
        found.append("\(label): -\(short) is used by two options")
      }
      if option.kind == .flag, option.isRequired {
        found.append("\(label): \(option.longForm) is a flag and cannot be required")
      }
      if option.takesValue == (option.valueName == nil) {
        let rule = option.takesValue ? "needs a value name" : "is a flag and takes no value name"
        found.append("\(label): \(option.longForm) \(rule)")
      }
    }

    if !subcommands.isEmpty, !positionals.isEmpty {
      found.append("\(label): a command with subcommands cannot take positional arguments")
    }
    found += positionalOrderProblems(in: label)

    var seenCommands = Set<String>()
    for subcommand in subcommands where !seenCommands.insert(subcommand.name).inserted {
      found.append("\(label): subcommand '\(subcommand.name)' is declared twice")
    }
    let visible = inherited + options.map(\.name)
    for subcommand in subcommands {
      found += subcommand.problems(path: path + [subcommand.name], inherited: visible)
    }
    return found
  }

  /// Positionals match greedily in order, which only works if required ones come first
  /// and a variadic one comes last.
  private func positionalOrderProblems(in label: String) -> [String] {
    var found: [String] = []
    var sawOptional = false
    for (index, positional) in positionals.enumerated() {
      if positional.isVariadic, index != positionals.count - 1 {
        found.append("\(label): <\(positional.name)> takes the rest and must come last")
      }
      if positional.arity == .required, sawOptional {
        found.append("\(label): required <\(positional.name)> follows an optional one")
      }
      if positional.arity != .required { sawOptional = true }
    }
    return found
  }
}
