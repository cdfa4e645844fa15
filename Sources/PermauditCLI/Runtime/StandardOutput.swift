import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

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
        let written = bytes.withUnsafeBytes { writeSome(descriptor, $0) }
        if written > 0 {
          bytes = bytes.dropFirst(written)
          continue
        }
        // Note: write(2) returns 0 only for a zero-length write; should a device do it
        // anyway, the output is lost rather than retried forever.
        let cause = written == 0 ? EIO : errno
        if cause == EINTR { continue }
        // Note: a descriptor shared with a process that made it non-blocking fills up
        // rather than blocks; wait until it drains.
        if cause == EAGAIN || cause == EWOULDBLOCK, waitUntilWritable(descriptor) { continue }
        state.isClosed = true
        if cause != EPIPE { state.failure = cause }
        return
      }
    }
  }
}

/// One `write(2)` of as much of `bytes` as the descriptor takes.
private func writeSome(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
  write(descriptor, bytes.baseAddress, bytes.count)
}

/// Waits until `descriptor` can take more or has something to report (a reader that left
/// shows as an error condition, and the next write says which: `EPIPE`); `false` when
/// waiting itself failed.
private func waitUntilWritable(_ descriptor: Int32) -> Bool {
  var watched = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
  while true {
    let ready = poll(&watched, 1, -1)
    if ready > 0 { return true }
    if ready < 0, errno == EINTR { continue }
    return false
  }
}
