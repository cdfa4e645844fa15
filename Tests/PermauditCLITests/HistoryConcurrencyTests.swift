import Foundation
import Testing

@testable import PermauditCLI
@testable import PermauditHistory

/// Several audit processes on one history, and one killed while it writes.
@Suite struct HistoryConcurrencyTests {
  let sandbox: Sandbox
  var history: String { sandbox.path + "/history.sqlite" }

  init() throws {
    sandbox = try Sandbox()
  }

  func arguments(_ batch: String, now: String) -> [String] {
    [
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", now, "--evidence", batch, "--reports", "-", "--history", history, "--quiet",
      "--jobs", "1",
    ]
  }

  func batch(accounts: Int, name: String) throws -> String {
    let lines = (0..<accounts).map {
      EvidenceFixture.compliant(id: "m_\(9000 + $0)", firstName: "Acct\($0)").jsonLine
    }
    return try sandbox.write(lines.joined(separator: "\n"), to: name)
  }

  @Test(.timeLimit(.minutes(1)))
  func eightConcurrentProcessesRecordEveryRunExactlyOnce() throws {
    let batch = try batch(accounts: 30, name: "batch.jsonl")
    let times = (0..<8).map { String(format: "2026-12-05T10:%02d:00Z", $0) }
    let processes = try times.enumerated().map { index, now in
      try Executable.start(arguments(batch, now: now), in: sandbox.path, name: "run\(index)")
    }
    for process in processes {
      #expect(process.wait() == 0, "\(process.stderr)")
    }

    let verification = try HistoryVerifier.verify(path: history)
    #expect(verification.isIntact, "\(verification.problem ?? "")")
    #expect(verification.runs == 8)
    let database = try SQLiteDatabase(path: history)
    let runs = try database.prepare("SELECT id, evaluated_at, accounts FROM runs ORDER BY id")
    var seen: [String] = []
    var ids: [Int] = []
    while try runs.step() {
      ids.append(runs.integer(0))
      seen.append(runs.text(1) ?? "")
      #expect(runs.integer(2) == 30)
    }
    runs.reset()
    #expect(ids == Array(1...8), "the chain is linear")
    #expect(seen.sorted() == times, "each run once")
    let rows = try database.prepare("SELECT count(*) FROM accounts")
    #expect(try rows.step())
    #expect(rows.integer(0) == 8 * 30)
  }

  @Test(.timeLimit(.minutes(1)))
  func aProcessKilledMidWriteLeavesAHistoryThatVerifies() throws {
    let batch = try batch(accounts: 200, name: "big.jsonl")
    let first = try Executable.start(
      arguments(batch, now: "2026-12-05T10:00:00Z"), in: sandbox.path, name: "first")
    #expect(first.wait() == 0, "\(first.stderr)")

    let victim = try Executable.start(
      arguments(batch, now: "2026-12-05T11:00:00Z"), in: sandbox.path, name: "victim",
      environment: [ScheduledRun.pauseVariable: "30"])
    let paused = eventually { victim.stderr.contains("paused before the history commit") }
    #expect(paused, "the run never reached its commit: \(victim.stderr)")
    // Note: the run has inserted its run and 200 account rows in an open transaction.
    kill(victim.process.processIdentifier, SIGKILL)
    victim.process.waitUntilExit()
    #expect(victim.process.terminationReason == .uncaughtSignal)

    let afterKill = try HistoryVerifier.verify(path: history)
    #expect(afterKill.isIntact, "\(afterKill.problem ?? "")")
    #expect(afterKill.runs == 1, "the killed run left nothing behind")

    let next = try Executable.start(
      arguments(batch, now: "2026-12-05T12:00:00Z"), in: sandbox.path, name: "next")
    #expect(next.wait() == 0, "\(next.stderr)")
    let afterNext = try HistoryVerifier.verify(path: history)
    #expect(afterNext.isIntact, "\(afterNext.problem ?? "")")
    #expect(afterNext.runs == 2)
  }
}
