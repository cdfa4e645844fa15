import Dispatch
import Foundation
import PermauditReports
import Synchronization

/// Runs report writes on a thread of their own, one after another in the order they were
/// given, so that the next accounts are decoded and evaluated while the last ones are
/// written.
///
/// At most ``maxPending`` writes wait at a time; giving another blocks until one is done,
/// so memory stays bounded however far evaluation runs ahead. The first failure stops
/// every later write and is thrown by the next ``submit(_:)`` or by ``drain()``.
final class BackgroundWriter: Sendable {
  /// Writes queued and not yet done, at most.
  static let maxPending = 2

  private let queue = DispatchQueue(label: "permaudit.report-writer")
  private let slots = DispatchSemaphore(value: 0)
  private let state = Mutex(State())

  init() {
    // Note: raised from zero, because libdispatch refuses to free a semaphore whose count
    // ends below where it started (a run that fails with writes in flight).
    for _ in 0..<Self.maxPending { slots.signal() }
  }

  private struct State {
    var failure: AtomicFile.WriteError?
    var busy: Duration = .zero
  }

  /// The time spent writing so far, on the writer's thread.
  var busyTime: Duration { state.withLock { $0.busy } }

  /// Queues `write`; throws the failure of an earlier write instead, if one failed.
  func submit(_ write: @escaping @Sendable () throws(AtomicFile.WriteError) -> Void)
    throws(AtomicFile.WriteError)
  {
    try throwFailure()
    slots.wait()
    queue.async { [self] in
      defer { slots.signal() }
      guard state.withLock({ $0.failure == nil }) else { return }
      let clock = ContinuousClock()
      let start = clock.now
      var failure: AtomicFile.WriteError?
      do throws(AtomicFile.WriteError) {
        try write()
      } catch {
        failure = error
      }
      let elapsed = clock.now - start
      state.withLock { state in
        state.busy += elapsed
        if state.failure == nil { state.failure = failure }
      }
    }
  }

  /// Waits for every queued write; throws the first failure, if any.
  func drain() throws(AtomicFile.WriteError) {
    queue.sync {}
    try throwFailure()
  }

  private func throwFailure() throws(AtomicFile.WriteError) {
    if let failure = state.withLock({ $0.failure }) { throw failure }
  }
}
