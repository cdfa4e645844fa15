import PermauditCore

/// Drift in JSON, as the report's `drift` sections and the webhook message write it.
///
/// Per account:
/// `{"previous_run": 2, "previous_evaluated_at": "…", "previous_status": "compliant",
///   "status_changed": true, "appeared": [FINDING…], "resolved": [FINDING…],
///   "changed": [{"kind", "subject", "from": {"status", "severity"}, "to": {…}}]}`,
/// where FINDING is `{"kind", "subject", "status", "severity"}` and the `previous_*` keys
/// are `null` for an account audited for the first time (every finding then "appeared").
public enum DriftJSON {
  /// One account's drift as an object.
  public static func write(_ drift: AccountDrift, to json: inout JSONWriter) {
    json.beginObject()
    json.key("previous_run")
    if let run = drift.previousRun { json.int(run) } else { json.null() }
    json.key("previous_evaluated_at")
    if let time = drift.previousEvaluatedAt { json.string(time) } else { json.null() }
    json.key("previous_status")
    if let status = drift.previousStatus { json.string(status.rawValue) } else { json.null() }
    json.key("status_changed")
    json.bool(drift.statusChanged)
    json.key("appeared")
    writeList(drift.appeared, to: &json)
    json.key("resolved")
    writeList(drift.resolved, to: &json)
    json.key("changed")
    json.beginArray()
    for change in drift.changed {
      json.beginObject()
      json.field("kind", change.after.kind)
      json.field("subject", change.after.subject)
      json.key("from")
      writeLevels(change.before, to: &json)
      json.key("to")
      writeLevels(change.after, to: &json)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }

  /// The run's drift totals as an object:
  /// `{"compared", "new_accounts", "changed_accounts", "status_changes",
  ///   "findings_appeared", "findings_resolved", "findings_changed"}`; findings of new
  /// accounts are not counted as appeared. With `sample`, also `"accounts"`: the first
  /// changed accounts (`{"id", "status", "drift"}`), and `"more"`: how many were left out.
  public static func write(
    _ summary: DriftSummary, includingSample sample: Bool, to json: inout JSONWriter
  ) {
    json.beginObject()
    json.field("compared", summary.compared)
    json.field("new_accounts", summary.newAccounts)
    json.field("changed_accounts", summary.changedAccounts)
    json.field("status_changes", summary.statusChanges)
    json.field("findings_appeared", summary.findingsAppeared)
    json.field("findings_resolved", summary.findingsResolved)
    json.field("findings_changed", summary.findingsChanged)
    if sample {
      json.key("accounts")
      json.beginArray()
      for (id, drift) in summary.sample {
        json.beginObject()
        json.field("id", id)
        json.field("status", drift.status.rawValue)
        json.key("drift")
        write(drift, to: &json)
        json.endObject()
      }
      json.endArray()
      json.field("more", summary.unsampled)
    }
    json.endObject()
  }

  /// Findings as history records them (kind, subject, status, severity), as a JSON list.
  public static func writeList(_ findings: [FindingRecord], to json: inout JSONWriter) {
    json.beginArray()
    for finding in findings {
      json.beginObject()
      json.field("kind", finding.kind)
      json.field("subject", finding.subject)
      json.field("status", finding.status)
      json.field("severity", finding.severity)
      json.endObject()
    }
    json.endArray()
  }

  private static func writeLevels(_ finding: FindingRecord, to json: inout JSONWriter) {
    json.beginObject()
    json.field("status", finding.status)
    json.field("severity", finding.severity)
    json.endObject()
  }
}
