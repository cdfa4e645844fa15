import PermauditCLI
import Testing

extension ArgumentsTests {
  /// Mistakes in command declarations are reported before any parsing relies on them.
  @Suite struct Definitions {
    @Test func sampleCommandTreeIsSound() {
      #expect(SampleCommands.root.definitionProblems == [])
    }

    struct BadDeclaration: Sendable, CustomTestStringConvertible {
      let name: String
      let command: CommandSpec
      let problem: String
      var testDescription: String { name }
    }

    static let flag = OptionSpec.flag("all", short: "a", help: "All.")
    static let leaf = CommandSpec(name: "y", abstract: "")

    static let badDeclarations: [BadDeclaration] = [
      BadDeclaration(
        name: "duplicate long name",
        command: CommandSpec(name: "x", abstract: "", options: [flag, .flag("all", help: "")]),
        problem: "'x': --all is declared twice"),
      BadDeclaration(
        name: "duplicate short name",
        command: CommandSpec(
          name: "x", abstract: "", options: [flag, .flag("any", short: "a", help: "")]),
        problem: "'x': -a is used by two options"),
      BadDeclaration(
        name: "--help is reserved",
        command: CommandSpec(name: "x", abstract: "", options: [.flag("help", help: "")]),
        problem: "'x': --help uses a name reserved for help"),
      BadDeclaration(
        name: "-h is reserved",
        command: CommandSpec(
          name: "x", abstract: "", options: [.flag("host", short: "h", help: "")]),
        problem: "'x': --host uses a name reserved for help"),
      BadDeclaration(
        name: "dashes in a name",
        command: CommandSpec(name: "x", abstract: "", options: [.flag("--all", help: "")]),
        problem: "'x': option name '--all' must be a bare word"),
      BadDeclaration(
        name: "value option without a value name",
        command: CommandSpec(
          name: "x", abstract: "", options: [OptionSpec(name: "out", help: "", kind: .value)]),
        problem: "'x': --out needs a value name"),
      BadDeclaration(
        name: "required flag",
        command: CommandSpec(
          name: "x", abstract: "",
          options: [OptionSpec(name: "yes", help: "", kind: .flag, isRequired: true)]),
        problem: "'x': --yes is a flag and cannot be required"),
      BadDeclaration(
        name: "variadic positional not last",
        command: CommandSpec(
          name: "x", abstract: "",
          positionals: [.zeroOrMore("A", help: ""), .optional("B", help: "")]),
        problem: "'x': <A> takes the rest and must come last"),
      BadDeclaration(
        name: "required after optional",
        command: CommandSpec(
          name: "x", abstract: "",
          positionals: [.optional("A", help: ""), .required("B", help: "")]),
        problem: "'x': required <B> follows an optional one"),
      BadDeclaration(
        name: "positionals beside subcommands",
        command: CommandSpec(
          name: "x", abstract: "", positionals: [.required("A", help: "")],
          subcommands: [CommandSpec(name: "y", abstract: "")]),
        problem: "'x': a command with subcommands cannot take positional arguments"),
      BadDeclaration(
        name: "duplicate subcommand",
        command: CommandSpec(
          name: "x", abstract: "",
          subcommands: [leaf, leaf]),
        problem: "'x': subcommand 'y' is declared twice"),
      BadDeclaration(
        name: "option shadowing a parent's, found in the nested command",
        command: CommandSpec(
          name: "x", abstract: "", options: [flag],
          subcommands: [CommandSpec(name: "y", abstract: "", options: [.flag("all", help: "")])]),
        problem: "'x y': --all is also declared by a parent command"),
    ]

    @Test(arguments: badDeclarations)
    func badDeclarationsAreReported(_ declaration: BadDeclaration) {
      #expect(declaration.command.definitionProblems.contains(declaration.problem))
    }
  }
}
