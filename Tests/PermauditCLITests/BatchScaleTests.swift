import Foundation
import Testing

@testable import PermauditCLI

/// `--shard I/N` and `--per-account` on a batch.
@Suite struct BatchScaleTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  static let ids =
    (0..<24).map { "m_\(7000 + $0)" }
    + ["../../etc/passwd", "a/b", "ünï", ""]
    .filter { !$0.isEmpty }

  func batch() throws -> String {
    let lines = Self.ids.enumerated().map {
      EvidenceFixture.compliant(id: $0.element, firstName: "Acct\($0.offset)").jsonLine
    }
    return try sandbox.write(lines.joined(separator: "\n"), to: "batch.jsonl")
  }

  @Test func shardsSplitABatchIntoDisjointStableParts() throws {
    let batch = try batch()
    var seen: [String] = []
    for index in 0..<3 {
      let result = CLI.audit(evidence: [batch], ["--shard", "\(index)/3"])
      #expect(result.exitCode == .compliant, "\(result.stderr)")
      let report = try result.report()
      #expect(report.object["shard"] as? String == "\(index)/3")
      let ids = report.accounts.compactMap(\.id)
      #expect(!ids.isEmpty)
      seen += ids
      // Note: the same shard twice holds the same accounts.
      let again = try CLI.audit(evidence: [batch], ["--shard", "\(index)/3"]).report()
      #expect(again.accounts.compactMap(\.id) == ids)
    }
    #expect(seen.sorted() == Self.ids.sorted())
  }

  @Test func aShardWithNoAccountsPassesButABadShardIsAUsageError() throws {
    let one = try sandbox.write(
      EvidenceFixture.compliant(id: "m_1", firstName: "One").jsonLine, to: "one.jsonl")
    let results = (0..<2).map { CLI.audit(evidence: [one], ["--shard", "\($0)/2"]) }
    #expect(results.map(\.exitCode) == [.compliant, .compliant])
    #expect(try results.map { try $0.report().summary["accounts"] }.sorted { $0! < $1! } == [0, 1])
    for bad in ["2/2", "1", "x/3", "0/0"] {
      expectInputError(CLI.audit(evidence: [one], ["--shard", bad]), mentioning: ["--shard"])
    }
  }

  @Test func perAccountWritesOneSafelyNamedReportPerAccount() throws {
    let batch = try batch()
    let reports = sandbox.path + "/Reports"
    let result = CLI.run([
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", auditTime, "--evidence", batch, "--reports", reports, "--format", "json,text",
      "--per-account", "--quiet", "--history", "-",
    ])
    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let folder = reports + "/latest/accounts"
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files.count == Self.ids.count * 2)
    #expect(files.contains("m_7000.json") && files.contains("m_7000.txt"))
    #expect(files.contains("%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.json"))
    #expect(files.contains("a%2Fb.json"))
    #expect(files.contains("%C3%BCn%C3%AF.json"))
    #expect(files.allSatisfy { !$0.hasPrefix(".") })
    let one = try ReportView(
      json: try String(contentsOfFile: folder + "/a%2Fb.json", encoding: .utf8))
    #expect(one.accounts.compactMap(\.id) == ["a/b"])
    #expect(one.summary["accounts"] == 1)
    // Note: the batch summary is still written, with every account.
    let whole = try ReportView(
      json: try String(contentsOfFile: reports + "/latest/report.json", encoding: .utf8))
    #expect(whole.summary["accounts"] == Self.ids.count)
  }

  @Test func perAccountNeedsAReportsFolder() throws {
    let batch = try batch()
    expectInputError(CLI.audit(evidence: [batch], ["--per-account"]), mentioning: ["--per-account"])
  }
}
