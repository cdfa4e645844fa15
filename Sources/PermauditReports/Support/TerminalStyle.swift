/// Whether the terminal report is marked up with ANSI colours.
public enum TerminalStyle: Sendable, Equatable, CaseIterable {
  /// Text only: for files, pipes and terminals where colour is turned off.
  case plain
  /// ANSI colours for status marks and headings.
  case color

  /// The style for output that goes to a terminal or not.
  ///
  /// Colour only on a terminal, never when `NO_COLOR` is set to a non-empty value
  /// (the https://no-color.org convention) or when `TERM` is `dumb`.
  /// - Parameters:
  ///   - isTerminal: whether the output stream is a terminal (`isatty`).
  ///   - environment: the process environment.
  public static func detect(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
    guard isTerminal else { return .plain }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .plain }
    if environment["TERM"] == "dumb" { return .plain }
    return .color
  }

  /// What a piece of text stands for, which decides its colour.
  enum Role {
    case pass, fail, warn, info, unknown, heading, muted

    var code: String {
      switch self {
      case .pass: return "32"
      case .fail: return "31"
      case .warn: return "33"
      case .info: return "36"
      case .unknown: return "35"
      case .heading: return "1"
      case .muted: return "2"
      }
    }
  }

  /// `text` coloured for `role`, or unchanged in the plain style.
  func paint(_ text: String, _ role: Role) -> String {
    switch self {
    case .plain: return text
    case .color: return "\u{1B}[" + role.code + "m" + text + "\u{1B}[0m"
    }
  }
}
