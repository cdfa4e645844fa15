import Foundation
import PermauditCollectors
import PermauditCore
import PermauditInput
import PermauditPipeline
import PermauditReports

/// `permaudit audit`: load → validate → merge → evaluate → render → write.
struct AuditCommand {
  let options: AuditOptions
  let console: Console
  /// History, notifications, shards and per-account reports (issue 5).
  let scheduled: ScheduledRun

  init(_ parsed: ParsedArguments, console: Console) throws(CommandFailure) {
    self.options = try AuditOptions(parsed)
    self.console = console
    scheduled = ScheduledRun(
      options: try ScheduleOptions(parsed, audit: options, environment: console.environment),
      console: console, isQuiet: options.isQuiet)
  }

  func run() throws(CommandFailure) -> ExitCode {
    let loaded = try loadPolicy()
    try checkParameters(against: loaded.policy)
    var request = AuditRequest(
      policy: loaded, evidence: options.evidence, parameters: options.parameters,
      now: options.now ?? console.clock(), failOn: options.failOn, formats: options.formats,
      reportsFolder: options.reportsFolder, standardOutput: options.stdoutFormat,
      jobs: options.jobs, tool: ToolInfo(version: BuildInfo.version))
    // Note: the HTTP client is made only when some evidence is live; setting it up costs a
    // single-account audit (the pre-go-live path) a noticeable part of its start.
    if options.evidence.contains(where: LiveEvidence.isLive) {
      request.liveEvidence = options.network.liveEvidence(console: console)
    }
    request.waivers = try loadWaivers(catalog: loaded.catalog)
    let history = try scheduled.prepare(&request)

    var progress = Progress(console: console)
    let outcome: AuditOutcome
    do {
      outcome = try AuditPipeline(
        request, standardInput: .chunks(console.readInputChunk)
      ).run(print: console.write) { progress.update(accounts: $0) }
    } catch {
      progress.finish()
      throw CommandFailure(error)
    }
    progress.finish()
    let recorded = try scheduled.record(outcome, in: history)

    if options.showsTimings { console.writeError(describe(outcome.timings)) }
    warnAboutUnusedWaivers(outcome.report.waivers, catalog: request.policy.catalog)
    printSummary(outcome)
    var code = exitCode(for: outcome.report.summary)
    // Note: the printed report is complete by now; a notification carries the code the
    // process will end with (see Permaudit.run).
    if console.outputFailure() != nil { code = code.losingOutput() }
    scheduled.notify(outcome, exitCode: code, recorded: recorded)
    return code
  }

  private func loadPolicy() throws(CommandFailure) -> LoadedPolicy {
    let library = PolicyLibrary(
      directory: options.policiesFolder, extraCatalogs: options.catalogs)
    do {
      let loaded = try library.loadPolicy(options.policy)
      for warning in loaded.warnings where !options.isQuiet {
        console.warning(warning.description)
      }
      return loaded
    } catch {
      throw .input(error)
    }
  }

  /// A `--param` the policy does not declare is a typo until proven otherwise.
  private func checkParameters(against policy: Policy) throws(CommandFailure) {
    let declared = policy.parameters.map(\.name)
    for name in options.parameters.keys.sorted() where !declared.contains(name) {
      let suggestion = Suggestion.closest(to: name, among: declared).map {
        "; did you mean '\($0)'?"
      }
      throw .usage(
        "--param \(name) is not a parameter of policy '\(policy.id)'\(suggestion ?? "")"
          + (declared.isEmpty
            ? " (it declares none)"
            : " (it declares: \(declared.joined(separator: ", ")))"))
    }
  }

  private func printSummary(_ outcome: AuditOutcome) {
    guard options.stdoutFormat == nil, !options.isQuiet else { return }
    let style = TerminalStyle.detect(
      isTerminal: console.isOutputTerminal, environment: console.environment)
    console.write(TextReport.render(outcome.report, style: style, sample: outcome.sample))
    if let folder = outcome.runFolder {
      let formats = options.formats.map(\.rawValue).joined(separator: ", ")
      console.write("Reports: \(folder) (\(formats))\n")
    }
  }

  /// Where the run's time went, for `--timings`.
  private func describe(_ timings: StageTimings) -> String {
    func milliseconds(_ duration: Duration) -> String {
      let (seconds, attoseconds) = duration.components
      return String(Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)) + " ms"
    }
    return "timings: read and parse \(milliseconds(timings.parse)), merge "
      + "\(milliseconds(timings.merge)), evaluate and render \(milliseconds(timings.evaluate)), "
      + "write \(milliseconds(timings.write))"
      + (timings.wasIndexed ? " (input read twice: an account's documents were apart)" : "")
      + "\n"
  }

  private func exitCode(for summary: AuditSummary) -> ExitCode {
    guard options.failOn != .never else { return .compliant }
    return summary.isAllCompliant ? .compliant : .nonCompliant
  }
}
