import PermauditCore

/// A report file format that `--format` and `--stdout` name.
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

  /// The whole report in this format, as a file holds it (no colour).
  public func render(_ report: AuditReport) -> String {
    switch self {
    case .text: return TextReport.render(report, style: .plain, detail: .full)
    case .json: return JSONReport.render(report)
    case .markdown: return MarkdownReport.render(report)
    }
  }
}
