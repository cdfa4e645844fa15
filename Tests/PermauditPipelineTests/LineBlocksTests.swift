import Foundation
import PermauditInput
import Testing

@testable import PermauditPipeline

@Suite struct LineBlocksTests {
  private func temporaryFile(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("lineblocks-\(UUID().uuidString).jsonl").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Every block ends at a line end and carries the number of its first line, whatever
  /// the block size, so records keep their line numbers in error messages and origins.
  @Test(arguments: [1, 5, 17, 64, 1 << 20])
  func blocksEndAtLineEndsAndKnowTheirFirstLine(blockSize: Int) throws {
    let lines = (1...40).map {
      "{\"n\": \($0), \"text\": \"\(String(repeating: "x", count: $0))\"}"
    }
    let path = try temporaryFile(lines.joined(separator: "\n"))
    defer { try? FileManager.default.removeItem(atPath: path) }

    var blocks = try LineBlocks(path: path, blockSize: blockSize)
    var seen: [(line: Int, text: String)] = []
    while let block = try blocks.next() {
      guard case .lines(let bytes, let firstLine, _) = block else {
        Issue.record("expected a block of lines")
        return
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
      for (offset, part) in parts.enumerated() where !part.isEmpty {
        seen.append((firstLine + offset, String(part)))
      }
    }
    #expect(seen.map(\.line) == Array(1...40))
    #expect(seen.map(\.text) == lines)
  }
}
