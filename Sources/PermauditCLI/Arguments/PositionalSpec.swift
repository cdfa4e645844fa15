/// One positional argument a command accepts, such as the `PATH…` of `policy lint`.
///
/// Positionals are matched in declaration order: required ones first, then optional
/// ones, then at most one that takes the rest (see ``CommandSpec/definitionProblems``).
public struct PositionalSpec: Sendable, Hashable {
  /// How many arguments a positional takes.
  public enum Arity: Sendable, Hashable {
    /// Exactly one; leaving it out is a usage error.
    case required
    /// Zero or one.
    case optional
    /// One or more; must be the last positional.
    case oneOrMore
    /// Any number; must be the last positional.
    case zeroOrMore
  }

  /// The name shown in help and errors, by convention in capitals: `PATH`, `ID|PATH`.
  public var name: String
  /// One or two sentences for the arguments table.
  public var help: String
  /// How many arguments it takes.
  public var arity: Arity

  /// Declares a positional argument.
  public init(name: String, help: String, arity: Arity) {
    self.name = name
    self.help = help
    self.arity = arity
  }

  /// A positional that must be given once.
  public static func required(_ name: String, help: String) -> PositionalSpec {
    PositionalSpec(name: name, help: help, arity: .required)
  }

  /// A positional that may be left out.
  public static func optional(_ name: String, help: String) -> PositionalSpec {
    PositionalSpec(name: name, help: help, arity: .optional)
  }

  /// A last positional that takes one or more arguments.
  public static func oneOrMore(_ name: String, help: String) -> PositionalSpec {
    PositionalSpec(name: name, help: help, arity: .oneOrMore)
  }

  /// A last positional that takes any number of arguments.
  public static func zeroOrMore(_ name: String, help: String) -> PositionalSpec {
    PositionalSpec(name: name, help: help, arity: .zeroOrMore)
  }

  /// Whether it takes every remaining argument.
  var isVariadic: Bool { arity == .oneOrMore || arity == .zeroOrMore }

  /// Whether at least one argument must be given.
  var needsOne: Bool { arity == .required || arity == .oneOrMore }

  /// The positional as it appears in a usage line: `<PATH>`, `[<PATH>]`, `<PATH> ...`.
  var usage: String {
    switch arity {
    case .required: "<\(name)>"
    case .optional: "[<\(name)>]"
    case .oneOrMore: "<\(name)> ..."
    case .zeroOrMore: "[<\(name)> ...]"
    }
  }
}
