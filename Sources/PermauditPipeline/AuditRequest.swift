import Foundation
import PermauditCollectors
import PermauditCore
import PermauditInput
import PermauditReports

/// Everything one audit run needs, checked and typed by the command line.
public struct AuditRequest: Sendable {
  public var policy: LoadedPolicy
  /// Evidence references: paths, folders, or `-` for standard input.
  public var evidence: [String]
  /// `--param` values; they apply to every account and win over the evidence's.
  public var parameters: [String: String]
  public var now: Date
  public var failOn: FailOn
  /// Report files to write into a new run folder.
  public var formats: [ReportFormat]
  /// The reports folder, or `nil` for none.
  public var reportsFolder: String?
  /// A format to print on standard output when the run completes.
  public var standardOutput: ReportFormat?
  /// How many threads decode and evaluate.
  public var jobs: Int
  /// How many accounts the terminal summary shows in full.
  public var summaryAccounts: Int
  public var tool: ToolInfo
  /// Sees every judged account (the audit history); `nil` for none.
  public var observer: (any AuditObserver)? = nil
  /// Audit only this subset of the batch's accounts (`--shard I/N`).
  public var shard: Shard? = nil
  /// Also write one report per account into the run folder (`--per-account`).
  public var perAccount = false
  /// Collects `justworks:` and `https://` evidence; `nil` refuses such references.
  public var liveEvidence: LiveEvidence? = nil
  /// Accepted exceptions (`--waivers`), with their file.
  public var waivers = WaiverSet()

  public init(
    policy: LoadedPolicy, evidence: [String], parameters: [String: String] = [:], now: Date,
    failOn: FailOn = .fail, formats: [ReportFormat] = [], reportsFolder: String? = nil,
    standardOutput: ReportFormat? = nil,
    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, summaryAccounts: Int = 10,
    tool: ToolInfo
  ) {
    self.policy = policy
    self.evidence = evidence
    self.parameters = parameters
    self.now = now
    self.failOn = failOn
    self.formats = formats
    self.reportsFolder = reportsFolder
    self.standardOutput = standardOutput
    self.jobs = max(1, jobs)
    self.summaryAccounts = summaryAccounts
    self.tool = tool
  }

  /// The report's context: the run's facts without accounts, and (once known) its totals.
  func context(summary: AuditSummary = AuditSummary()) -> AuditReport {
    var report = AuditReport(
      generatedAt: now, tool: tool, policy: policy.policy, catalog: policy.catalog,
      policyFile: ReportedFile(path: policy.policyFile.path, sha256: policy.policyFile.sha256),
      catalogFile: ReportedFile(
        path: policy.catalogFile.path, sha256: policy.catalogFile.sha256),
      failOn: failOn, accounts: [])
    report.summary = summary
    report.shard = shard
    report.waivers = waivers
    return report
  }
}

/// What a completed run produced.
public struct AuditOutcome: Sendable {
  /// The run's facts and totals (without the accounts, which streamed past).
  public var report: AuditReport
  /// The accounts the terminal summary shows.
  public var sample: TextReport.Sample
  /// The run folder the report files were published in, if any.
  public var runFolder: String?
  public var timings: StageTimings
  /// Accounts in the evidence that belong to another shard and were not audited.
  public var outsideShard = 0
}

/// Why a run stopped without judging.
public enum AuditFailure: Error, Sendable {
  /// The evidence is invalid, or there is none.
  case input(InputError)
  /// The inputs cannot be judged (a parameter without a value, evidence from the future).
  case engine(EngineError)
  /// A report could not be written.
  case output(AtomicFile.WriteError)
  /// The run's observer (the audit history) failed.
  case observer(ObserverError)
  /// Live evidence could not be collected (network, authentication, remote error).
  case collection(CollectionError)
}

/// Where the time of a run went, for `--timings` and the benchmark.
public struct StageTimings: Sendable {
  /// Reading files and parsing and decoding evidence.
  public var parse: Duration = .zero
  /// Gathering documents into accounts.
  public var merge: Duration = .zero
  /// Evaluating accounts and rendering their report fragments.
  public var evaluate: Duration = .zero
  /// Writing and publishing report files.
  public var write: Duration = .zero
  /// Whether the input had to be read twice because an account's documents were apart.
  public var wasIndexed = false

  public init() {}
}
