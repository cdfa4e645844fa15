import PermauditInput

/// `permaudit policy lint PATH…`: validates catalogs and policies.
struct PolicyLintCommand {
  let paths: [String]
  let library: PolicyLibrary
  let console: Console

  init(_ parsed: ParsedArguments, console: Console) {
    paths = parsed.positionals
    library = PolicyLookup(parsed).library
    self.console = console
  }

  func run() throws(CommandFailure) -> ExitCode {
    let files = PolicyLinter.files(under: paths)
    guard !files.isEmpty else {
      throw .usage("no catalog or policy files under \(paths.joined(separator: ", "))")
    }
    let results = PolicyLinter(library: library).lint(files)
    for result in results {
      for warning in result.warnings { console.warning(warning.description) }
      if let error = result.error {
        console.error(error.description)
      } else {
        console.write("\(result.path): ok — \(result.summary ?? "valid")\n")
      }
    }
    return results.allSatisfy(\.isValid) ? .compliant : .invalidInput
  }
}
