/// Renders a command's help: overview, usage line, arguments, options and subcommands,
/// wrapped to a fixed width. The same declaration always gives the same text.
///
/// ```swift
/// if case .help(let request) = try root.parse(arguments) {
///   print(HelpFormatter().render(request), terminator: "")
/// }
/// ```
public struct HelpFormatter: Sendable {
  /// The widest a line may be, in characters. A single word longer than that (a long
  /// option with its value name, say) still stands on its own line unbroken.
  public var width: Int
  /// The widest the left column of a table may be; longer entries put their help on
  /// the next line.
  public var maximumLabelWidth: Int

  /// Creates a formatter for the given width.
  public init(width: Int = 80, maximumLabelWidth: Int = 30) {
    self.width = width
    self.maximumLabelWidth = maximumLabelWidth
  }

  /// The help text for the command of `request`, ending with a newline.
  public func render(_ request: HelpRequest) -> String {
    render(request.command, path: request.commandPath)
  }

  /// The help text for `command`, reached from the root by `path` (which ends with the
  /// command's own name), ending with a newline.
  public func render(_ command: CommandSpec, path: [String]) -> String {
    var sections: [[String]] = [
      wrap(words(command.abstract), firstPrefix: "OVERVIEW: ", restPrefix: ""),
      wrap(usageUnits(command, path: path), firstPrefix: "USAGE: ", restPrefix: "         "),
    ]
    if !command.positionals.isEmpty {
      let rows = command.positionals.map { (label: $0.usage, help: words($0.help)) }
      sections.append(["ARGUMENTS:"] + table(rows))
    }
    sections.append(["OPTIONS:"] + table(optionRows(command.options)))
    if !command.subcommands.isEmpty {
      let rows = command.subcommands.map { (label: $0.name, help: words($0.abstract)) }
      let more = "See '\(path.joined(separator: " ")) <command> --help' for a command's options."
      sections.append(["COMMANDS:"] + table(rows))
      sections.append(wrap(words(more), firstPrefix: "", restPrefix: ""))
    }
    return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
  }

  // MARK: - Usage

  /// The usage line's pieces; each stays whole when the line wraps.
  private func usageUnits(_ command: CommandSpec, path: [String]) -> [String] {
    var units = [path.joined(separator: " ")]
    let required = command.options.filter { $0.takesValue && $0.isRequired }
    units += required.map { usage(of: $0) }
    if command.options.count > required.count {
      units.append("[<options>]")
    }
    units += command.positionals.map(\.usage)
    if !command.subcommands.isEmpty {
      units.append("<command>")
    }
    return units
  }

  private func usage(of option: OptionSpec) -> String {
    guard let valueName = option.valueName else { return option.longForm }
    let single = "\(option.longForm) <\(valueName)>"
    return option.kind == .repeatable ? single + " ..." : single
  }

  // MARK: - Tables

  /// Option rows, the built-in help last. Long names line up whether or not an option
  /// has a short name.
  private func optionRows(_ options: [OptionSpec]) -> [(label: String, help: [String])] {
    let help = OptionSpec.flag(
      CommandSpec.helpName, short: CommandSpec.helpShortName, help: "Show this help.")
    return (options + [help]).map { option in
      let short = option.shortName.map { "-\($0), " } ?? "    "
      return (short + usage(of: option), words(option.help) + notes(for: option))
    }
  }

  /// What the help text adds after an option's own words; each note stays on one line.
  private func notes(for option: OptionSpec) -> [String] {
    var notes: [String] = []
    if option.isRequired {
      notes.append("(required)")
    }
    if let defaultValue = option.defaultValue {
      notes.append("(default: \(defaultValue))")
    }
    return notes
  }

  /// Two columns: labels indented by two, help (as wrap units) aligned after the longest
  /// label that fits.
  private func table(_ rows: [(label: String, help: [String])]) -> [String] {
    let indent = "  "
    let fitting = rows.map(\.label.count).filter { $0 <= maximumLabelWidth }
    let labelWidth = fitting.max() ?? 0
    let helpIndent = String(repeating: " ", count: indent.count + labelWidth + 2)

    return rows.flatMap { row -> [String] in
      let label = indent + row.label
      guard row.label.count <= labelWidth else {
        return [label] + wrap(row.help, firstPrefix: helpIndent, restPrefix: helpIndent)
      }
      let padded = label.padding(to: helpIndent.count)
      return wrap(row.help, firstPrefix: padded, restPrefix: helpIndent)
    }
  }

  // MARK: - Wrapping

  private func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
  }

  /// Fills lines with `units` separated by single spaces, breaking only between units.
  /// A line never ends with spaces; a prefix with nothing after it is trimmed.
  func wrap(_ units: [String], firstPrefix: String, restPrefix: String) -> [String] {
    var lines: [String] = []
    var line = firstPrefix
    var lineHasUnits = false
    for unit in units {
      if lineHasUnits, line.count + 1 + unit.count > width {
        lines.append(line)
        line = restPrefix
        lineHasUnits = false
      }
      line += (lineHasUnits ? " " : "") + unit
      lineHasUnits = true
    }
    lines.append(lineHasUnits ? line : line.trimmingTrailingSpaces())
    return lines
  }
}

extension String {
  fileprivate func padding(to length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }

  fileprivate func trimmingTrailingSpaces() -> String {
    String(reversed().drop { $0 == " " }.reversed())
  }
}
