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

  private func batch(accounts: Int) -> [UInt8] {
    let lines = (0..<accounts).map {
      EvidenceFixture.compliant(id: "m_\($0)", firstName: "Acct\($0)").jsonLine
    }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  private func contents(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  /// Stopped while it waits for the rest of a batch on standard input (so the signal
  /// surely lands mid-run), the run removes its run folder and its spooled input, says
  /// so, and dies of the signal.
  @Test(arguments: [SIGTERM, SIGINT])
  func aSignalRemovesTheUnfinishedRunAndTheSpooledInput(signal: Int32) throws {
    let binary = try #require(Executable.path, "the permaudit executable was not built")
    let temporary = try temporaryFolder()
    let reports = sandbox.path + "/Reports"

    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = [
      "audit", "--policy", "goprofiles-justworks", "--policies-dir", Repository.policies,
      "--evidence", "-", "--reports", reports, "--now", auditTime,
    ]
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) {
      $1
    }
    let input = Pipe()
    let errorPath = sandbox.path + "/stderr.txt"
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle(forWritingAtPath: errorPath)
    try process.run()
    let spawned = Spawned(process: process, outputPath: "/dev/null", errorPath: errorPath)
    defer { try? input.fileHandleForWriting.close() }

    // More than one chunk of standard input makes the run spool it; the pipe stays open,
    // so the run waits for the rest with its reports begun.
    try input.fileHandleForWriting.write(contentsOf: Data(batch(accounts: 3_000)))
    let spooled = eventually { contents(temporary).contains { $0.hasPrefix("permaudit-stdin") } }
    let begun = eventually { !contents(reports + "/runs").isEmpty }
    #expect(spooled && begun)

    kill(process.processIdentifier, signal)
    spawned.wait(timeout: .seconds(20))
    let said = spawned.stderr

    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    #expect(said.contains("permaudit: stopped by SIG"))
    #expect(said.contains("removed the reports it had not finished"))
    #expect(!said.contains("error"))
    #expect(contents(temporary).isEmpty)
    #expect(contents(reports + "/runs").isEmpty)
    #expect(!FileManager.default.fileExists(atPath: reports + "/latest"))
  }

  /// `--stdout` into a reader that stops reading early: the process ends (a closed pipe
  /// stops it, as it stops any command-line tool), and its scratch copy of the report
  /// never had a name in the temporary folder to be left under.
  @Test func aClosedOutputPipeLeavesNoScratchFile() throws {
    let binary = try #require(Executable.path, "the permaudit executable was not built")
    let temporary = try temporaryFolder()
    let evidence = try sandbox.write(bytes: batch(accounts: 200), to: "batch.jsonl")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = [
      "audit", "--policy", "goprofiles-justworks", "--policies-dir", Repository.policies,
      "--evidence", evidence, "--reports", "-", "--stdout", "json",
      "--now", auditTime,
    ]
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) {
      $1
    }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()

    let start = try output.fileHandleForReading.read(upToCount: 100) ?? Data()
    try output.fileHandleForReading.close()
    process.waitUntilExit()

    #expect(String(decoding: start, as: UTF8.self).hasPrefix("{"))
    #expect(contents(temporary).isEmpty)
  }
}
