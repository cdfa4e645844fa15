import PermauditCLI
import Testing

/// The parsing rules, driven through a permaudit-shaped command tree.
@Suite struct ArgumentsTests {
  struct ValueCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let option: String
    let expected: [String]
    var testDescription: String { name }
  }

  static let valueCases: [ValueCase] = [
    ValueCase(
      name: "--name value", arguments: ["audit", "--policy", "gp"], option: "policy",
      expected: ["gp"]),
    ValueCase(
      name: "--name=value", arguments: ["audit", "--policy=gp"], option: "policy",
      expected: ["gp"]),
    ValueCase(
      name: "-n value", arguments: ["audit", "-p", "gp"], option: "policy", expected: ["gp"]),
    ValueCase(
      name: "--evidence - reads standard input",
      arguments: ["audit", "-p", "gp", "--evidence", "-"],
      option: "evidence", expected: ["-"]),
    ValueCase(
      name: "--reports - writes none", arguments: ["audit", "-p", "gp", "--reports", "-"],
      option: "reports", expected: ["-"]),
    ValueCase(
      name: "a value starting with a dash", arguments: ["audit", "-p", "-odd-name"],
      option: "policy", expected: ["-odd-name"]),
    ValueCase(
      name: "a value that looks like a long option",
      arguments: ["audit", "-p", "x", "-e", "--now"],
      option: "evidence", expected: ["--now"]),
    ValueCase(
      name: "only the first = splits", arguments: ["audit", "-p", "x", "--param=email=a=b@c.io"],
      option: "param", expected: ["email=a=b@c.io"]),
    ValueCase(
      name: "an explicit empty value", arguments: ["audit", "--policy="], option: "policy",
      expected: [""]),
    ValueCase(
      name: "--format=json,markdown stays one value",
      arguments: ["audit", "-p", "x", "--format=json,markdown"], option: "format",
      expected: ["json,markdown"]),
    ValueCase(
      name: "repeatable options collect in order",
      arguments: ["audit", "-e", "a.json", "-p", "x", "--evidence", "b.jsonl", "--evidence=c/"],
      option: "evidence", expected: ["a.json", "b.jsonl", "c/"]),
    ValueCase(
      name: "a default when not given", arguments: ["audit", "-p", "x"], option: "reports",
      expected: ["Reports/"]),
    ValueCase(
      name: "a repeatable option not given", arguments: ["audit", "-p", "x"], option: "evidence",
      expected: []),
  ]

  @Test(arguments: valueCases)
  func optionValuesAreRead(_ testCase: ValueCase) throws {
    let result = try parsed(testCase.arguments)
    #expect(result.values(for: testCase.option) == testCase.expected)
    #expect(result.value(for: testCase.option) == testCase.expected.last)
  }

  @Test func commaSeparatedValuesAreSplitAndTrimmed() throws {
    let joined = try parsed(["audit", "-p", "x", "--format=json,markdown"])
    #expect(joined.commaSeparatedValues(for: "format") == ["json", "markdown"])

    let spaced = try parsed(["audit", "-p", "x", "--format", " json , markdown"])
    #expect(spaced.commaSeparatedValues(for: "format") == ["json", "markdown"])

    let withGap = try parsed(["audit", "-p", "x", "--format", "json,,text"])
    #expect(withGap.commaSeparatedValues(for: "format") == ["json", "", "text"])

    let byDefault = try parsed(["audit", "-p", "x"])
    #expect(byDefault.commaSeparatedValues(for: "format") == ["text"])
  }

  @Test func isSetTellsGivenOptionsFromDefaults() throws {
    let result = try parsed(["audit", "-p", "x", "--reports", "out", "-q"])
    #expect(result.isSet("policy"))
    #expect(result.isSet("reports"))
    #expect(result.isSet("quiet"))
    #expect(!result.isSet("format"))
    #expect(result.value(for: "format") == "text")
    #expect(!result.isSet("evidence"))
  }

  @Test(arguments: [["--quiet"], ["-q"], ["--quiet", "-q"]])
  func flagsAreSetByEitherNameAndMayRepeat(_ flags: [String]) throws {
    let result = try parsed(["audit", "-p", "x"] + flags)
    #expect(result.isSet("quiet"))
  }

  @Test func doubleDashMakesEverythingAfterItPositional() throws {
    let result = try parsed(["policy", "lint", "a.yaml", "--", "--weird.yaml", "-h", "--"])
    #expect(result.commandPath == ["permaudit", "policy", "lint"])
    #expect(result.positionals == ["a.yaml", "--weird.yaml", "-h", "--"])
  }

  @Test func aLoneDashIsPositional() throws {
    let result = try parsed(["policy", "lint", "-"])
    #expect(result.positionals(named: "PATH") == ["-"])
  }

  @Test func subcommandsNest() throws {
    let lint = try parsed(["policy", "lint", "a.yaml", "b.json"])
    #expect(lint.commandPath == ["permaudit", "policy", "lint"])
    #expect(lint.positionals == ["a.yaml", "b.json"])
    #expect(lint.positionals(named: "PATH") == ["a.yaml", "b.json"])

    let show = try parsed(["policy", "show", "goprofiles-justworks"])
    #expect(show.commandPath == ["permaudit", "policy", "show"])
    #expect(show.positionals(named: "ID|PATH") == ["goprofiles-justworks"])

    let version = try parsed(["version", "--json"])
    #expect(version.commandPath == ["permaudit", "version"])
    #expect(version.isSet("json"))
  }

  @Test func optionsBeforeASubcommandBelongToTheParent() throws {
    let tool = CommandSpec(
      name: "tool", abstract: "A tool.",
      options: [
        .flag("verbose", short: "v", help: "Say more."),
        .value("config", valueName: "PATH", help: "Settings.", isRequired: true),
      ],
      subcommands: [
        CommandSpec(
          name: "run", abstract: "Run.", options: [.value("jobs", valueName: "N", help: "")])
      ])
    #expect(tool.definitionProblems == [])

    let outcome = try tool.parse(["-v", "--config", "run", "run", "--jobs", "4"])
    let result = try #require(outcome.parsedArguments)
    #expect(result.commandPath == ["tool", "run"])
    #expect(result.isSet("verbose"))
    #expect(result.value(for: "config") == "run")
    #expect(result.value(for: "jobs") == "4")

    #expect(
      throws: ArgumentError(.unknownOption("-v", suggestion: nil), commandPath: ["tool", "run"])
    ) {
      try tool.parse(["--config", "c", "run", "-v"])
    }
    #expect(
      throws: ArgumentError(.missingOption("--config", valueName: "PATH"), commandPath: ["tool"])
    ) {
      try tool.parse(["run"])
    }
  }

  @Test func optionsMayComeBeforeOrBetweenPositionals() throws {
    let result = try parsed(["version", "--json"])
    #expect(result.positionals.isEmpty)
    let lint = try parsed(["policy", "lint", "a", "--", "b"])
    #expect(lint.positionals == ["a", "b"])
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let message: String
    let commandPath: [String]
    var testDescription: String { arguments.joined(separator: " ") }

    init(_ arguments: [String], _ message: String, at commandPath: [String]) {
      self.arguments = arguments
      self.message = message
      self.commandPath = commandPath
    }
  }

  static let audit = ["permaudit", "audit"]

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      ["audit", "--polcy", "gp"], "unknown option '--polcy'; did you mean '--policy'?", at: audit),
    ErrorCase(
      ["audit", "-p", "x", "--evidnce=a"],
      "unknown option '--evidnce'; did you mean '--evidence'?", at: audit),
    ErrorCase(
      ["audit", "-policy", "gp"], "unknown option '-policy'; did you mean '--policy'?", at: audit),
    ErrorCase(["audit", "--hlep"], "unknown option '--hlep'; did you mean '--help'?", at: audit),
    ErrorCase(["audit", "--frobnicate"], "unknown option '--frobnicate'", at: audit),
    ErrorCase(["audit", "-z"], "unknown option '-z'", at: audit),
    ErrorCase(["audit", "-p", "x", "-5"], "unknown option '-5'", at: audit),
    ErrorCase(["audit", "--policy"], "--policy needs a value (ID or PATH)", at: audit),
    ErrorCase(["audit", "-p"], "--policy needs a value (ID or PATH)", at: audit),
    ErrorCase(["audit", "--policy", "--", "x"], "--policy needs a value (ID or PATH)", at: audit),
    ErrorCase(
      ["audit", "-p", "x", "--evidence"], "--evidence needs a value (PATH, URL or SOURCE)",
      at: audit),
    ErrorCase(["audit", "-p", "a", "--policy", "b"], "--policy given twice", at: audit),
    ErrorCase(["audit", "--policy=a", "-p", "a"], "--policy given twice", at: audit),
    ErrorCase(
      ["audit", "-p", "a", "-p", "b", "--bogus"], "--policy given twice", at: audit),
    ErrorCase(
      ["audit", "-p", "x", "--quiet=yes"], "--quiet takes no value (got 'yes')", at: audit),
    ErrorCase(["audit"], "missing --policy (ID or PATH)", at: audit),
    ErrorCase(["audit", "-p", "x", "stray"], "unexpected argument 'stray'", at: audit),
    ErrorCase(["audit", "-p", "x", "--", "--now"], "unexpected argument '--now'", at: audit),
    ErrorCase(
      ["version", "--policy", "x"], "unknown option '--policy'", at: ["permaudit", "version"]),
    ErrorCase(
      ["policy", "lint"], "missing PATH argument", at: ["permaudit", "policy", "lint"]),
    ErrorCase(
      ["policy", "show"], "missing ID or PATH argument", at: ["permaudit", "policy", "show"]),
    ErrorCase(
      ["policy", "show", "a", "b"], "unexpected argument 'b'",
      at: ["permaudit", "policy", "show"]),
    ErrorCase(
      ["polcy", "lint"], "unknown command 'polcy'; did you mean 'policy'?", at: ["permaudit"]),
    ErrorCase(
      ["policy", "lnt", "a"], "unknown command 'lnt'; did you mean 'lint'?",
      at: ["permaudit", "policy"]),
    ErrorCase(
      ["frobnicate"], "unknown command 'frobnicate'; expected one of: audit, policy, version",
      at: ["permaudit"]),
    ErrorCase([], "missing command; expected one of: audit, policy, version", at: ["permaudit"]),
    ErrorCase(
      ["policy"], "missing command; expected one of: lint, show", at: ["permaudit", "policy"]),
    ErrorCase(
      ["policy", "--", "lint"], "unexpected argument 'lint'", at: ["permaudit", "policy"]),
  ]

  @Test(arguments: errorCases)
  func usageErrorsSayWhatIsWrong(_ testCase: ErrorCase) throws {
    let error = try #require(usageError(testCase.arguments))
    #expect(error.message == testCase.message)
    #expect(error.commandPath == testCase.commandPath)
  }

  @Test func usageErrorsPointToTheCommandsHelp() throws {
    let error = try #require(usageError(["audit", "--polcy", "gp"]))
    #expect(error.helpHint == "see 'permaudit audit --help'")
    #expect(error.description == error.message)
    #expect(!error.message.contains("\n"))
    #expect(
      error.reason == .unknownOption("--polcy", suggestion: "--policy"))
  }

  struct HelpCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let commandPath: [String]
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let helpCases: [HelpCase] = [
    HelpCase(arguments: ["--help"], commandPath: ["permaudit"]),
    HelpCase(arguments: ["-h"], commandPath: ["permaudit"]),
    HelpCase(arguments: ["audit", "--help"], commandPath: ["permaudit", "audit"]),
    HelpCase(arguments: ["--help", "audit"], commandPath: ["permaudit", "audit"]),
    HelpCase(arguments: ["policy", "-h", "lint"], commandPath: ["permaudit", "policy", "lint"]),
    HelpCase(
      arguments: ["policy", "lint", "a", "-h"], commandPath: ["permaudit", "policy", "lint"]),
    HelpCase(arguments: ["audit", "--polcy", "x", "--help"], commandPath: ["permaudit", "audit"]),
    HelpCase(arguments: ["audit", "--policy", "--help"], commandPath: ["permaudit", "audit"]),
    HelpCase(arguments: ["audit", "-p", "-h"], commandPath: ["permaudit", "audit"]),
    HelpCase(arguments: ["policy", "lnt", "show", "-h"], commandPath: ["permaudit", "policy"]),
    HelpCase(arguments: ["policy", "--help"], commandPath: ["permaudit", "policy"]),
  ]

  @Test(arguments: helpCases)
  func helpIsForTheInnermostCommand(_ testCase: HelpCase) throws {
    let request = try helpRequest(testCase.arguments)
    #expect(request.commandPath == testCase.commandPath)
    #expect(request.command == SampleCommands.root.command(at: testCase.commandPath))
  }

  @Test func helpAfterDoubleDashIsAnArgument() throws {
    let result = try parsed(["policy", "lint", "--", "--help"])
    #expect(result.positionals == ["--help"])
  }

  @Test func commandsAreFoundByPath() {
    let root = SampleCommands.root
    #expect(root.command(at: ["permaudit", "policy", "show"]) == SampleCommands.show)
    #expect(root.command(at: ["permaudit"]) == root)
    #expect(root.command(at: ["permaudit", "nope"]) == nil)
    #expect(root.command(at: ["other"]) == nil)
  }
}
