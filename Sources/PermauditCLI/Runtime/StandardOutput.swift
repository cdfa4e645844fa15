import Foundation
import Synchronization

/// The process's standard output, written with `write(2)` so that a failure is seen with
/// its cause.
///
/// A reader that left (`| head`: the pipe is closed, `EPIPE`) is not a failure: the rest of
/// the output is dropped and the run goes on to record its reports and history. Any other
/// failure (a full disk behind `> file`, an I/O error) is: the first one is kept, the rest
/// of the output is dropped, and ``Permaudit/run(_:console:)`` reports it at the end, so a
/// scheduler never takes a lost report for a clean run.
final class StandardOutput: Sendable {
  /// The process's own standard output.
  static let shared = StandardOutput(descriptor: STDOUT_FILENO)

  private let descriptor: Int32
  private let state = Mutex(State())

  private struct State {
    var isClosed = false
    var failure: Int32?
  }

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Why output was lost, as `strerror` says it; `nil` while every write succeeded or the
  /// reader only left early.
  var failure: String? {
    state.withLock { $0.failure }.map { String(cString: strerror($0)) }
  }

  /// Writes all of `text`, unless an earlier write already failed.
  func write(_ text: String) {
    state.withLock { state in
      guard !state.isClosed else { return }
      var bytes = Array(text.utf8)[...]
      while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if written >= 0 {
          bytes = bytes.dropFirst(written)
          continue
        }
        let cause = errno
        if cause == EINTR { continue }
        state.isClosed = true
        if cause != EPIPE { state.failure = cause }
        return
      }
    }
  }
}
