import Foundation
import Synchronization

/// What the process has begun writing and not finished: a run folder whose reports are
/// still being written, standard input spooled to disk. An interrupted run removes them
/// on its way out (the CLI does so on SIGINT, SIGTERM and SIGHUP), so that `runs/` holds
/// only complete runs and no private copy of the evidence stays in the temporary folder.
///
/// A path is listed with ``begin(_:)`` once it exists and taken off with ``end(_:)`` once
/// it is complete or already removed. Paths are removed whole, folders with what is in them.
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
    if isClosed { remove(path) }
  }

  /// Takes `path` off the list: it is complete, or it is gone.
  public func end(_ path: String) {
    listing.withLock { listing in
      if let index = listing.paths.lastIndex(of: path) { listing.paths.remove(at: index) }
    }
  }

  /// Removes every listed path, the latest first, and removes at once whatever begins
  /// from now on. Returns how many paths were listed.
  @discardableResult
  public func removeAll() -> Int {
    listing.withLock { listing in
      listing.isClosed = true
      for path in listing.paths.reversed() { remove(path) }
      defer { listing.paths.removeAll() }
      return listing.paths.count
    }
  }

  private func remove(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }
}
