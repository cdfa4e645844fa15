import Foundation
import Testing

@testable import PermauditCLI
@testable import PermauditHistory

/// `--notify` against a loopback webhook receiver (a Python standard-library server).
@Suite struct NotificationTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  /// The secret part of the address, which must never be printed.
  static let secret = "T000-SECRET-TOKEN"

  /// Runs the built executable (a separate process, as a scheduler would), so that the
  /// blocking network calls never hold the test runner's threads.
  func audit(
    _ extra: [String], now: String = auditTime, name: String, standardOutput: String? = nil
  ) throws -> Spawned {
    let batch = try sandbox.write(
      EvidenceFixture.compliant(id: "m_8101", firstName: "Birch").jsonLine, to: "one.jsonl")
    let run = try Executable.start(
      [
        "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
        "--now", now, "--evidence", batch, "--reports", "-",
        "--history", sandbox.path + "/history.sqlite",
      ] + extra, in: sandbox.path, name: name, standardOutput: standardOutput)
    run.wait(timeout: .seconds(40))
    return run
  }

  @Test(.timeLimit(.minutes(1)))
  func aReceiverThatFailsTwiceGetsTheMessageOnTheThirdTry() throws {
    let receiver = try Receiver.start(mode: "flaky", in: sandbox)
    defer { receiver.stop() }
    let result = try audit(
      [
        "--notify", "http://127.0.0.1:\(receiver.port)/hooks/\(Self.secret)",
        "--notify-on", "change", "--notify-attempts", "3",
      ], name: "flaky")

    #expect(result.process.terminationStatus == 0, "\(result.stderr)")
    let requests = receiver.requests
    #expect(requests.count == 3)
    let body = try #require(requests.last)
    #expect(body["path"] as? String == "/hooks/\(Self.secret)")
    let message = try #require(body["body"] as? [String: Any])
    let text = try #require(message["text"] as? String)
    #expect(text.contains("goprofiles-justworks: 1 account — 1 compliant"))
    #expect(text.contains("m_8101: compliant (new)"))
    let facts = try #require(message["permaudit"] as? [String: Any])
    let drift = try #require(facts["drift"] as? [String: Any])
    #expect(drift["new_accounts"] as? Int == 1)
    #expect((facts["history"] as? [String: Any])?["run"] as? Int == 1)

    #expect(!(result.stdout + result.stderr).contains(Self.secret))
    let deliveries = try NotificationLog.deliveries(path: sandbox.path + "/history.sqlite")
    #expect(deliveries.map(\.outcome) == ["delivered"])
    #expect(deliveries.first?.attempts == 3)
    #expect(deliveries.first?.target == "http://127.0.0.1:\(receiver.port)")

    // Note: the same evidence again: nothing changed, so `change` sends nothing.
    let quiet = try audit(
      ["--notify", "http://127.0.0.1:\(receiver.port)/hooks/\(Self.secret)"],
      now: "2026-12-05T10:30:00Z", name: "unchanged")
    #expect(quiet.process.terminationStatus == 0, "\(quiet.stderr)")
    #expect(receiver.requests.count == 3)
  }

  /// A run whose printed report was lost ends with 2, and its message says 2, not the 0
  /// of its judgement: the receiver must not report a clean run.
  @Test(.timeLimit(.minutes(1)))
  func theMessageCarriesTheCodeOfARunWhoseOutputWasLost() throws {
    let receiver = try Receiver.start(mode: "flaky", in: sandbox)
    defer { receiver.stop() }
    let result = try audit(
      [
        "--notify", "http://127.0.0.1:\(receiver.port)/hooks/\(Self.secret)",
        "--notify-on", "fail", "--notify-attempts", "3", "--stdout", "json",
      ], name: "full", standardOutput: "/dev/full")

    #expect(result.process.terminationStatus == 2, "\(result.stderr)")
    #expect(result.stderr.contains("cannot write to standard output"))
    let message = try #require(receiver.requests.last?["body"] as? [String: Any])
    let facts = try #require(message["permaudit"] as? [String: Any])
    #expect(facts["exit_code"] as? Int == 2)
  }

  @Test(.timeLimit(.minutes(1)))
  func aReceiverThatNeverAnswersTimesOutWithoutLosingTheAudit() throws {
    let receiver = try Receiver.start(mode: "silent", in: sandbox)
    defer { receiver.stop() }
    let started = ContinuousClock.now
    let result = try audit(
      [
        "--notify", "http://127.0.0.1:\(receiver.port)/hooks/\(Self.secret)",
        "--notify-on", "always", "--notify-attempts", "2", "--notify-timeout", "1",
        "--stdout", "json",
      ], name: "silent")
    let elapsed = ContinuousClock.now - started

    #expect(result.process.terminationStatus == 0, "the verdict stands: \(result.stderr)")
    #expect(try ReportView(json: result.stdout).summary["accounts"] == 1)
    #expect(elapsed < .seconds(12), "bounded: 2 tries of 1 s and a 1 s wait, took \(elapsed)")
    #expect(
      result.stderr.contains(
        "permaudit: warning: notification to http://127.0.0.1:\(receiver.port) failed after 2 "
          + "tries"), "\(result.stderr)")
    #expect(!(result.stdout + result.stderr).contains(Self.secret))
    let deliveries = try NotificationLog.deliveries(path: sandbox.path + "/history.sqlite")
    #expect(deliveries.map(\.outcome) == ["failed"])
    #expect(deliveries.first?.attempts == 2)
    let detail = deliveries.first?.detail ?? ""
    #expect(detail == "timed out" || detail.hasPrefix("no answer"), "\(detail)")
  }

  @Test func theAddressCanComeFromTheEnvironmentAndIsNeverEchoed() throws {
    // Note: these fail before any network call, so they run in-process.
    let batch = try sandbox.write(
      EvidenceFixture.compliant(id: "m_8101", firstName: "Birch").jsonLine, to: "one.jsonl")
    func audit(_ extra: [String]) -> CLIResult {
      CLI.audit(evidence: [batch], ["--history", sandbox.path + "/h.sqlite"] + extra)
    }
    let missing = audit(["--notify", "env:PERMAUDIT_TEST_NO_SUCH_VARIABLE"])
    expectInputError(missing, mentioning: ["PERMAUDIT_TEST_NO_SUCH_VARIABLE is not set"])
    let bad = audit(["--notify", "ftp://\(Self.secret)@example.com/x"])
    expectInputError(bad)
    #expect(!bad.stderr.contains(Self.secret))
    let noHistory = CLI.audit(evidence: [batch], ["--notify", "https://example.com/x"])
    expectInputError(noHistory, mentioning: ["--notify-on change needs the history"])
  }
}

