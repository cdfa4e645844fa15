import PermauditCore

/// A report file format that `--format` and `--stdout` name.
///
/// Every format renders in three parts so that a batch can stream: a prologue, one
/// fragment per account (independent of the others, so they can render in parallel), and
/// an epilogue. The whole report is always the three parts joined, with
/// ``fragmentSeparator`` between non-empty fragments, and sealed with its own digest
/// (``ReportDigest``) when the format carries one.
public enum ReportFormat: String, Sendable, CaseIterable {
  case text, json, markdown, html, sarif, junit, csv

  /// The file name a run folder stores this format under.
  public var fileName: String {
    switch self {
    case .text: return "report.txt"
    case .json: return "report.json"
    case .markdown: return "report.md"
    case .html: return "report.html"
    case .sarif: return "report.sarif"
    case .junit: return "report.junit.xml"
    case .csv: return "report.csv"
    }
  }

  /// Whether the prologue shows the run's totals, so that a streamed file must be
  /// assembled at the end rather than written front to back.
  public var prologueNeedsSummary: Bool { self == .markdown || self == .html }

  /// What goes between two non-empty fragments; formats whose fragments may be empty and
  /// sit in a list need one (the JSON report places its own).
  public var fragmentSeparator: [UInt8] {
    self == .sarif ? Array(SARIFReport.separator.utf8) : []
  }

  /// Whether the report carries a digest of its own content that `permaudit verify`
  /// checks. A CSV file has nowhere to put one that would not be imported as data.
  public var carriesDigest: Bool { self != .csv }

  /// The whole report in this format, as a file holds it (no colour), sealed.
  public func render(_ report: AuditReport) -> String {
    switch self {
    case .text:
      return ReportDigest.sealed(
        TextReport.render(report, style: .plain, detail: .full) + Self.textDigestLine)
    case .json: return JSONReport.render(report)
    case .markdown: return MarkdownReport.render(report)
    case .html: return HTMLReport.render(report)
    case .sarif: return SARIFReport.render(report)
    case .junit: return JUnitReport.render(report)
    case .csv: return CSVReport.render(report)
    }
  }

  /// Everything before the first account.
  public func prologue(_ report: AuditReport) -> [UInt8] {
    switch self {
    case .text: return Array(TextReport.prologue(report, style: .plain).utf8)
    case .json: return JSONReport.header(report)
    case .markdown: return Array(MarkdownReport.prologue(report).utf8)
    case .html: return Array(HTMLReport.prologue(report).utf8)
    case .sarif: return Array(SARIFReport.prologue(report).utf8)
    case .junit: return Array(JUnitReport.prologue(report).utf8)
    case .csv: return Array(CSVReport.prologue(report).utf8)
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
    case .html: return Array(HTMLReport.fragment(account, in: report).utf8)
    case .sarif: return Array(SARIFReport.fragment(account, in: report).utf8)
    case .junit: return Array(JUnitReport.fragment(account, in: report).utf8)
    case .csv: return Array(CSVReport.fragment(account).utf8)
    }
  }

  /// Everything after the last account; `report.summary` holds the run's totals and
  /// `report.waivers` which waivers named nothing. It ends with the digest's placeholder
  /// when the format carries one.
  public func epilogue(_ report: AuditReport) -> [UInt8] {
    switch self {
    case .text:
      return Array((TextReport.epilogue(report, style: .plain) + Self.textDigestLine).utf8)
    case .json: return JSONReport.footer(report)
    case .markdown: return Array(MarkdownReport.epilogue(report).utf8)
    case .html: return Array(HTMLReport.epilogue(report).utf8)
    case .sarif: return Array(SARIFReport.epilogue(report).utf8)
    case .junit: return Array(JUnitReport.epilogue(report).utf8)
    case .csv: return Array(CSVReport.epilogue(report).utf8)
    }
  }

  /// The last line of a text report file (not of the terminal summary).
  static let textDigestLine = "\n" + ReportDigest.token + ": " + ReportDigest.placeholder + "\n"
}

/// Joins a streamed format's fragments, putting its ``ReportFormat/fragmentSeparator``
/// between non-empty ones.
public final class FragmentJoiner {
  private let separator: [UInt8]
  private var hasWritten = false

  public init(_ format: ReportFormat) {
    separator = format.fragmentSeparator
  }

  /// The bytes to write for the next fragment.
  public func next(_ fragment: [UInt8]) -> [UInt8] {
    let before = separator(before: fragment)
    return before.isEmpty ? fragment : before + fragment
  }

  /// What to write before the next fragment: the separator, or nothing for the first
  /// non-empty fragment and for an empty one.
  public func separator(before fragment: [UInt8]) -> [UInt8] {
    guard !separator.isEmpty, !fragment.isEmpty else { return [] }
    defer { hasWritten = true }
    return hasWritten ? separator : []
  }
}
