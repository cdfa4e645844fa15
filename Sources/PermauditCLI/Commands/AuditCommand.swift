import Foundation
import PermauditCore
import PermauditInput
import PermauditReports

/// `permaudit audit`: load → validate → merge → evaluate → render → write.
struct AuditCommand {
  let options: AuditOptions
  let console: Console

  init(_ parsed: ParsedArguments, console: Console) throws(CommandFailure) {
    self.options = try AuditOptions(parsed)
    self.console = console
  }

  func run() throws(CommandFailure) -> ExitCode {
    let loaded = try loadPolicy()
    try checkParameters(against: loaded.policy)
    let now = options.now ?? console.clock()

    let documents: [EvidenceDocument]
    do {
      documents = try EvidenceLoader(catalog: loaded.catalog).load(
        options.evidence, standardInput: { InputFile(path: "<stdin>", bytes: console.readInput()) })
    } catch {
      throw .input(error)
    }
    let accounts = AccountGrouper.group(documents)
    guard !accounts.isEmpty else {
      throw .input(
        InputError(
          "the evidence names no accounts: an audit of nothing cannot pass",
          hint: "check that the evidence paths hold evidence documents"))
    }

    let engine = AuditEngine(
      policy: loaded.policy, catalog: loaded.catalog, parameters: options.parameters, now: now,
      failOn: options.failOn)
    var progress = Progress(console: console, total: accounts.count)
    var results: [AccountResult] = []
    results.reserveCapacity(accounts.count)
    for account in accounts {
      do {
        results.append(try engine.evaluate(account))
      } catch {
        throw .engine(error)
      }
      progress.advance()
    }
    progress.finish()

    let report = AuditReport(
      generatedAt: now, tool: ToolInfo(version: BuildInfo.version), policy: loaded.policy,
      catalog: loaded.catalog,
      policyFile: ReportedFile(path: loaded.policyFile.path, sha256: loaded.policyFile.sha256),
      catalogFile: ReportedFile(
        path: loaded.catalogFile.path, sha256: loaded.catalogFile.sha256),
      failOn: options.failOn, accounts: results)

    let folder = try writeReports(report)
    printOutcome(report, folder: folder)
    return exitCode(for: report.summary)
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
          + (declared.isEmpty ? " (it declares none)"
            : " (it declares: \(declared.joined(separator: ", ")))"))
    }
  }

  private func writeReports(_ report: AuditReport) throws(CommandFailure) -> String? {
    guard let root = options.reportsFolder, !options.formats.isEmpty else { return nil }
    let files = options.formats.map { ($0.fileName, $0.render(report)) }
    do {
      return try ReportFolder(root: root).store(
        files, runName: ReportFolder.runName(time: report.generatedAt, policyID: report.policy.id))
    } catch {
      throw .output(error)
    }
  }

  private func printOutcome(_ report: AuditReport, folder: String?) {
    if let format = options.stdoutFormat {
      console.write(format.render(report))
      return
    }
    guard !options.isQuiet else { return }
    let style = TerminalStyle.detect(
      isTerminal: console.isOutputTerminal, environment: console.environment)
    console.write(TextReport.render(report, style: style, detail: .summary(maxAccounts: 10)))
    if let folder {
      console.write("Reports: \(folder) (\(options.formats.map(\.rawValue).joined(separator: ", ")))\n")
    }
  }

  private func exitCode(for summary: AuditSummary) -> ExitCode {
    guard options.failOn != .never else { return .compliant }
    return summary.isAllCompliant ? .compliant : .nonCompliant
  }
}
