import Foundation
import PermauditCore
import PermauditInput
import Testing

@testable import PermauditPipeline

@Suite struct AccountFeedTests {
  private static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// A feed over `lines` (JSON Lines, padded so that they span several windows).
  private func feed(_ lines: [String]) throws -> (AccountFeed, String) {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("feed-\(UUID().uuidString).jsonl").path
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let catalog = try PolicyLibrary(directory: Self.repository + "/Policies")
      .loadPolicy("goprofiles-justworks").catalog
    let reader = try EvidenceBlockReader(
      references: [path], standardInput: { .memory(InputFile(path: "-", bytes: [])) })
    let decoder = WindowDecoder(
      reader: reader, loader: EvidenceLoader(catalog: catalog), jobs: 2)
    return (AccountFeed(decoder: decoder, assembler: AccountAssembler()), path)
  }

  private func record(_ id: String) -> String {
    "{\"system\": \"justworks\", \"collected_at\": \"2026-12-03T08:00:00Z\", "
      + "\"source\": \"\(String(repeating: "s", count: 900))\", \"account\": {\"id\": \"\(id)\"}}"
  }

  @Test func handsOverEveryAccountInOrderThenTheEnd() throws {
    let ids = (0..<2_000).map { "m_\($0)" }
    let (feed, path) = try feed(ids.map(record))
    defer { try? FileManager.default.removeItem(atPath: path) }

    var seen: [String] = []
    var batches = 0
    reading: while true {
      switch feed.next() {
      case .accounts(let accounts):
        seen += accounts.map(\.accountID)
        batches += 1
      case .end(let timings):
        #expect(timings.parse > .zero)
        break reading
      case .ungrouped, .failed:
        Issue.record("expected every account")
        break reading
      }
    }
    #expect(seen == ids)
    #expect(batches > 2)
  }

  @Test func anAccountSeenAgainAfterAnotherAsksForAnIndexedPass() throws {
    let (feed, path) = try feed([record("m_1"), record("m_2"), record("m_1")])
    defer { try? FileManager.default.removeItem(atPath: path) }
    var sawUngrouped = false
    var handedBefore: [String] = []
    reading: while true {
      switch feed.next() {
      case .accounts(let accounts):
        handedBefore += accounts.map(\.accountID)
        continue
      case .ungrouped: sawUngrouped = true
      case .end, .failed: break
      }
      break reading
    }
    #expect(sawUngrouped)
    // The account completed before the stray document is handed over first.
    #expect(handedBefore == ["m_1"])
  }

  @Test func aBadLineInALaterWindowFailsWithItsLine() throws {
    var lines = (0..<1_500).map { record("m_\($0)") }
    lines.append("{\"system\": ")
    let (feed, path) = try feed(lines)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var failure: InputError?
    reading: while true {
      switch feed.next() {
      case .accounts: continue
      case .failed(let error): failure = error
      case .end, .ungrouped: break
      }
      break reading
    }
    #expect(failure?.location?.line == 1_501)
  }

  /// A run that stops early stops the feed while its thread waits for room to hand over
  /// the next batch; stopping returns, and stopping again is harmless.
  @Test func stoppingAFeedThatWaitsForRoomReturns() throws {
    let (feed, path) = try feed((0..<3_000).map { record("m_\($0)") })
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard case .accounts = feed.next() else {
      Issue.record("expected a first batch")
      return
    }
    Thread.sleep(forTimeInterval: 0.2)
    feed.stop()
    feed.stop()
  }
}
