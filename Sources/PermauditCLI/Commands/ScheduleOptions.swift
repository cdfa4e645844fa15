import Foundation
import PermauditCore
import PermauditNotify
import PermauditReports

/// The options of `permaudit audit` for scheduled runs: history, notifications, shards and
/// per-account reports, checked and typed.
struct ScheduleOptions {
  static let specs: [OptionSpec] = [
    .value(
      "history", valueName: "PATH|-",
      help: "The audit history (SQLite) to append this run to and compare with; '-' for "
        + "none. Default: history.sqlite in the reports folder (none with --reports -)."),
    .value(
      "notify", valueName: "URL|env:NAME|file:PATH",
      help: "Post a JSON message (Slack-compatible) to this webhook after the run. The "
        + "address is a secret: give it through an environment variable or a file."),
    .value(
      "notify-on", valueName: "WHEN",
      help: "When to notify: change (any account changed), fail (non-zero exit) or always.",
      default: "change"),
    .value(
      "notify-timeout", valueName: "SECONDS", help: "How long each try may take.",
      default: "10"),
    .value(
      "notify-attempts", valueName: "N",
      help: "Tries in all; waits of 1, 2, 4, … seconds between them.", default: "4"),
    .value(
      "shard", valueName: "I/N",
      help: "Audit only shard I (from 0) of N: a stable subset by a hash of the account "
        + "id, so N machines can share one batch."),
    .flag(
      "per-account",
      help: "Also write one report per account: accounts/<id>.<ext> in the run folder."),
  ]

  /// The history file, or `nil` for none.
  var historyPath: String?
  var notify: WebhookTarget?
  var notifyOn: NotifyOn
  var retry: RetryPolicy
  var shard: Shard?
  var perAccount: Bool

  init(_ parsed: ParsedArguments, audit: AuditOptions, environment: [String: String])
    throws(CommandFailure)
  {
    switch parsed.value(for: "history") {
    case "-": historyPath = nil
    case .some(let path) where !path.isEmpty: historyPath = path
    case .some: throw .usage("--history needs a file, or '-' for no history")
    case nil: historyPath = audit.reportsFolder.map { $0 + "/history.sqlite" }
    }
    notifyOn = try Self.notifyOn(parsed.value(for: "notify-on") ?? "change")
    retry = RetryPolicy(
      attempts: try Self.number(parsed.value(for: "notify-attempts"), "--notify-attempts", 1...10)
        ?? 4,
      timeout: .seconds(
        try Self.number(parsed.value(for: "notify-timeout"), "--notify-timeout", 1...300) ?? 10))
    notify = try parsed.value(for: "notify").map { value throws(CommandFailure) in
      try Self.target(value, environment: environment)
    }
    if notify != nil, notifyOn == .change, historyPath == nil {
      throw .usage(
        "--notify-on change needs the history to tell what changed; drop --history - "
          + "(and --reports -) or use --notify-on fail|always")
    }
    shard = try parsed.value(for: "shard").map { text throws(CommandFailure) in
      guard let shard = Shard(parsing: text) else {
        throw .usage(
          "--shard must be I/N with 0 <= I < N (a shard index from 0, as a Kubernetes "
            + "completion index), not '\(text)'")
      }
      return shard
    }
    perAccount = parsed.isSet("per-account")
    if perAccount, audit.reportsFolder == nil || audit.formats.isEmpty {
      throw .usage("--per-account writes into the run folder: it needs --reports DIR and --format")
    }
  }

  /// The webhook, read from the environment or a file when the value says so, so that the
  /// secret need not appear on the command line.
  private static func target(_ value: String, environment: [String: String])
    throws(CommandFailure) -> WebhookTarget
  {
    var address = value
    if value.hasPrefix("env:") {
      let name = String(value.dropFirst(4))
      guard let text = environment[name], !text.isEmpty else {
        throw .usage("--notify \(value): the environment variable \(name) is not set")
      }
      address = text
    } else if value.hasPrefix("file:") {
      let path = String(value.dropFirst(5))
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .usage("--notify \(value): cannot read the file '\(path)'")
      }
      address = String(decoding: data, as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
    }
    do {
      return try WebhookTarget(address)
    } catch {
      throw .usage(error.message)
    }
  }

  private static func notifyOn(_ name: String) throws(CommandFailure) -> NotifyOn {
    guard let value = NotifyOn(rawValue: name) else {
      throw .usage("--notify-on must be change, fail or always, not '\(name)'")
    }
    return value
  }

  private static func number(_ text: String?, _ option: String, _ range: ClosedRange<Int>)
    throws(CommandFailure) -> Int?
  {
    guard let text else { return nil }
    guard let value = Int(text), range.contains(value) else {
      throw .usage(
        "\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound), "
          + "not '\(text)'")
    }
    return value
  }
}
