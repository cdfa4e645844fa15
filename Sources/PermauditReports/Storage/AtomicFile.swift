import Foundation
import PermauditCore

/// Writes files so that a reader sees the old content or the new, never half of either.
public enum AtomicFile {
  /// A file could not be written; the message names the path and the system's reason.
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write '\(path)': \(reason)" }

    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }
  }

  /// Writes `bytes` to a temporary file beside `path`, flushes it to disk, and renames it
  /// over `path`.
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    let directory = PathText.folder(of: path)
    let temporary =
      (directory.isEmpty ? "." : directory)
      + "/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"

    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw WriteError(path: path, reason: systemReason()) }
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress, $0.count)
      }
      if result < 0 {
        if errno == EINTR { continue }
        let reason = systemReason()
        close(descriptor)
        unlink(temporary)
        throw WriteError(path: path, reason: reason)
      }
      written += result
    }
    guard fsync(descriptor) == 0, close(descriptor) == 0 else {
      let reason = systemReason()
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
    guard rename(temporary, path) == 0 else {
      let reason = systemReason()
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }

  /// Writes text as UTF-8.
  public static func write(_ text: String, to path: String) throws(WriteError) {
    try write(Array(text.utf8), to: path)
  }

  static func systemReason() -> String {
    String(cString: strerror(errno))
  }
}
