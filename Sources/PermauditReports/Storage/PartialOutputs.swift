import Foundation
import PermauditCore
import Synchronization

/// Run folders the process has begun and not finished: their reports are still being
/// written. An interrupted run removes them on its way out (the CLI does so on SIGINT,
/// SIGTERM and SIGHUP), so that `runs/` holds only complete runs.
///
/// A folder is listed with ``begin(_:)`` once it exists. It leaves the list either through
/// ``publish(_:_:)``, which points `latest` at it in the same step, or through ``end(_:)``
/// once it is removed. Once ``removeAll()`` has run, nothing more is published.
public final class PartialOutputs: Sendable {
  /// The process's own list, the one the CLI clears on a signal.
  public static let shared = PartialOutputs()

  private struct Listing {
    var paths: [String] = []
    /// Set by ``removeAll()``: whatever begins afterwards is removed at once.
    var isClosed = false
  }

  private let listing = Mutex(Listing())

  public init() {}

  /// Lists `path`, which the process has just created and will finish or remove.
  public func begin(_ path: String) {
    let isClosed = listing.withLock { listing in
      if !listing.isClosed { listing.paths.append(path) }
      return listing.isClosed
    }
    if isClosed { _ = Self.remove(path) }
  }

  /// Takes `path` off the list because it is gone.
  public func end(_ path: String) {
    listing.withLock { listing in
      if let index = listing.paths.lastIndex(of: path) { listing.paths.remove(at: index) }
    }
  }

  /// Takes the complete `path` off the list and runs `publish` (pointing `latest` at it)
  /// as one step, so that a signal meanwhile can neither remove a published folder nor
  /// leave `latest` pointing at a removed one.
  ///
  /// - Returns: `false`, with `publish` not run, when the process is stopping.
  public func publish<Failure: Error>(
    _ path: String, _ publish: () throws(Failure) -> Void
  ) throws(Failure) -> Bool {
    try listing.withLock { (listing) throws(Failure) -> Bool in
      guard !listing.isClosed else { return false }
      if let index = listing.paths.lastIndex(of: path) { listing.paths.remove(at: index) }
      try publish()
      return true
    }
  }

  /// Removes every listed path, the latest first, and from now on removes whatever
  /// begins and refuses to publish. Returns how many paths are gone.
  @discardableResult
  public func removeAll() -> Int {
    listing.withLock { listing in
      listing.isClosed = true
      let removed = listing.paths.reversed().filter(Self.remove).count
      listing.paths.removeAll()
      return removed
    }
  }

  /// Removes `path` whole. A folder is first renamed to a hidden name beside it, in one
  /// step, so that threads still writing into it fail instead of filling it again while
  /// it is emptied.
  private static func remove(_ path: String) -> Bool {
    let parent = PathText.folder(of: path)
    let name = (path as NSString).lastPathComponent
    let hidden = (parent.isEmpty ? "." : parent) + "/.\(name).removing.\(getpid())"
    let target: String
    if rename(path, hidden) == 0 {
      target = hidden
    } else {
      guard FileManager.default.fileExists(atPath: path) else { return false }
      target = path
    }
    for attempt in 1...5 {
      if (try? FileManager.default.removeItem(atPath: target)) != nil { return true }
      // Note: a file created in the folder as it was emptied makes one pass fail.
      if attempt < 5 { usleep(20_000) }
    }
    return false
  }
}
