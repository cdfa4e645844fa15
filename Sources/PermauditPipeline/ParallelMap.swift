import Dispatch

/// Applies `transform` to every element on up to `jobs` threads, keeping the order.
///
/// Results are written to disjoint slots of one buffer, so no lock is needed; the work is
/// split into contiguous slices so each thread touches neighbouring memory.
func parallelMap<Element: Sendable, Result: Sendable>(
  _ elements: [Element], jobs: Int, _ transform: @Sendable (Element) -> Result
) -> [Result] {
  guard jobs > 1, elements.count > 1 else { return elements.map(transform) }

  let slices = min(jobs, elements.count)
  let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
  slots.initialize(repeating: nil)
  defer { slots.deallocate() }
  let output = SlotBuffer(slots: slots)

  elements.withUnsafeBufferPointer { input in
    let shared = SharedInput(elements: input)
    DispatchQueue.concurrentPerform(iterations: slices) { slice in
      let start = slice * shared.elements.count / slices
      let end = (slice + 1) * shared.elements.count / slices
      for index in start..<end {
        output.slots[index] = transform(shared.elements[index])
      }
    }
  }
  let results = slots.compactMap { $0 }
  slots.deinitialize()
  return results
}

/// The result slots of ``parallelMap(_:jobs:_:)``; each thread writes its own slice only.
private struct SlotBuffer<Result>: @unchecked Sendable {
  let slots: UnsafeMutableBufferPointer<Result?>
}

/// The input of ``parallelMap(_:jobs:_:)``, read-only while the threads run.
private struct SharedInput<Element>: @unchecked Sendable {
  let elements: UnsafeBufferPointer<Element>
}
