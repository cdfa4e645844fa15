import Foundation
import PermauditReports
import Synchronization
import Testing

@testable import PermauditPipeline

@Suite struct BackgroundWriterTests {
  @Test func writesRunInTheOrderGiven() throws {
    let writer = BackgroundWriter()
    let order = Mutex<[Int]>([])
    for index in 0..<50 {
      try writer.submit { () throws(AtomicFile.WriteError) in
        order.withLock { $0.append(index) }
      }
    }
    try writer.drain()
    #expect(order.withLock { $0 } == Array(0..<50))
  }

  @Test func theFirstFailureStopsLaterWritesAndIsThrown() throws {
    let writer = BackgroundWriter()
    let done = Mutex<[Int]>([])
    try writer.submit { () throws(AtomicFile.WriteError) in done.withLock { $0.append(1) } }
    try writer.submit { () throws(AtomicFile.WriteError) in
      throw AtomicFile.WriteError(path: "/reports/report.json", reason: "No space left on device")
    }
    // Queued behind the failure, or refused at once: either way it never runs.
    try? writer.submit { () throws(AtomicFile.WriteError) in done.withLock { $0.append(3) } }

    #expect(throws: AtomicFile.WriteError.self) { try writer.drain() }
    #expect(done.withLock { $0 } == [1])
    #expect(throws: AtomicFile.WriteError.self) {
      try writer.submit { () throws(AtomicFile.WriteError) in }
    }
  }
}

@Suite struct StreamedFileDigestTests {
  /// The digest taken while writing is the digest of the bytes in the file, whether they
  /// went through the buffer, straight to the file, or from another streamed file.
  @Test func theRunningDigestIsTheDigestOfTheFile() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("streamed-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }

    let part = try StreamedFile(target: folder + "/part.txt")
    try part.append(Array(repeating: 0x61, count: 3_000_000))
    let whole = try StreamedFile(target: folder + "/whole.txt")
    try whole.append(Array("head\n".utf8))
    try whole.append(contentsOf: part)
    try whole.append(Array("tail\n".utf8))
    let digest = try whole.finishDigest()
    try whole.publish()
    part.discard()

    let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/whole.txt"))
    #expect(written.count == 3_000_010)
    #expect(digest == SHA256.hex(Array(written)))
  }
}

@Suite struct ContiguousRangesTests {
  @Test(arguments: [(0, 4), (1, 4), (3, 8), (10, 3), (1_000, 8)])
  func rangesCoverEveryItemInOrderWithNoneEmpty(count: Int, pieces: Int) {
    let ranges = contiguousRanges(count: count, pieces: pieces)
    #expect(ranges.flatMap { Array($0) } == Array(0..<count))
    #expect(ranges.allSatisfy { !$0.isEmpty })
    #expect(ranges.count == min(count, pieces))
  }
}
