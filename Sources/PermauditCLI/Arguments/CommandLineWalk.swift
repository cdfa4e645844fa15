import PermauditCore

/// The state of one left-to-right pass over a command line.
///
/// Note: the first error is recorded rather than thrown, and the walk goes on, because a
/// later `--help` wins over any error and must find the innermost command named.
struct CommandLineWalk {
  /// The command whose options and positionals are being read.
  private(set) var command: CommandSpec
  /// Its path from the root.
  private(set) var path: [String]
  /// Whether `--help` or `-h` was seen before `--`.
  private(set) var wantsHelp = false
  /// The first usage error seen, if any.
  private(set) var firstError: ArgumentError?

  /// The commands entered so far with their paths, root first.
  private var visited: [(path: [String], command: CommandSpec)]
  private var values: [String: [String]] = [:]
  private var flags: Set<String> = []
  private var positionals: [String] = []
  private var optionsEnded = false
  /// Set after an unknown subcommand, so later words are not taken as deeper commands.
  private var descentStopped = false

  init(root: CommandSpec) {
    command = root
    path = [root.name]
    visited = [([root.name], root)]
  }

  /// Reads one argument, taking its value from the front of `rest` if it needs one.
  mutating func consume(_ argument: String, rest: inout ArraySlice<String>) {
    if optionsEnded {
      positionals.append(argument)
      return
    }
    switch ArgumentToken(argument) {
    case .endOfOptions:
      optionsEnded = true
    case .help:
      wantsHelp = true
    case .long(let name, let inlineValue):
      guard let option = command.option(named: name) else {
        let written = String(argument.prefix { $0 != "=" })
        fail(.unknownOption(written, suggestion: suggestedOption(for: name)))
        return
      }
      record(option, inlineValue: inlineValue, rest: &rest)
    case .short(let letters):
      guard letters.count == 1, let letter = letters.first,
        let option = command.option(short: letter)
      else {
        fail(.unknownOption(argument, suggestion: suggestedOption(for: letters)))
        return
      }
      record(option, inlineValue: nil, rest: &rest)
    case .word(let word):
      enterOrCollect(word)
    }
  }

  /// Checks what can only be checked at the end and builds the result.
  func finish() throws(ArgumentError) -> ParsedArguments {
    if !command.subcommands.isEmpty {
      if let extra = positionals.first {
        throw ArgumentError(.unexpectedArgument(extra), commandPath: path)
      }
      throw ArgumentError(
        .missingSubcommand(available: command.subcommands.map(\.name)), commandPath: path)
    }

    for (commandPath, command) in visited {
      let required = command.options.filter { $0.takesValue && $0.isRequired }
      for option in required where values[option.name] == nil {
        throw ArgumentError(
          .missingOption(option.longForm, valueName: option.valueName), commandPath: commandPath)
      }
    }

    let options = visited.flatMap(\.command.options)
    return ParsedArguments(
      commandPath: path,
      positionals: positionals,
      givenValues: values,
      givenFlags: flags,
      defaults: Dictionary(
        options.compactMap { option in option.defaultValue.map { (option.name, $0) } },
        uniquingKeysWith: { first, _ in first }),
      positionalsByName: try matchPositionals(),
      declaredOptions: Set(options.map(\.name)))
  }

  private mutating func record(
    _ option: OptionSpec, inlineValue: String?, rest: inout ArraySlice<String>
  ) {
    guard option.takesValue else {
      if let inlineValue {
        fail(.unexpectedValue(option: option.longForm, value: inlineValue))
      }
      flags.insert(option.name)
      return
    }

    let value: String
    if let inlineValue {
      value = inlineValue
    } else if let next = rest.first, !ArgumentToken(next).isReserved {
      value = next
      rest.removeFirst()
    } else {
      fail(.missingValue(option: option.longForm, valueName: option.valueName))
      return
    }

    if option.kind == .value, values[option.name] != nil {
      fail(.repeatedOption(option.longForm))
      return
    }
    values[option.name, default: []].append(value)
  }

  /// A word is a subcommand's name where the command has subcommands, else a positional.
  private mutating func enterOrCollect(_ word: String) {
    guard !command.subcommands.isEmpty, !descentStopped else {
      positionals.append(word)
      return
    }
    guard let next = command.subcommand(named: word) else {
      let names = command.subcommands.map(\.name)
      let suggestion = Suggestion.closest(to: word, among: names)
      fail(.unknownSubcommand(word, suggestion: suggestion, available: names))
      descentStopped = true
      return
    }
    command = next
    path.append(next.name)
    visited.append((path, next))
  }

  /// Assigns positionals to their declarations in order: each required or optional one
  /// takes one argument, a variadic last one takes the rest.
  private func matchPositionals() throws(ArgumentError) -> [String: [String]] {
    var remaining = positionals[...]
    var matched: [String: [String]] = [:]
    for positional in command.positionals {
      let taken = positional.isVariadic ? Array(remaining) : Array(remaining.prefix(1))
      remaining = remaining.dropFirst(taken.count)
      if taken.isEmpty, positional.needsOne {
        throw ArgumentError(.missingArgument(name: positional.name), commandPath: path)
      }
      matched[positional.name] = taken
    }
    if let extra = remaining.first {
      throw ArgumentError(.unexpectedArgument(extra), commandPath: path)
    }
    return matched
  }

  private func suggestedOption(for name: String) -> String? {
    let names = command.options.map(\.name) + [CommandSpec.helpName]
    return Suggestion.closest(to: name, among: names).map { "--" + $0 }
  }

  private mutating func fail(_ reason: ArgumentError.Reason) {
    if firstError == nil {
      firstError = ArgumentError(reason, commandPath: path)
    }
  }
}
