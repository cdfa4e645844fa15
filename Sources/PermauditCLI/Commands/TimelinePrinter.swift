import PermauditCore
import PermauditHistory
import PermauditReports

/// Prints timelines as ``HistoryTimeline`` streams them, one account at a time, in text
/// or as `permaudit.history/v1` JSON:
/// `{"schema", "accounts": [{"policy", "id", "timeline": [{"run", "evaluated_at",
/// "status", "findings": [FINDING…], "drift": DRIFT}]}]}` (see ``DriftJSON``).
struct TimelinePrinter {
  let isJSON: Bool
  let write: (String) -> Void
  private var current: (policy: String, account: String)?
  private var accounts = 0

  init(isJSON: Bool, write: @escaping (String) -> Void) {
    self.isJSON = isJSON
    self.write = write
    if isJSON { write("{\n  \"schema\": \"permaudit.history/v1\",\n  \"accounts\": [") }
  }

  mutating func add(_ entry: TimelineEntry) {
    if current?.policy != entry.policyID || current?.account != entry.accountID {
      closeAccount()
      openAccount(entry)
      current = (entry.policyID, entry.accountID)
      accounts += 1
    } else if isJSON {
      write(",")
    }
    isJSON ? writeJSON(entry) : writeText(entry)
  }

  mutating func finish() {
    closeAccount()
    if isJSON {
      write((accounts == 0 ? "]" : "\n  ]") + "\n}\n")
    } else if accounts == 0 {
      write("No runs recorded for this selection.\n")
    }
  }

  private func openAccount(_ entry: TimelineEntry) {
    if isJSON {
      var json = JSONWriter(depth: 2)
      json.beginObject()
      json.field("policy", entry.policyID)
      json.field("id", entry.accountID)
      json.key("timeline")
      write((accounts == 0 ? "\n    " : ",\n    ") + json.output + "[")
    } else {
      write(
        (accounts == 0 ? "" : "\n") + "Account \(Console.oneLine(entry.accountID)) "
          + "(policy \(Console.oneLine(entry.policyID)))\n")
    }
  }

  private func closeAccount() {
    guard current != nil, isJSON else { return }
    write("\n      ]\n    }")
  }

  private func writeJSON(_ entry: TimelineEntry) {
    var json = JSONWriter(depth: 4)
    json.beginObject()
    json.field("run", entry.run)
    json.field("evaluated_at", entry.evaluatedAt)
    json.field("status", entry.status.rawValue)
    json.key("findings")
    DriftJSON.writeList(entry.findings, to: &json)
    json.key("drift")
    DriftJSON.write(entry.drift, to: &json)
    json.endObject()
    write("\n        " + json.output)
  }

  private func writeText(_ entry: TimelineEntry) {
    let drift = entry.drift
    var changes: [String] = []
    if drift.isNew {
      changes.append("first audit")
    } else if drift.statusChanged, let previous = drift.previousStatus {
      changes.append("was \(words(previous))")
    }
    changes += drift.appeared.filter { _ in !drift.isNew }.map {
      "+ \($0.kind) \(Console.oneLine($0.subject))"
    }
    changes += drift.resolved.map { "- \($0.kind) \(Console.oneLine($0.subject))" }
    changes += drift.changed.map {
      "~ \($0.after.kind) \(Console.oneLine($0.after.subject)) \($0.before.status) → "
        + $0.after.status
    }
    if changes.isEmpty { changes.append("no change") }
    let status = words(entry.status).padding(toLength: 14, withPad: " ", startingAt: 0)
    write(
      "  run \(entry.run)  \(entry.evaluatedAt)  \(status)  "
        + changes.joined(separator: "; ") + "\n")
  }

  private func words(_ status: AccountStatus) -> String {
    switch status {
    case .compliant: return "compliant"
    case .nonCompliant: return "non-compliant"
    case .inconclusive: return "inconclusive"
    }
  }
}
