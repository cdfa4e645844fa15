/// One named option a command accepts, such as `--policy <ID|PATH>` or `--verbose`.
///
/// Options are declared as data and read back by name (the long name without dashes):
///
/// ```swift
/// let policy = OptionSpec.value(
///   "policy", short: "p", valueName: "ID|PATH", help: "Policy to apply.", isRequired: true)
/// ```
public struct OptionSpec: Sendable, Hashable {
  /// How an option uses the arguments that follow it.
  public enum Kind: Sendable, Hashable {
    /// Takes no value: it is either given or not. Giving it twice is harmless.
    case flag
    /// Takes exactly one value; giving it twice is a usage error.
    case value
    /// Takes one value each time it is given; the values are kept in command-line order.
    case repeatable
  }

  /// The long name without dashes: `policy` for `--policy`.
  public var name: String
  /// The one-letter short name without the dash: `p` for `-p`, if any.
  public var shortName: Character?
  /// What the value looks like, for help and errors (`ID|PATH`); `nil` for flags.
  public var valueName: String?
  /// One or two sentences for the options table.
  public var help: String
  /// Whether the option is a flag, takes one value, or collects values.
  public var kind: Kind
  /// The value used when the option is not given; shown in help as `(default: …)` and
  /// returned by ``ParsedArguments/value(for:)``.
  public var defaultValue: String?
  /// Whether leaving the option out is a usage error. Only meaningful for options with values.
  public var isRequired: Bool

  /// Declares an option; the static factories below read better at a declaration site.
  public init(
    name: String, shortName: Character? = nil, valueName: String? = nil, help: String,
    kind: Kind, defaultValue: String? = nil, isRequired: Bool = false
  ) {
    self.name = name
    self.shortName = shortName
    self.valueName = valueName
    self.help = help
    self.kind = kind
    self.defaultValue = defaultValue
    self.isRequired = isRequired
  }

  /// A flag: `--verbose`, present or absent.
  public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
    OptionSpec(name: name, shortName: short, help: help, kind: .flag)
  }

  /// An option that takes exactly one value: `--policy ID|PATH`.
  public static func value(
    _ name: String, short: Character? = nil, valueName: String, help: String,
    default defaultValue: String? = nil, isRequired: Bool = false
  ) -> OptionSpec {
    OptionSpec(
      name: name, shortName: short, valueName: valueName, help: help, kind: .value,
      defaultValue: defaultValue, isRequired: isRequired)
  }

  /// An option that may be given many times, collecting one value each time:
  /// `--evidence a.json --evidence b.json`.
  public static func repeatable(
    _ name: String, short: Character? = nil, valueName: String, help: String,
    isRequired: Bool = false
  ) -> OptionSpec {
    OptionSpec(
      name: name, shortName: short, valueName: valueName, help: help, kind: .repeatable,
      isRequired: isRequired)
  }

  /// Whether the option consumes a value.
  public var takesValue: Bool { kind != .flag }

  /// The option as a user writes it: `--policy`.
  public var longForm: String { "--" + name }

  /// The value name in words for messages: `ID|PATH` reads "ID or PATH".
  var valueInWords: String? {
    valueName.map(Self.alternativesInWords)
  }

  /// Turns `A|B|C` into "A, B or C".
  static func alternativesInWords(_ text: String) -> String {
    let parts = text.split(separator: "|").map(String.init)
    guard let last = parts.last, parts.count > 1 else { return text }
    return parts.dropLast().joined(separator: ", ") + " or " + last
  }
}
