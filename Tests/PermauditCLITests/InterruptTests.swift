import Foundation
import Testing

/// A run stopped from outside — a signal, a reader that closes its pipe — leaves neither
/// unfinished reports nor private copies of its input behind.
@Suite struct InterruptTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  /// A private temporary folder for the child, so that what it leaves there can be seen.
  private func temporaryFolder() throws -> String {
    let folder = sandbox.path + "/tmp"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  private func batch(accounts: Range<Int>) -> [UInt8] {
    let lines = accounts.map {
      EvidenceFixture.compliant(id: "m_\($0)", firstName: "Acct\($0)").jsonLine
    }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  private func contents(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  /// Where the `latest` link points, without following it: a dangling link still shows.
  private func latest(in reports: String) -> String? {
    try? FileManager.default.destinationOfSymbolicLink(atPath: reports + "/latest")
  }

  /// Starts `permaudit audit` on `evidence` into `reports`, with `TMPDIR` set to `temporary`.
  private func start(
    evidence: String, reports: String, temporary: String, _ extra: [String] = [],
    input: Pipe? = nil
  ) throws -> Spawned {
    let binary = try #require(Executable.path, "the permaudit executable was not built")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments =
      [
        "audit", "--policy", "goprofiles-justworks", "--policies-dir", Repository.policies,
        "--evidence", evidence, "--reports", reports, "--now", auditTime,
      ] + extra
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) {
      $1
    }
    let errorPath = sandbox.path + "/stderr-\(UUID().uuidString).txt"
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    if let input { process.standardInput = input }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle(forWritingAtPath: errorPath)
    try process.run()
    return Spawned(process: process, outputPath: "/dev/null", errorPath: errorPath)
  }

  /// Stopped while it waits for the rest of a batch on standard input (so the signal
  /// surely lands mid-run), the run removes its run folder, says so, and dies of the
  /// signal; the previous run stays complete and `latest` still points at it.
  @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
  func aSignalRemovesTheUnfinishedRunAndKeepsTheLastComplete(signal: Int32) throws {
    let temporary = try temporaryFolder()
    let reports = sandbox.path + "/Reports"
    let first = CLI.run([
      "audit", "--policy", "goprofiles-justworks", "--policies-dir", Repository.policies,
      "--evidence", Repository.root + "/Examples/evidence", "--reports", reports,
      "--now", "2026-12-03T12:00:00Z",
    ])
    #expect(first.exitCode == .nonCompliant)
    let previous = contents(reports + "/runs")
    #expect(previous.count == 1)

    let input = Pipe()
    defer { try? input.fileHandleForWriting.close() }
    let spawned = try start(evidence: "-", reports: reports, temporary: temporary, input: input)
    // More than one chunk of standard input is spooled; the pipe stays open, so the run
    // waits for the rest with its run folder begun.
    try input.fileHandleForWriting.write(contentsOf: Data(batch(accounts: 0..<3_000)))
    #expect(eventually { contents(reports + "/runs").count == 2 })

    kill(spawned.process.processIdentifier, signal)
    spawned.wait(timeout: .seconds(20))

    #expect(spawned.process.terminationReason == .uncaughtSignal)
    #expect(spawned.process.terminationStatus == signal)
    #expect(spawned.stderr.contains("permaudit: stopped by SIG"))
    #expect(spawned.stderr.contains("removed the reports it had not finished"))
    #expect(!spawned.stderr.contains("error"))
    #expect(contents(temporary).isEmpty)
    #expect(contents(reports + "/runs") == previous)
    #expect(latest(in: reports) == previous.first.map { "runs/" + $0 })
  }

  /// With `--per-account`, threads are still writing account files into the run folder
  /// when the signal comes: the folder goes all the same.
  @Test func aSignalRemovesARunFolderThatIsBeingFilled() throws {
    let temporary = try temporaryFolder()
    let reports = sandbox.path + "/Reports"
    let fifo = sandbox.path + "/batch.jsonl"
    #expect(mkfifo(fifo, 0o600) == 0)

    let spawned = try start(
      evidence: fifo, reports: reports, temporary: temporary, ["--per-account", "--jobs", "2"])
    // Note: opened without blocking, so a child that never reads fails the test instead of
    // hanging it; the child's read end appears once it starts on the evidence.
    var descriptor: Int32 = -1
    #expect(
      eventually {
        descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
        return descriptor >= 0
      })
    let writer = try #require(descriptor >= 0 ? descriptor : nil)
    defer { close(writer) }
    _ = fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) & ~O_NONBLOCK)
    let bytes = batch(accounts: 0..<2_000)
    let written = bytes.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
    #expect(written == bytes.count)

    let runs = reports + "/runs"
    #expect(
      eventually {
        contents(runs).contains { !contents(runs + "/" + $0 + "/accounts").isEmpty }
      })
    kill(spawned.process.processIdentifier, SIGTERM)
    spawned.wait(timeout: .seconds(20))

    #expect(spawned.process.terminationStatus == SIGTERM)
    #expect(spawned.stderr.contains("removed the reports it had not finished"))
    #expect(contents(runs).isEmpty)
    #expect(latest(in: reports) == nil)
  }

  /// Evidence on standard input and `--stdout` into a reader that stops early: the run
  /// still finishes (its reports and history matter more than the printed copy), and
  /// neither its spooled input nor its scratch copy of the report is left behind.
  @Test func aClosedOutputPipeLeavesNoScratchFile() throws {
    let binary = try #require(Executable.path, "the permaudit executable was not built")
    let temporary = try temporaryFolder()

    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = [
      "audit", "--policy", "goprofiles-justworks", "--policies-dir", Repository.policies,
      "--evidence", "-", "--reports", "-", "--stdout", "json", "--now", auditTime,
    ]
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) {
      $1
    }
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    let errors = Pipe()
    process.standardError = errors
    try process.run()

    try input.fileHandleForWriting.write(contentsOf: Data(batch(accounts: 0..<3_000)))
    try input.fileHandleForWriting.close()
    let start = try output.fileHandleForReading.read(upToCount: 100) ?? Data()
    try output.fileHandleForReading.close()
    let told = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()

    #expect(String(decoding: start, as: UTF8.self).hasPrefix("{"))
    #expect(
      told.isEmpty, "a reader that left is not an error: \(String(decoding: told, as: UTF8.self))")
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
    #expect(contents(temporary).isEmpty)
  }
}
