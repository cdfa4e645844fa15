import PermauditCore
import PermauditReports

/// The JSON a notification posts: a Slack-compatible `text` that reads well in a channel,
/// and a `permaudit` object with the run's facts and structured drift for machines.
///
/// ```json
/// {"text": "permaudit · goprofiles-justworks: 2 accounts, 1 non-compliant …",
///  "permaudit": {"schema": "permaudit.notification/v1", "generated_at": "…",
///    "policy": {"id": "…", "sha256": "…"}, "exit_code": 1,
///    "summary": {"accounts": 2, "compliant": 1, "non_compliant": 1, "inconclusive": 0},
///    "drift": {…, "accounts": [{"id", "status", "drift"}], "more": 0},
///    "history": {"run": 7, "sha256": "…"}, "reports": "Reports/runs/…"}}
/// ```
public enum WebhookMessage {
  public static let schema = "permaudit.notification/v1"
  /// Changed accounts the `text` names one per line.
  static let textAccounts = 10

  /// The run as recorded in the history, for the message's `history` object.
  public struct RecordedRun: Sendable {
    public var run: Int
    public var sha256: String

    public init(run: Int, sha256: String) {
      self.run = run
      self.sha256 = sha256
    }
  }

  /// The message for a finished run.
  public static func render(
    _ report: AuditReport, exitCode: Int32, recorded: RecordedRun?, reportFolder: String?
  ) -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.field("text", text(report, exitCode: exitCode))
    json.key("permaudit")
    json.beginObject()
    json.field("schema", schema)
    json.field("generated_at", Timestamp.format(report.generatedAt))
    json.key("policy")
    json.beginObject()
    json.field("id", report.policy.id)
    json.field("sha256", report.policyFile.sha256)
    json.endObject()
    json.field("shard", report.shard?.description)
    json.field("exit_code", Int(exitCode))
    json.key("summary")
    json.beginObject()
    json.field("accounts", report.summary.accounts)
    json.field("compliant", report.summary.compliant)
    json.field("non_compliant", report.summary.nonCompliant)
    json.field("inconclusive", report.summary.inconclusive)
    json.endObject()
    if let drift = report.drift {
      json.key("drift")
      DriftJSON.write(drift, includingSample: true, to: &json)
    }
    if let recorded {
      json.key("history")
      json.beginObject()
      json.field("run", recorded.run)
      json.field("sha256", recorded.sha256)
      json.endObject()
    }
    json.field("reports", reportFolder)
    json.endObject()
    json.endObject()
    return json.bytes + [UInt8(ascii: "\n")]
  }

  /// The readable message, with `&`, `<` and `>` escaped as Slack requires.
  static func text(_ report: AuditReport, exitCode: Int32) -> String {
    let summary = report.summary
    var lines = [
      "permaudit · \(report.policy.id)"
        + (report.shard.map { " (shard \($0))" } ?? "")
        + ": \(summary.accounts) account\(summary.accounts == 1 ? "" : "s") — "
        + "\(summary.compliant) compliant, "
        + "\(summary.nonCompliant) non-compliant, \(summary.inconclusive) inconclusive "
        + "(exit \(exitCode))"
    ]
    if let drift = report.drift {
      lines.append(
        "Changes: \(drift.changedAccounts) changed, \(drift.newAccounts) new; findings "
          + "\(drift.findingsAppeared) appeared, \(drift.findingsResolved) resolved")
      for (id, account) in drift.sample.prefix(textAccounts) {
        lines.append("• " + describe(id, account))
      }
      let more = drift.newAccounts + drift.changedAccounts - min(drift.sample.count, textAccounts)
      if more > 0 { lines.append("… and \(more) more") }
    }
    return lines.map(slackEscaped).joined(separator: "\n")
  }

  private static func describe(_ id: String, _ drift: AccountDrift) -> String {
    var text = "\(id): \(drift.status.rawValue)"
    if drift.isNew {
      text += " (new)"
    } else if let previous = drift.previousStatus, drift.statusChanged {
      text += " (was \(previous.rawValue))"
    }
    // Note: the readable line names what counts (fail, warn); `permaudit.drift` has all.
    let counts = { (finding: FindingRecord) in finding.status == "fail" || finding.status == "warn"
    }
    let appeared = drift.appeared.filter(counts).map { "+\($0.kind) \($0.subject)" }
    let resolved = drift.resolved.filter(counts).map { "-\($0.kind) \($0.subject)" }
    let changes = (appeared + resolved).prefix(5)
    if !changes.isEmpty { text += ": " + changes.joined(separator: ", ") }
    return text
  }

  private static func slackEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
