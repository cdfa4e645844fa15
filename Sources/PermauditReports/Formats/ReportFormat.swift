import PermauditCore

/// A report file format that `--format` and `--stdout` name.
///
/// Every format renders in three parts so that a batch can stream: a prologue, one
/// fragment per account (independent of the others, so they can render in parallel), and
/// an epilogue. The whole report is always the three parts joined.
public enum ReportFormat: String, Sendable, CaseIterable {
  case text, json, markdown

  /// The file name a run folder stores this format under.
  public var fileName: String {
    switch self {
    case .text: return "report.txt"
    case .json: return "report.json"
    case .markdown: return "report.md"
    }
  }

  /// Whether the prologue shows the run's totals, so that a streamed file must be
  /// assembled at the end rather than written front to back.
  public var prologueNeedsSummary: Bool { self == .markdown }

  /// The whole report in this format, as a file holds it (no colour).
  public func render(_ report: AuditReport) -> String {
    switch self {
    case .text: return TextReport.render(report, style: .plain, detail: .full)
    case .json: return JSONReport.render(report)
    case .markdown: return MarkdownReport.render(report)
    }
  }

  /// Everything before the first account.
  public func prologue(_ report: AuditReport) -> [UInt8] {
    switch self {
    case .text: return Array(TextReport.prologue(report, style: .plain).utf8)
    case .json: return JSONReport.header(report)
    case .markdown: return Array(MarkdownReport.prologue(report).utf8)
    }
  }

  /// One account, with whatever separates it from the one before.
  public func fragment(_ account: AccountResult, in report: AuditReport, isFirst: Bool)
    -> [UInt8]
  {
    switch self {
    case .text: return Array(TextReport.fragment(account, in: report, style: .plain).utf8)
    case .json: return JSONReport.account(account, isFirst: isFirst)
    case .markdown: return Array(MarkdownReport.fragment(account, in: report).utf8)
    }
  }

  /// Everything after the last account; `report.summary` holds the run's totals.
  public func epilogue(_ report: AuditReport) -> [UInt8] {
    switch self {
    case .text: return Array(TextReport.epilogue(report, style: .plain).utf8)
    case .json: return JSONReport.footer(report.summary)
    case .markdown: return Array(MarkdownReport.epilogue(report).utf8)
    }
  }
}
