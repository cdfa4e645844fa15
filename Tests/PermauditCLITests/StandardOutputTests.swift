import Foundation
import Testing

@testable import PermauditCLI

/// Standard output that fails is told apart from a reader that left early: only the first
/// loses the run its clean exit code.
@Suite struct StandardOutputTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  private let healthy = Repository.root + "/Examples/evidence/01-healthy-account.json"

  /// Writing to a pipe nobody reads raises SIGPIPE, which would end the test process; the
  /// executable ignores it, and so does this process from the first test that needs it.
  /// Note: never restored, since tests run in parallel and another may still be writing.
  static func ignoreBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
  }

  @Test func aFullDeviceIsAFailureThatNamesItsCause() throws {
    let descriptor = open("/dev/full", O_WRONLY)
    try #require(descriptor >= 0, "/dev/full is not available")
    defer { close(descriptor) }
    let output = StandardOutput(descriptor: descriptor)

    output.write("a report\n")
    output.write("more of it\n")

    #expect(output.failure == String(cString: strerror(ENOSPC)))
  }

  @Test func aReaderThatLeftIsNotAFailure() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    close(ends[0])
    defer { close(ends[1]) }
    Self.ignoreBrokenPipes()
    let output = StandardOutput(descriptor: ends[1])

    output.write("nobody reads this\n")

    #expect(output.failure == nil)
  }

  /// Standard output shared with a process that made it non-blocking: a full pipe is
  /// waited on, and a reader that then leaves is still not a failure.
  @Test(arguments: [false, true])
  func aNonBlockingPipeIsWaitedOn(readerLeaves: Bool) throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
    Self.ignoreBrokenPipes()
    let output = StandardOutput(descriptor: ends[1])
    let text = String(repeating: "0123456789abcdef", count: 64 * 1024)  // 1 MiB: 16 pipes
    let finished = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      output.write(text)
      finished.signal()
    }

    let reader = FileHandle(fileDescriptor: ends[0], closeOnDealloc: false)
    var read = 0
    if readerLeaves {
      read = try reader.read(upToCount: 100)?.count ?? 0
      // Note: time for the writer to find the pipe still full and wait on it, so the
      // reader leaves while it waits.
      usleep(200_000)
      close(ends[0])
    } else {
      while read < text.utf8.count, let chunk = try reader.read(upToCount: 1 << 16) {
        read += chunk.count
      }
      close(ends[0])
    }
    #expect(finished.wait(timeout: .now() + 20) == .success, "the writer never finished")
    close(ends[1])

    #expect(output.failure == nil)
    #expect(read == (readerLeaves ? 100 : text.utf8.count))
  }

  @Test func everythingWrittenArrivesInOrder() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let output = StandardOutput(descriptor: ends[1])

    output.write("first, ")
    output.write("second\n")
    close(ends[1])
    let read = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true).readDataToEndOfFile()

    #expect(String(decoding: read, as: UTF8.self) == "first, second\n")
    #expect(output.failure == nil)
  }

  @Test func losingOutputFailsAJudgementAndKeepsAnErrorsCode() {
    #expect(ExitCode.compliant.losingOutput() == .invalidInput)
    #expect(ExitCode.nonCompliant.losingOutput() == .invalidInput)
    #expect(ExitCode.invalidInput.losingOutput() == .invalidInput)
    #expect(ExitCode.collectionFailed.losingOutput() == .collectionFailed)
  }

  /// A compliant run whose printed report was lost exits 2, and says why.
  @Test func lostOutputTurnsACompliantRunIntoAFailure() {
    let errors = OutputBuffer()
    let console = Console(
      write: { _ in }, writeError: { errors.append($0) },
      outputFailure: { "No space left on device" })

    let code = Permaudit.run(auditArguments(["--stdout", "json"]), console: console)

    #expect(code == .invalidInput)
    #expect(
      errors.contents.contains(
        "permaudit: error: cannot write to standard output: No space left on device"))
  }

  /// The same through the real executable, with its standard output on `/dev/full`.
  @Test func theExecutableExitsTwoWhenItsOutputIsFull() throws {
    let run = try auditWithFullOutput(["--stdout", "json"], name: "printed")

    #expect(run.wait() == 2)
    #expect(run.stderr.contains("cannot write to standard output"))
  }

  /// Without `--stdout`, the same run prints nothing and stays compliant.
  @Test func aRunThatPrintsNothingIsUnaffected() throws {
    let run = try auditWithFullOutput(["--quiet"], name: "quiet")

    #expect(run.wait() == 0)
  }

  /// The audit of the healthy example, without report files, then `extra`.
  private func auditArguments(_ extra: [String]) -> [String] {
    [
      "audit", "--policies-dir", Repository.policies, "--policy", "goprofiles-justworks",
      "--now", auditTime, "--reports", "-", "--evidence", healthy,
    ] + extra
  }

  /// Starts the executable on ``auditArguments(_:)`` with standard output on `/dev/full`.
  private func auditWithFullOutput(_ extra: [String], name: String) throws -> Spawned {
    try Executable.start(
      auditArguments(extra), in: sandbox.path, name: name, standardOutput: "/dev/full")
  }
}