/// The receiver did not start (no python3?).
struct ReceiverError: Error {}

/// A loopback webhook receiver: `flaky` answers 500 twice then 204; `silent` accepts and
/// never answers. Every request it answers is logged as one JSON line.
struct Receiver {
  let process: Process
  let port: Int
  let log: String

  static let script = #"""
    import http.server, json, sys, time
    mode, log_path, port_path = sys.argv[1], sys.argv[2], sys.argv[3]
    count = 0
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            global count
            count += 1
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if mode == "silent":
                time.sleep(60)
                return
            with open(log_path, "a") as log:
                log.write(json.dumps({"path": self.path, "body": json.loads(body)}) + "\n")
            self.send_response(500 if count <= 2 else 204)
            self.end_headers()
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(port_path + ".tmp", "w") as out:
        out.write(str(server.server_address[1]))
    import os
    os.rename(port_path + ".tmp", port_path)
    server.serve_forever()
    """#

  static func start(mode: String, in sandbox: Sandbox) throws -> Receiver {
    let script = try sandbox.write(Self.script, to: "receiver-\(mode).py")
    let log = sandbox.path + "/receiver-\(mode).log"
    let portFile = sandbox.path + "/receiver-\(mode).port"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, mode, log, portFile]
    try process.run()
    #expect(eventually { FileManager.default.fileExists(atPath: portFile) })
    let text = (try? String(contentsOfFile: portFile, encoding: .utf8)) ?? ""
    guard let port = Int(text) else {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw ReceiverError()
    }
    return Receiver(process: process, port: port, log: log)
  }

  var requests: [[String: Any]] {
    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
  }

  /// Kills the receiver. Note: SIGKILL, because a child of the test runner inherits its
  /// blocked signals, SIGTERM included, and would never end.
  func stop() {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}
