import Foundation
import Testing

@testable import PermauditCore

@Suite struct MemoTests {
  @Test func computesEachKeyOnceAndGivesTheSameAnswerAfterwards() {
    let memo = Memo<Int>()
    let calls = Counter()
    for _ in 0..<3 {
      #expect(
        memo.value(for: "abc") {
          calls.increment()
          return $0.count
        } == 3)
    }
    #expect(calls.value == 1)
  }

  @Test func startsOverWhenFullSoMemoryStaysBounded() {
    let memo = Memo<Int>()
    let calls = Counter()
    for index in 0...Memo<Int>.capacity {
      _ = memo.value(for: "key\(index)") {
        calls.increment()
        return $0.count
      }
    }
    _ = memo.value(for: "key0") {
      calls.increment()
      return $0.count
    }
    #expect(calls.value == Memo<Int>.capacity + 2)
  }

  @Test func tableKeepsKeysWhoseHashesCollide() {
    var table = MemoTable<Int>()
    for (position, key) in ["a", "b", "c"].enumerated() {
      table.insert(position, for: key, hash: 7)
    }
    #expect(table.value(for: "a", hash: 7) == 0)
    #expect(table.value(for: "c", hash: 7) == 2)
    #expect(table.value(for: "d", hash: 7) == nil)
    #expect(table.value(for: "a", hash: 8) == nil)
  }

  @Test func tableGrowsAndStartsOver() {
    var table = MemoTable<Int>()
    let keys = (0..<500).map { "spelling \($0)" }
    for (position, key) in keys.enumerated() {
      table.insert(position, for: key, hash: MemoTable<Int>.hash(key))
    }
    #expect(table.count == keys.count)
    for (position, key) in keys.enumerated() {
      #expect(table.value(for: key, hash: MemoTable<Int>.hash(key)) == position)
    }

    table.removeAll()
    #expect(table.count == 0)
    #expect(table.value(for: keys[0], hash: MemoTable<Int>.hash(keys[0])) == nil)
  }

  @Test func textsThatReadTheSameButDifferInBytesAreEachComputed() {
    let memo = Memo<String>()
    let composed = memo.value(for: "\u{E9}") { $0.unicodeScalars.map { "\($0.value)" }.joined() }
    let decomposed = memo.value(for: "e\u{301}") {
      $0.unicodeScalars.map { "\($0.value)" }.joined()
    }
    #expect(composed == "233")
    #expect(decomposed == "101769")
  }

  @Test func givesTheFunctionsAnswerFromManyThreads() {
    let memo = Memo<String?>()
    let keys = (0..<200).map { "name \($0 % 17)" }
    let results = UnsafeResults(count: keys.count)
    DispatchQueue.concurrentPerform(iterations: keys.count) { index in
      results.set(index, memo.value(for: keys[index]) { $0.uppercased() })
    }
    #expect(results.values == keys.map { $0.uppercased() })
  }
}

/// A call counter for one thread.
private final class Counter: @unchecked Sendable {
  private(set) var value = 0
  func increment() { value += 1 }
}

/// Results written to distinct slots from several threads.
private final class UnsafeResults: @unchecked Sendable {
  private var slots: [String?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: String?) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [String?] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}
