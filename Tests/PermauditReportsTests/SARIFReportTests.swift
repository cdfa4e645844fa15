import Foundation
import PermauditCore
import Testing

@testable import PermauditReports

@Suite struct SARIFReportTests {
  static func parse(_ report: AuditReport) throws -> [String: Any] {
    let data = Data(SARIFReport.render(report).utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func run(_ log: [String: Any]) throws -> [String: Any] {
    try #require((log["runs"] as? [[String: Any]])?.first)
  }

  static func results(_ log: [String: Any]) throws -> [[String: Any]] {
    try #require(try run(log)["results"] as? [[String: Any]])
  }

  @Test func oneResultPerFindingEachPointingAtItsRule() throws {
    let log = try Self.parse(FixtureReports.withWaivers)
    #expect(log["version"] as? String == "2.1.0")
    let run = try Self.run(log)
    let rules = try #require(
      ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"]
        as? [[String: Any]])
    let results = try Self.results(log)
    #expect(results.count == FixtureReports.withWaivers.accounts.flatMap(\.findings).count)
    for result in results {
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
    }
    let missing = try #require(
      results.first {
        ($0["properties"] as? [String: Any])?["finding_kind"] as? String
          == "missing_permission"
      })
    #expect(missing["ruleId"] as? String == "permission/view_invoices_and_reporting")
    #expect(missing["level"] as? String == "error")
    let help = try #require(
      rules.first { $0["id"] as? String == "permission/view_invoices_and_reporting" })
    let helpText = try #require((help["help"] as? [String: Any])?["text"] as? String)
    #expect(helpText.contains(FixtureCatalog.Reasons.reports))
  }

  @Test func levelsFollowTheStatusAndWaiversSuppress() throws {
    let results = try Self.results(Self.parse(FixtureReports.withWaivers))
    func properties(_ result: [String: Any]) -> [String: Any] {
      result["properties"] as? [String: Any] ?? [:]
    }
    for result in results {
      let status = properties(result)["status"] as? String
      let level = result["level"] as? String
      switch status {
      case "fail": #expect(level == "error")
      case "warn": #expect(level == "warning")
      case "info": #expect(level == "note")
      case "waived":
        let suppressions = try #require(result["suppressions"] as? [[String: Any]])
        #expect(suppressions.first?["status"] as? String == "accepted")
        #expect(level == "warning", "a waived warning keeps its level under the suppression")
      default: Issue.record("unexpected status \(String(describing: status))")
      }
    }
  }

  @Test func fingerprintsAreStableAcrossRunsAndDistinctPerFinding() throws {
    var later = FixtureReports.withWaivers
    later.generatedAt = later.generatedAt.addingTimeInterval(86_400 * 30)
    later.tool.version = "9.9.9"
    func fingerprints(_ report: AuditReport) throws -> [String] {
      try Self.results(Self.parse(report)).map { result in
        let prints = try #require(result["partialFingerprints"] as? [String: String])
        return try #require(prints[SARIFReport.fingerprintName.description])
      }
    }
    let first = try fingerprints(FixtureReports.withWaivers)
    #expect(first == (try fingerprints(later)))
    #expect(Set(first).count == first.count)
  }

  @Test func recordsTheInputFilesWithTheirDigests() throws {
    let run = try Self.run(Self.parse(FixtureReports.withWaivers))
    let artifacts = try #require(run["artifacts"] as? [[String: Any]])
    let hashes = artifacts.compactMap { ($0["hashes"] as? [String: String])?["sha-256"] }
    #expect(
      hashes == [
        String(repeating: "9e", count: 32), String(repeating: "c4", count: 32),
        String(repeating: "5a", count: 32),
      ])
  }

  @Test func emptyAccountsLeaveValidJSON() throws {
    let report = FixtureReports.report([
      FixtureAccounts.compliant(id: "a"), FixtureAccounts.drifted(),
      AccountResult(id: "b", status: .compliant, evidence: [], findings: [], passed: []),
    ])
    var context = report
    context.accounts = []
    var accounts = report.accounts
    accounts.insert(accounts.removeLast(), at: 0)
    let joiner = FragmentJoiner(.sarif)
    var bytes = ReportFormat.sarif.prologue(context)
    for account in accounts {
      bytes += joiner.next(ReportFormat.sarif.fragment(account, in: context, isFirst: false))
    }
    bytes += ReportFormat.sarif.epilogue(context)
    #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(bytes)) }
  }

  @Test func urisArePercentEncoded() {
    #expect(SARIFResult.uri("evil|dir/`x`.json") == "evil%7Cdir/%60x%60.json")
    #expect(SARIFResult.uri("<stdin>") == "%3Cstdin%3E")
    #expect(SARIFResult.split("batch.jsonl:12") == ("batch.jsonl", 12))
  }

  /// Results look their rules up in an index built from the policy alone; it must list
  /// the rules in the order the report writes them.
  @Test func ruleIndexAgreesWithTheRuleList() {
    let report = FixtureReports.all
    let rules = SARIFRules(report: report).rules
    let index = SARIFRuleIndex(policy: report.policy)
    for (position, rule) in rules.enumerated() {
      let first = rules.firstIndex { $0.id == rule.id } ?? position
      #expect(index.position(of: rule.id) == first, "\(rule.id)")
    }
    #expect(index.position(of: "permission/not_in_the_policy") == nil)
  }
}
