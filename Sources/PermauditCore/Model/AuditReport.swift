import Foundation

/// Everything a report renders: the run's context and each account's verdict.
///
/// Reports are rendered from this value alone, so the same inputs and time always give
/// byte-identical reports.
public struct AuditReport: Sendable {
  public var generatedAt: Date
  public var tool: ToolInfo
  public var policy: Policy
  public var catalog: Catalog
  /// The policy and catalog files with their SHA-256 digests.
  public var policyFile: ReportedFile
  public var catalogFile: ReportedFile
  public var failOn: FailOn
  public var accounts: [AccountResult]
  public var summary: AuditSummary
  /// The waivers the run applied, in file order, with their file.
  public var waivers = WaiverSet()
  /// Drift over the run, when it keeps a history; known once every account is judged.
  public var drift: DriftSummary?
  /// The subset of the batch this run audits, for `--shard I/N`.
  public var shard: Shard?

  public init(
    generatedAt: Date, tool: ToolInfo, policy: Policy, catalog: Catalog,
    policyFile: ReportedFile, catalogFile: ReportedFile, failOn: FailOn,
    accounts: [AccountResult]
  ) {
    self.generatedAt = generatedAt
    self.tool = tool
    self.policy = policy
    self.catalog = catalog
    self.policyFile = policyFile
    self.catalogFile = catalogFile
    self.failOn = failOn
    self.accounts = accounts
    var summary = AuditSummary()
    for account in accounts { summary.count(account.status) }
    self.summary = summary
  }
}

/// The tool that produced a report.
public struct ToolInfo: Sendable, Equatable {
  public var name: String
  public var version: String

  public init(name: String = "permaudit", version: String) {
    self.name = name
    self.version = version
  }
}

/// An input file named in a report, with its SHA-256.
public struct ReportedFile: Sendable, Equatable {
  public var path: String
  public var sha256: String

  public init(path: String, sha256: String) {
    self.path = path
    self.sha256 = sha256
  }
}

/// The waivers of a run: the file they came from and which of them named nothing.
public struct WaiverSet: Sendable, Equatable {
  /// The waivers file with its SHA-256, when one was given.
  public var file: ReportedFile?
  public var waivers: [Waiver]
  /// Positions in ``waivers`` of those that named no finding in any account. Known once
  /// every account is evaluated; empty before.
  public var unused: [Int]

  public init(file: ReportedFile? = nil, waivers: [Waiver] = [], unused: [Int] = []) {
    self.file = file
    self.waivers = waivers
    self.unused = unused
  }

  /// The waivers that named nothing.
  public var unusedWaivers: [Waiver] { unused.map { waivers[$0] } }
}
