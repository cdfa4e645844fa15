import PermauditCore
import Testing

@testable import PermauditHistory

/// The bytes the hash chain is computed over.
@Suite struct HistoryRecordTests {
  static let run = HistoryRun(
    id: 3, recordedAt: "2026-12-05T09:30:00Z", evaluatedAt: "2026-12-05T09:00:00Z",
    toolVersion: "1.0.0", policyID: "goprofiles-justworks", policySHA256: "ab",
    catalogSystem: "justworks", catalogSHA256: "cd", evidenceSHA256: "ef", shard: nil,
    accounts: 2, compliant: 1, nonCompliant: 1, inconclusive: 0, reportFolder: nil,
    rowsSHA256: "01", previousSHA256: CanonicalRecord.origin, recordSHA256: "")

  @Test func everyFieldChangesTheRecordDigest() {
    let digest = CanonicalRecord.digest(of: Self.run)
    var edits: [HistoryRun] = []
    for edit: (inout HistoryRun) -> Void in [
      { $0.id = 4 }, { $0.recordedAt += " " }, { $0.evaluatedAt = "x" }, { $0.toolVersion = "2" },
      { $0.policyID = "other" }, { $0.policySHA256 = "ac" }, { $0.catalogSHA256 = "ce" },
      { $0.evidenceSHA256 = "eg" }, { $0.shard = "0/2" }, { $0.accounts = 3 },
      { $0.compliant = 2 }, { $0.nonCompliant = 0 }, { $0.inconclusive = 1 },
      { $0.reportFolder = "" }, { $0.rowsSHA256 = "02" }, { $0.previousSHA256 = "1" },
    ] {
      var copy = Self.run
      edit(&copy)
      edits.append(copy)
    }
    for edited in edits {
      #expect(CanonicalRecord.digest(of: edited) != digest, "\(edited)")
    }
  }

  @Test func lengthsKeepFieldBoundariesUnambiguous() {
    // Note: without lengths, moving text from one field to the next could keep the bytes.
    let first = CanonicalRecord.encode("t", [("a", "x\nb:1:y"), ("b", nil)])
    let second = CanonicalRecord.encode("t", [("a", "x"), ("b", "y")])
    #expect(first != second)
    #expect(CanonicalRecord.encode("t", [("a", nil)]) != CanonicalRecord.encode("t", [("a", "")]))
  }

  @Test func findingsRoundTripThroughTheirText() {
    let findings = [
      FindingRecord(
        kind: "missing_permission", subject: "a\"b\\c\n\u{1}é", status: "fail", severity: "high"),
      FindingRecord(kind: "stale_evidence", subject: "m_1", status: "warn", severity: "low"),
    ]
    let text = FindingsText.encode(findings)
    #expect(FindingsText.decode(text) == findings)
    #expect(FindingsText.encode([]) == "[]")
    #expect(FindingsText.decode("[{\"kind\": 1}]") == nil)
    #expect(FindingsText.decode("not json") == nil)
  }
}
