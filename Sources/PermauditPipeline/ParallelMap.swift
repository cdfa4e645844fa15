import Dispatch
import Synchronization

/// Applies `transform` to every element on up to `jobs` threads, keeping the order.
///
/// Each thread takes the next element not yet taken, so a slow element does not leave the
/// other threads idle; results go to disjoint slots of one buffer, so no lock is needed.
func parallelMap<Element: Sendable, Result: Sendable>(
  _ elements: [Element], jobs: Int, _ transform: @Sendable (Element) -> Result
) -> [Result] {
  guard jobs > 1, elements.count > 1 else { return elements.map(transform) }

  let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
  slots.initialize(repeating: nil)
  defer { slots.deallocate() }
  let output = SlotBuffer(slots: slots)
  let nextIndex = Atomic<Int>(0)

  elements.withUnsafeBufferPointer { input in
    let shared = SharedInput(elements: input)
    DispatchQueue.concurrentPerform(iterations: min(jobs, elements.count)) { _ in
      while true {
        let index = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < shared.elements.count else { return }
        output.slots[index] = transform(shared.elements[index])
      }
    }
  }
  let results = slots.compactMap { $0 }
  slots.deinitialize()
  return results
}

/// `count` items split into about `pieces` contiguous ranges of nearly equal size, in
/// order; none is empty.
func contiguousRanges(count: Int, pieces: Int) -> [Range<Int>] {
  guard count > 0 else { return [] }
  let pieces = max(1, min(pieces, count))
  return (0..<pieces).map { piece in
    (piece * count / pieces)..<((piece + 1) * count / pieces)
  }
}

/// The result slots of ``parallelMap(_:jobs:_:)``; each thread writes its own slots only.
private struct SlotBuffer<Result>: @unchecked Sendable {
  let slots: UnsafeMutableBufferPointer<Result?>
}

/// The input of ``parallelMap(_:jobs:_:)``, read-only while the threads run.
private struct SharedInput<Element>: @unchecked Sendable {
  let elements: UnsafeBufferPointer<Element>
}
