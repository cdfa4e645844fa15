/// A usage error: the command line does not fit the command's declaration.
///
/// It carries what went wrong as data (``Reason``), a one-line ``message`` for standard
/// error, and the path of the command being parsed so the tool can point to its help
/// (``helpHint``). Usage errors exit with status 2.
public struct ArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong. Option names are given as written on a command line (`--policy`).
  public enum Reason: Sendable, Hashable {
    /// An option the command does not declare, with the closest declared one if any.
    case unknownOption(String, suggestion: String?)
    /// An option that needs a value came last, or just before `--`.
    case missingValue(option: String, valueName: String?)
    /// A single-value option was given more than once.
    case repeatedOption(String)
    /// A flag was written with `=value`.
    case unexpectedValue(option: String, value: String)
    /// A required option was left out.
    case missingOption(String, valueName: String?)
    /// A required positional argument was left out.
    case missingArgument(name: String)
    /// More positional arguments than the command takes.
    case unexpectedArgument(String)
    /// A word that names none of the command's subcommands.
    case unknownSubcommand(String, suggestion: String?, available: [String])
    /// A command that only groups subcommands was run without one.
    case missingSubcommand(available: [String])
  }

  /// What went wrong.
  public var reason: Reason
  /// The command being parsed when the error was found, from the root: `["permaudit",
  /// "audit"]`.
  public var commandPath: [String]

  /// Creates an error for the command at `commandPath`.
  public init(_ reason: Reason, commandPath: [String]) {
    self.reason = reason
    self.commandPath = commandPath
  }

  /// One line saying what is wrong, with a suggestion where one is known.
  public var message: String {
    switch reason {
    case .unknownOption(let option, let suggestion):
      "unknown option '\(option)'" + Self.didYouMean(suggestion)
    case .missingValue(let option, let valueName):
      "\(option) needs a value" + Self.parenthesized(valueName)
    case .repeatedOption(let option):
      "\(option) given twice"
    case .unexpectedValue(let option, let value):
      "\(option) takes no value (got '\(value)')"
    case .missingOption(let option, let valueName):
      "missing \(option)" + Self.parenthesized(valueName)
    case .missingArgument(let name):
      "missing \(OptionSpec.alternativesInWords(name)) argument"
    case .unexpectedArgument(let argument):
      "unexpected argument '\(argument)'"
    case .unknownSubcommand(let word, let suggestion?, _):
      "unknown command '\(word)'" + Self.didYouMean(suggestion)
    case .unknownSubcommand(let word, nil, let available):
      "unknown command '\(word)'; expected one of: \(available.joined(separator: ", "))"
    case .missingSubcommand(let available):
      "missing command; expected one of: \(available.joined(separator: ", "))"
    }
  }

  /// Where to read more: `see 'permaudit audit --help'`.
  public var helpHint: String { Self.helpHint(for: commandPath) }

  /// The pointer at the help of the command at `commandPath`, for any usage error.
  static func helpHint(for commandPath: [String]) -> String {
    "see '\(commandPath.joined(separator: " ")) --help'"
  }

  /// The ``message``.
  public var description: String { message }

  private static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }

  private static func parenthesized(_ valueName: String?) -> String {
    valueName.map { " (\(OptionSpec.alternativesInWords($0)))" } ?? ""
  }
}
