import Foundation
import PermauditCore
import PermauditInput
import Synchronization

/// Reads, decodes and merges the evidence on a thread of its own, a little ahead of
/// evaluation, and hands over the accounts as they complete: reading one window and
/// evaluating the last then share the cores instead of taking turns.
///
/// At most ``maxAhead`` batches wait to be taken, so memory stays bounded. Batches come in
/// input order; the feed ends with ``Item/end`` or with the first failure.
final class AccountFeed: Sendable {
  /// Batches of accounts read ahead, at most.
  static let maxAhead = 1

  /// What ``next()`` hands over.
  enum Item: Sendable {
    /// Accounts complete and ready to judge, in input order.
    case accounts([AccountEvidence])
    /// Everything is read; the stage times of reading and merging.
    case end(StageTimings)
    /// An account's documents are apart: the input needs an indexed pass.
    case ungrouped
    case failed(InputError)
  }

  private let queue = Mutex(Queue())
  private let available = DispatchSemaphore(value: 0)
  private let freeSlots = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)

  private struct Queue {
    var items: [Item] = []
    var isStopped = false
  }

  /// Starts reading at once.
  init(decoder: WindowDecoder, assembler: AccountAssembler) {
    // Note: the semaphores start at zero and are raised, because libdispatch refuses to
    // free a semaphore whose count ends below where it started.
    for _ in 0..<Self.maxAhead { freeSlots.signal() }
    let work = FeedWork(decoder: decoder, assembler: assembler)
    let thread = Thread { [self] in
      run(work)
      finished.signal()
    }
    thread.name = "permaudit.evidence-feed"
    thread.start()
  }

  /// The next batch, waiting for it if need be. Call until it gives `.end` or a failure.
  func next() -> Item {
    available.wait()
    let item = queue.withLock { $0.items.removeFirst() }
    freeSlots.signal()
    return item
  }

  /// Stops reading and waits until the thread has let go of the input. Call once, when the
  /// run stops before the feed's end; harmless after it.
  func stop() {
    queue.withLock { $0.isStopped = true }
    freeSlots.signal()
    finished.wait()
    finished.signal()
  }

  private func run(_ work: FeedWork) {
    var decoder = work.decoder
    var assembler = work.assembler
    var timings = StageTimings()
    while true {
      let item: Item
      do throws(InputError) {
        guard let documents = try decoder.next(timings: &timings) else { break }
        let clock = ContinuousClock()
        let start = clock.now
        var ready: [AccountEvidence] = []
        do throws(AccountAssembler.UngroupedInput) {
          for document in documents { ready += try assembler.add(document) }
          item = .accounts(ready)
        } catch {
          // Note: the accounts completed before the stray document go first, so that the
          // run judges the same accounts before its indexed pass whatever the window.
          timings.merge += clock.now - start
          guard ready.isEmpty || hand(.accounts(ready)) else { return }
          _ = hand(.ungrouped)
          return
        }
        timings.merge += clock.now - start
      } catch {
        item = .failed(error)
      }
      guard hand(item) else { return }
      if case .accounts = item { continue }
      return
    }
    guard hand(.accounts(assembler.finish())) else { return }
    _ = hand(.end(timings))
  }

  /// Queues `item` once there is room; `false` when the feed was stopped.
  private func hand(_ item: Item) -> Bool {
    freeSlots.wait()
    return queue.withLock { queue in
      guard !queue.isStopped else { return false }
      queue.items.append(item)
      available.signal()
      return true
    }
  }
}

/// What the feed's thread takes over: the reader and the assembler, used by it alone.
private struct FeedWork: @unchecked Sendable {
  let decoder: WindowDecoder
  let assembler: AccountAssembler
}
