extension CommandSpec {
  /// Parses a command line against this command, the root of the tool.
  ///
  /// `arguments` excludes the program name: pass `Array(CommandLine.arguments.dropFirst())`.
  /// The rules:
  /// - `--name value`, `--name=value` and `-n value` give an option its value. The next
  ///   argument is taken as the value even if it starts with `-` (`--evidence -`), except
  ///   `--`, `--help` and `-h`.
  /// - `--` ends the options: every later argument is positional.
  /// - A word names a subcommand when the current command has subcommands; options
  ///   before it belong to the parent, options after it to the subcommand.
  /// - `--help` or `-h` anywhere before `--` asks for the help of the innermost command
  ///   named, even when the rest of the line has errors.
  ///
  /// - Returns: ``ParseOutcome/help(_:)`` when help was asked for, else the parsed arguments.
  /// - Throws: ``ArgumentError`` for the first problem on the line.
  public func parse(_ arguments: [String]) throws(ArgumentError) -> ParseOutcome {
    var walk = CommandLineWalk(root: self)
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      walk.consume(argument, rest: &remaining)
    }
    if walk.wantsHelp {
      return .help(HelpRequest(commandPath: walk.path, command: walk.command))
    }
    if let error = walk.firstError {
      throw error
    }
    return .run(try walk.finish())
  }
}
