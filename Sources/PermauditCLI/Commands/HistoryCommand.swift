import Foundation
import PermauditCore
import PermauditHistory

/// `permaudit history [verify]`: each account's timeline across runs, or a check of the
/// history's hash chain.
struct HistoryCommand {
  static let spec = CommandSpec(
    name: "history",
    abstract: "Show each account's timeline across audit runs, or with 'verify' check that "
      + "no run was edited or deleted (exit 1 naming the first broken run).",
    options: [
      .value(
        "history", valueName: "PATH", help: "The audit history to read.",
        default: "Reports/history.sqlite"),
      .value("account", valueName: "ID", help: "Show only this account's timeline."),
      .value(
        "since", valueName: "DATE",
        help: "Show only runs from this time on (RFC 3339, or a date: 2026-12-01)."),
      .value("format", valueName: "FORMAT", help: "text or json.", default: "text"),
    ],
    positionals: [
      .optional("ACTION", help: "'verify' to check the hash chain instead of showing timelines.")
    ])

  let parsed: ParsedArguments
  let console: Console

  init(_ parsed: ParsedArguments, console: Console) {
    self.parsed = parsed
    self.console = console
  }

  func run() throws(CommandFailure) -> ExitCode {
    let path = parsed.value(for: "history") ?? "Reports/history.sqlite"
    switch parsed.positionals(named: "ACTION").first {
    case nil: return try showTimelines(path)
    case "verify": return try verify(path)
    case .some(let action):
      throw .usage("'\(action)' is not a history action; did you mean 'verify'?")
    }
  }

  private func verify(_ path: String) throws(CommandFailure) -> ExitCode {
    let result: HistoryVerification
    do {
      result = try HistoryVerifier.verify(path: path)
    } catch {
      throw .history(error.description)
    }
    if let problem = result.problem {
      console.error("\(path): history is broken: \(problem)")
      return .nonCompliant
    }
    console.write(
      "\(path): history intact: \(result.runs) \(result.runs == 1 ? "run" : "runs")"
        + (result.head.map { "; latest record sha256 \($0)" } ?? "") + "\n")
    return .compliant
  }

  private func showTimelines(_ path: String) throws(CommandFailure) -> ExitCode {
    let format = parsed.value(for: "format") ?? "text"
    guard ["text", "json"].contains(format) else {
      throw .usage("--format must be text or json, not '\(format)'")
    }
    let since = try parsed.value(for: "since").map { text throws(CommandFailure) in
      guard let date = Timestamp.parse(text) ?? Timestamp.parse(text + "T00:00:00Z") else {
        throw .usage("--since '\(text)' is not a date (2026-12-01) or a timestamp with a zone")
      }
      return date
    }
    var printer = TimelinePrinter(isJSON: format == "json", write: console.write)
    do {
      try HistoryTimeline.read(path: path, account: parsed.value(for: "account"), since: since) {
        printer.add($0)
      }
    } catch {
      throw .history(error.description)
    }
    printer.finish()
    return .compliant
  }
}
