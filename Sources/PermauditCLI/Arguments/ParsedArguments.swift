/// The outcome of parsing a command line that is not a request for help: which command
/// runs, and what it was given.
///
/// Options are looked up by long name without dashes. Values of options that were not
/// given fall back to their declared default.
public struct ParsedArguments: Sendable, Hashable {
  /// The command that runs, from the root: `["permaudit", "policy", "lint"]`.
  public let commandPath: [String]
  /// Every positional argument, in order, including those after `--`.
  public let positionals: [String]

  let givenValues: [String: [String]]
  let givenFlags: Set<String>
  let defaults: [String: String]
  let positionalsByName: [String: [String]]
  let declaredOptions: Set<String>

  /// The values given for `option`, in command-line order; the declared default (as the
  /// only element) when it was not given; otherwise empty.
  public func values(for option: String) -> [String] {
    assertDeclared(option)
    if let given = givenValues[option] { return given }
    return defaults[option].map { [$0] } ?? []
  }

  /// The value of a single-value option, or its declared default, or `nil`. For a
  /// repeatable option, the last value.
  public func value(for option: String) -> String? {
    values(for: option).last
  }

  /// The value of `option` split at commas, each item trimmed of spaces:
  /// `--format=json,markdown` gives `["json", "markdown"]`. Empty items are kept so the
  /// command can reject them by name.
  public func commaSeparatedValues(for option: String) -> [String] {
    values(for: option).flatMap { value in
      value.split(separator: ",", omittingEmptySubsequences: false).map {
        String($0).trimmingSpaces()
      }
    }
  }

  /// Whether the flag or option was written on the command line (a default does not count).
  public func isSet(_ option: String) -> Bool {
    assertDeclared(option)
    return givenFlags.contains(option) || givenValues[option] != nil
  }

  /// The arguments matched to the positional declared with this name (`PATH`).
  public func positionals(named name: String) -> [String] {
    positionalsByName[name] ?? []
  }

  private func assertDeclared(_ option: String) {
    assert(
      declaredOptions.contains(option),
      "'\(option)' is not an option of '\(commandPath.joined(separator: " "))'")
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let start = firstIndex(where: { !isBlank($0) }),
      let end = lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(self[start...end])
  }
}
