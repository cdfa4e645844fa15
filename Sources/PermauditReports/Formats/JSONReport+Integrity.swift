import PermauditCore

extension JSONReport {
  /// The end of the report: the summary (and drift), the run's waivers with those that
  /// named nothing, and last the report's own digest (``ReportDigest``).
  public static func footer(_ report: AuditReport) -> [UInt8] {
    var bytes = footer(report.summary, drift: report.drift)
    // Note: the summary footer closes the root object; reopen it for the fields below.
    let closing = Array("\n}\n".utf8)
    if bytes.count >= closing.count, Array(bytes.suffix(closing.count)) == closing {
      bytes.removeLast(closing.count)
    }
    if !report.waivers.waivers.isEmpty || report.waivers.file != nil {
      var json = JSONWriter(depth: 1)
      writeWaivers(report, to: &json)
      bytes += Array(",\n  \"waivers\": ".utf8) + json.bytes
    }
    let digest = ",\n  \"" + ReportDigest.token + "\": \"" + ReportDigest.placeholder + "\"\n}\n"
    return bytes + Array(digest.utf8)
  }

  /// The waiver a finding carries, if any.
  static func writeWaiver(_ note: WaiverNote?, to json: inout JSONWriter) {
    guard let note else { return }
    json.key("waiver")
    json.waiverObject(note.waiver) { json in
      json.field("status_before_waiver", note.originalStatus.rawValue)
    }
  }

  private static func writeWaivers(_ report: AuditReport, to json: inout JSONWriter) {
    json.beginObject()
    json.field("path", report.waivers.file?.path)
    json.field("sha256", report.waivers.file?.sha256)
    json.key("waivers")
    json.beginArray()
    for (position, waiver) in report.waivers.waivers.enumerated() {
      json.waiverObject(waiver) { json in
        json.field("state", WaiverText.state(waiver, in: report, position: position))
        json.key("used")
        json.bool(!report.waivers.unused.contains(position))
      }
    }
    json.endArray()
    json.endObject()
  }

}
