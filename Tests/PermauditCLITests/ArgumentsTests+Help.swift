import Testing

@testable import PermauditCLI

extension ArgumentsTests {
  /// The help text: layout, wrapping and determinism.
  @Suite struct Help {
    let formatter = HelpFormatter()

    func help(
      _ path: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
      let command = try #require(
        SampleCommands.root.command(at: path), sourceLocation: sourceLocation)
      return formatter.render(command, path: path)
    }

    @Test func groupCommandHelpMatchesSnapshot() throws {
      let expected = """
        OVERVIEW: Work with catalogs and policies.

        USAGE: permaudit policy <command>

        OPTIONS:
          -h, --help  Show this help.

        COMMANDS:
          lint  Validate catalogs and policies.
          show  Print a policy's requirements and their reasons.

        See 'permaudit policy <command> --help' for a command's options.

        """
      #expect(try help(["permaudit", "policy"]) == expected)
    }

    @Test func leafCommandHelpMatchesSnapshot() throws {
      let expected = """
        OVERVIEW: Validate catalogs and policies.

        USAGE: permaudit policy lint <PATH> ...

        ARGUMENTS:
          <PATH> ...  A catalog or policy file.

        OPTIONS:
          -h, --help  Show this help.

        """
      #expect(try help(["permaudit", "policy", "lint"]) == expected)
    }

    @Test func auditHelpHasTheKeyLines() throws {
      let lines = try help(["permaudit", "audit"]).split(separator: "\n").map(String.init)
      let expectedLines = [
        "OVERVIEW: Evaluate evidence against a policy, print a summary, and write",
        "USAGE: permaudit audit --policy <ID|PATH> [<options>]",
        "OPTIONS:",
        "  -p, --policy <ID|PATH>        Policy to apply; an ID is looked up under the",
        "                                policies folder. (required)",
        "  -e, --evidence <PATH|URL|SOURCE> ...",
        "                                Evidence to audit; repeatable; documents are",
        "      --param <NAME=VALUE> ...  Policy parameter; repeatable.",
        "      --reports <DIR>           Where report files go; '-' for none.",
        "                                (default: Reports/)",
        "      --fail-on <LEVEL>         fail, warn or never. (default: fail)",
        "  -q, --quiet                   Print only errors.",
        "  -h, --help                    Show this help.",
      ]
      for line in expectedLines {
        #expect(lines.contains(line), "missing line: \(line)")
      }
      #expect(lines.last == "  -h, --help                    Show this help.")
      #expect(!lines.contains("COMMANDS:"))
      #expect(!lines.contains("ARGUMENTS:"))
    }

    @Test func rootHelpListsEveryCommand() throws {
      let text = try help(["permaudit"])
      #expect(text.contains("USAGE: permaudit <command>\n"))
      #expect(
        text.contains(
          "\n  audit    Evaluate evidence against a policy, print a summary, and write\n"))
      #expect(text.contains("\n  policy   Work with catalogs and policies.\n"))
      #expect(text.contains("\n  version  Print version and build information.\n"))
    }

    @Test(arguments: [
      ["permaudit"], ["permaudit", "audit"], ["permaudit", "policy"],
      ["permaudit", "policy", "lint"], ["permaudit", "policy", "show"], ["permaudit", "version"],
    ])
    func helpFitsEightyColumnsWithoutTrailingSpaces(_ path: [String]) throws {
      let text = try help(path)
      #expect(text.hasSuffix("\n"))
      #expect(!text.hasSuffix("\n\n"))
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        // Note: the one allowed overflow is a single unbreakable unit; none is that long here.
        #expect(line.count <= 80, "too long: \(line)")
        #expect(line.last != " ", "trailing space: '\(line)'")
      }
      #expect(try help(path) == text)
    }

    @Test func helpRequestRendersTheInnermostCommand() throws {
      let request = try helpRequest(["policy", "show", "--help"])
      #expect(formatter.render(request).hasPrefix("OVERVIEW: Print a policy's requirements"))
      #expect(formatter.render(request).contains("USAGE: permaudit policy show <ID|PATH>\n"))
    }

    @Test func usageWrapsBetweenUnitsWithAHangingIndent() {
      let command = CommandSpec(
        name: "sync", abstract: "Synchronize.",
        options: ["source", "destination", "account", "token-file"].map {
          .value($0, valueName: $0.uppercased(), help: "The \($0).", isRequired: true)
        },
        positionals: [.zeroOrMore("FILTER", help: "Only matching entries.")])
      let lines = HelpFormatter(width: 60).render(command, path: ["tool", "sync"])
        .split(separator: "\n").map(String.init)
      let usage = [
        "USAGE: tool sync --source <SOURCE>",
        "         --destination <DESTINATION> --account <ACCOUNT>",
        "         --token-file <TOKEN-FILE> [<FILTER> ...]",
      ]
      #expect(Array(lines[1...3]) == usage)
      #expect(lines.allSatisfy { $0.count <= 60 })
    }

    @Test(arguments: [
      (["alpha", "beta", "gamma"], 11, ["alpha beta", "gamma"]),
      (["alpha", "beta"], 10, ["alpha beta"]),
      (
        ["a", "unbreakable-word-wider-than-the-line", "b"], 10,
        ["a", "unbreakable-word-wider-than-the-line", "b"]
      ),
      ([], 10, [""]),
    ])
    func wrappingBreaksOnlyBetweenUnits(units: [String], width: Int, expected: [String]) {
      let formatter = HelpFormatter(width: width)
      #expect(formatter.wrap(units, firstPrefix: "", restPrefix: "") == expected)
    }

    @Test func wrappingNeverLeavesAHangingPrefix() {
      let formatter = HelpFormatter(width: 12)
      #expect(formatter.wrap([], firstPrefix: "  label   ", restPrefix: "") == ["  label"])
      #expect(
        formatter.wrap(["one", "two", "three"], firstPrefix: "> ", restPrefix: "  ")
          == ["> one two", "  three"])
    }
  }
}
