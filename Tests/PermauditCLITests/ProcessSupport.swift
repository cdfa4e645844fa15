import Foundation
import Testing

/// The built `permaudit` executable and helpers to run it as a separate process, for tests
/// about several processes at once or a process that is killed.
enum Executable {
  /// `permaudit` beside the test bundle in the build folder (`swift build` and `swift test`
  /// build it there), or `nil` when it is not there.
  static var path: String? {
    let bundle =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    var folder = (bundle as NSString).deletingLastPathComponent
    // Note: the test binary may sit inside `permauditPackageTests.xctest/…` on some layouts.
    for _ in 0..<4 {
      let candidate = folder + "/permaudit"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return nil
  }

  /// Starts `permaudit arguments` with standard output and error going to files in `folder`;
  /// `standardOutput` sends standard output to that path instead (`/dev/full`).
  static func start(
    _ arguments: [String], in folder: String, name: String, environment: [String: String] = [:],
    standardOutput: String? = nil
  ) throws -> Spawned {
    let binary = try #require(path, "the permaudit executable was not built beside the tests")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = folder + "/\(name).out"
    let errors = folder + "/\(name).err"
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    _ = FileManager.default.createFile(atPath: errors, contents: nil)
    process.standardOutput = try #require(FileHandle(forWritingAtPath: standardOutput ?? output))
    process.standardError = FileHandle(forWritingAtPath: errors)
    try process.run()
    return Spawned(process: process, outputPath: output, errorPath: errors)
  }
}

/// A running or finished child process.
struct Spawned {
  let process: Process
  let outputPath: String
  let errorPath: String

  var stderr: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }
  var stdout: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

  /// Waits for the process to end, killing it after `timeout`; returns its exit status.
  @discardableResult
  func wait(timeout: Duration = .seconds(30)) -> Int32 {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return process.terminationStatus
  }
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(20), _ condition: () -> Bool) -> Bool {
  let deadline = ContinuousClock.now + timeout
  while ContinuousClock.now < deadline {
    if condition() { return true }
    Thread.sleep(forTimeInterval: 0.01)
  }
  return condition()
}
