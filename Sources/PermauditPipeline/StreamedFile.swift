import Foundation
import PermauditCore
import PermauditReports

/// A file written in pieces and published only when complete: the pieces go to a hidden
/// temporary file beside the target, which is renamed over the target at the end.
final class StreamedFile {
  let target: String
  /// The hidden file the pieces go to until ``publish()``.
  let temporary: String
  private var handle: FileHandle?
  private var buffer: [UInt8] = []
  /// The digest of every byte written so far, in order; sealing uses it instead of
  /// reading the file back.
  private let digest = SHA256()
  /// The bytes written to the file so far (the buffer not included).
  private(set) var writtenSize = 0

  /// Bytes are gathered up to this size before they are written.
  private static let flushSize = 1 << 20

  init(target: String) throws(AtomicFile.WriteError) {
    self.target = target
    let directory = PathText.folder(of: target)
    let name = (target as NSString).lastPathComponent
    temporary =
      (directory.isEmpty ? "." : directory)
      + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).partial"
    // A new file only (O_EXCL): never write through a link someone left at that name.
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw AtomicFile.WriteError(path: target, reason: String(cString: strerror(errno)))
    }
    self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
  }

  func append(_ bytes: [UInt8]) throws(AtomicFile.WriteError) {
    guard bytes.count < Self.flushSize else {
      // A large piece goes straight to the file rather than through the buffer.
      try flush()
      if let reason = bytes.withUnsafeBytes({ writeFully($0) }) {
        throw AtomicFile.WriteError(path: target, reason: reason)
      }
      return
    }
    buffer += bytes
    if buffer.count >= Self.flushSize { try flush() }
  }

  /// The SHA-256 of the file's content so far, as 64 lowercase hex digits; the file
  /// cannot be sealed twice.
  func finishDigest() throws(AtomicFile.WriteError) -> String {
    try flush()
    return digest.finish()
  }

  /// Appends everything another streamed file holds so far, without keeping it in memory.
  func append(contentsOf other: StreamedFile) throws(AtomicFile.WriteError) {
    try other.flush()
    try flush()
    guard let source = FileHandle(forReadingAtPath: other.temporary) else {
      throw AtomicFile.WriteError(path: other.target, reason: "cannot reopen its parts")
    }
    defer { try? source.close() }
    while true {
      let chunk: Data
      do {
        chunk = try source.read(upToCount: Self.flushSize) ?? Data()
      } catch {
        throw AtomicFile.WriteError(path: other.target, reason: error.localizedDescription)
      }
      if chunk.isEmpty { break }
      try write(chunk)
    }
  }

  /// Flushes, syncs and renames the file into place.
  func publish() throws(AtomicFile.WriteError) {
    try flush()
    do {
      try handle?.synchronize()
      try handle?.close()
    } catch {
      throw AtomicFile.WriteError(path: target, reason: error.localizedDescription)
    }
    handle = nil
    guard chmod(temporary, 0o644) == 0, rename(temporary, target) == 0 else {
      throw AtomicFile.WriteError(path: target, reason: String(cString: strerror(errno)))
    }
  }

  /// Removes the temporary file; the target is left as it was.
  func discard() {
    try? handle?.close()
    handle = nil
    unlink(temporary)
  }

  /// Copies the file's content so far to `output`, piece by piece, each piece ending on a
  /// whole UTF-8 character.
  func copy(to output: (String) -> Void) throws(AtomicFile.WriteError) {
    try flush()
    guard let source = FileHandle(forReadingAtPath: temporary) else {
      throw AtomicFile.WriteError(path: target, reason: "cannot reopen its parts")
    }
    defer { try? source.close() }
    var carry: [UInt8] = []
    while true {
      let chunk: Data
      do {
        chunk = try source.read(upToCount: Self.flushSize) ?? Data()
      } catch {
        // Note: a read error must not print a shortened report as if it were whole.
        throw AtomicFile.WriteError(path: target, reason: error.localizedDescription)
      }
      if chunk.isEmpty { break }
      var bytes = carry + chunk
      var end = bytes.count
      // Note: back up over continuation bytes so a character is never split in two.
      while end > 0, end > bytes.count - 4, bytes[end - 1] & 0xC0 == 0x80 { end -= 1 }
      if end > 0, bytes[end - 1] >= 0xC0 { end -= 1 }
      carry = Array(bytes[end...])
      bytes.removeLast(bytes.count - end)
      output(String(decoding: bytes, as: UTF8.self))
    }
    if !carry.isEmpty { output(String(decoding: carry, as: UTF8.self)) }
  }

  func flush() throws(AtomicFile.WriteError) {
    guard !buffer.isEmpty else { return }
    let result = buffer.withUnsafeBytes { writeFully($0) }
    buffer.removeAll(keepingCapacity: true)
    if let reason = result { throw AtomicFile.WriteError(path: target, reason: reason) }
  }

  private func write(_ data: Data) throws(AtomicFile.WriteError) {
    if let reason = data.withUnsafeBytes({ writeFully($0) }) {
      throw AtomicFile.WriteError(path: target, reason: reason)
    }
  }

  /// Writes all of `bytes` to the file; the system's reason when that fails.
  private func writeFully(_ bytes: UnsafeRawBufferPointer) -> String? {
    guard let base = bytes.baseAddress else { return nil }
    guard let handle else { return "the file was already closed" }
    digest.update(bytes)
    writtenSize += bytes.count
    var written = 0
    while written < bytes.count {
      let result = Foundation.write(handle.fileDescriptor, base + written, bytes.count - written)
      if result < 0 {
        if errno == EINTR { continue }
        return String(cString: strerror(errno))
      }
      written += result
    }
    return nil
  }

  deinit {
    if handle != nil { discard() }
  }
}
