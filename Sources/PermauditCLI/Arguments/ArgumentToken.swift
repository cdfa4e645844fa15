/// What one command-line argument looks like, before it is matched to a declaration.
enum ArgumentToken: Equatable {
  /// `--`: every later argument is positional.
  case endOfOptions
  /// `--help` or `-h`.
  case help
  /// `--name` or `--name=value`.
  case long(name: String, inlineValue: String?)
  /// `-x` (or a malformed `-xyz`): the letters after the dash.
  case short(String)
  /// Anything else, including `-` alone (standard input by convention).
  case word(String)

  init(_ argument: String) {
    if argument == "--" {
      self = .endOfOptions
    } else if argument.hasPrefix("--") {
      let body = argument.dropFirst(2)
      let name = String(body.prefix { $0 != "=" })
      let value = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
      self = name == CommandSpec.helpName ? .help : .long(name: name, inlineValue: value)
    } else if argument == "-" + String(CommandSpec.helpShortName) {
      self = .help
    } else if argument.hasPrefix("-"), argument.count > 1 {
      self = .short(String(argument.dropFirst()))
    } else {
      self = .word(argument)
    }
  }

  /// Whether the argument keeps its meaning even where an option's value is expected.
  var isReserved: Bool {
    self == .endOfOptions || self == .help
  }
}
