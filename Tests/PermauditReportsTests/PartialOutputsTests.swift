import Foundation
import Testing

@testable import PermauditReports

@Suite struct PartialOutputsTests {
  private func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("partial-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func removingAllTakesWhatIsStillListedAndLeavesWhatEnded() throws {
    let root = try folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let runFolder = root + "/run"
    try FileManager.default.createDirectory(atPath: runFolder, withIntermediateDirectories: true)
    #expect(
      FileManager.default.createFile(atPath: runFolder + "/.report.json.partial", contents: nil))
    let finished = root + "/finished.json"
    #expect(FileManager.default.createFile(atPath: finished, contents: nil))

    let partial = PartialOutputs()
    partial.begin(runFolder)
    partial.begin(finished)
    partial.end(finished)

    #expect(partial.removeAll() == 1)
    #expect(!FileManager.default.fileExists(atPath: runFolder))
    #expect(FileManager.default.fileExists(atPath: finished))
  }

  /// What begins while the process is already stopping is removed at once.
  @Test func whatBeginsAfterRemovalIsRemovedAtOnce() throws {
    let root = try folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let late = root + "/late.txt"

    let partial = PartialOutputs()
    partial.removeAll()
    #expect(FileManager.default.createFile(atPath: late, contents: nil))
    partial.begin(late)

    #expect(!FileManager.default.fileExists(atPath: late))
  }
}
