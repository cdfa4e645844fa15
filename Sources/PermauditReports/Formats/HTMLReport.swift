import Foundation
import PermauditCore

/// The HTML report: one self-contained page (inline styles, no scripts, fonts or images
/// from anywhere) that a security reviewer reads on screen or prints. It holds the run's
/// context and summary, then per account its findings with reason, impact, fix, provenance
/// and waiver, the checklist by setup step, what lies beyond the policy by risk, and the
/// evidence with digests; then the run's waivers with their expiry.
///
/// Every value from input is escaped with ``MarkupEscaping``, and a Content Security
/// Policy forbids scripts, so a value such as `<script>` is shown and never run.
public enum HTMLReport {
  /// The whole report.
  public static func render(_ report: AuditReport) -> String {
    ReportDigest.sealed(
      prologue(report) + report.accounts.map { fragment($0, in: report) }.joined()
        + epilogue(report))
  }

  /// The head, the run's context and its summary. It shows the run's totals, so a streamed
  /// report writes it last, in front of the rest.
  public static func prologue(_ report: AuditReport) -> String {
    let title = "Permission audit: " + report.policy.title
    var html = [
      "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        + "style-src 'unsafe-inline'\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>" + text(title) + "</title>", "<style>", HTMLStyle.css, "</style>", "</head>",
      "<body>", "<header>", "<h1>" + text(title) + "</h1>", "<dl class=\"meta\">",
    ]
    var items = [
      ("Policy", code(report.policy.id)), ("Policy file", code(report.policyFile.path)),
      ("Policy SHA-256", code(report.policyFile.sha256)),
      ("Catalog", code(report.catalog.system) + " — " + text(report.catalog.title)),
      ("Catalog file", code(report.catalogFile.path)),
      ("Catalog SHA-256", code(report.catalogFile.sha256)),
    ]
    if let file = report.waivers.file {
      items += [("Waivers file", code(file.path)), ("Waivers SHA-256", code(file.sha256))]
    }
    items += [
      ("Generated at", text(Timestamp.format(report.generatedAt))),
      ("Tool", text(report.tool.name) + " " + code(report.tool.version)),
      ("Fail on", code(report.failOn.rawValue)),
    ]
    if let source = report.policy.source {
      items.append(("Documented source", HTMLReport.link(source.title, url: source.url)))
    }
    html += items.map { "<dt>" + $0.0 + "</dt><dd>" + $0.1 + "</dd>" }
    html += ["</dl>", "</header>", "<main>", "<section class=\"summary\">", "<h2>Summary</h2>"]
    let summary = report.summary
    html.append("<ul class=\"cards\">")
    html += [
      ("Accounts", summary.accounts, "total"), ("Compliant", summary.compliant, "pass"),
      ("Non-compliant", summary.nonCompliant, "fail"),
      ("Inconclusive", summary.inconclusive, "unknown"),
    ].map { "<li class=\"card \($0.2)\"><span class=\"count\">\($0.1)</span> \($0.0)</li>" }
    html += ["</ul>", "</section>"]
    if summary.accounts == 0 {
      html.append("<p>No accounts were audited.</p>")
    }
    return html.joined(separator: "\n") + "\n"
  }

  /// One account's section.
  public static func fragment(_ account: AccountResult, in report: AuditReport) -> String {
    var section = HTMLAccountSection(report: report)
    section.write(account)
    return section.lines.joined(separator: "\n") + "\n"
  }

  /// The run's waivers and the report's digest.
  public static func epilogue(_ report: AuditReport) -> String {
    var html = ["<section class=\"waivers\">", "<h2>Waivers</h2>"]
    let waivers = report.waivers.waivers
    if waivers.isEmpty {
      html.append("<p>No waivers were given.</p>")
    } else {
      html += [
        "<table>",
        "<thead><tr><th>State</th><th>Account</th><th>Kind</th><th>Subject</th>"
          + "<th>Reason</th><th>Owner</th><th>Approved by</th><th>Expires</th>"
          + "<th>Written at</th></tr></thead>", "<tbody>",
      ]
      for (position, waiver) in waivers.enumerated() {
        let state = WaiverText.state(waiver, in: report, position: position)
        let cells = [
          "<span class=\"badge \(state == "in force" ? "pass" : "warn")\">\(state)</span>",
          code(waiver.account), code(waiver.kind.rawValue), code(waiver.subject),
          text(waiver.reason), text(waiver.owner), text(waiver.approvedBy),
          text(waiver.expiresText), code(waiver.origin),
        ]
        html.append("<tr><td>" + cells.joined(separator: "</td><td>") + "</td></tr>")
      }
      html += ["</tbody>", "</table>"]
    }
    html += [
      "</section>", "</main>", "<footer>",
      "<p>Check this file with <code>permaudit verify</code>. "
        + ReportDigest.token + ": <code>" + ReportDigest.placeholder + "</code></p>",
      "</footer>", "</body>", "</html>",
    ]
    return html.joined(separator: "\n") + "\n"
  }

  static func text(_ value: String) -> String { MarkupEscaping.text(value) }
  static func code(_ value: String) -> String { "<code>" + MarkupEscaping.text(value) + "</code>" }

  /// A link when `url` is `http` or `https`; otherwise the title and address as text.
  static func link(_ title: String, url: String?) -> String {
    guard let url else { return text(title) }
    let lowercased = url.trimmingCharacters(in: .whitespaces).lowercased()
    guard lowercased.hasPrefix("https://") || lowercased.hasPrefix("http://") else {
      return text(title) + " (" + text(url) + ")"
    }
    return "<a href=\"" + MarkupEscaping.attribute(url) + "\" rel=\"noreferrer\">" + text(title)
      + "</a>"
  }
}
