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
