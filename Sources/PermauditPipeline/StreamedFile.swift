import Foundation
import PermauditCore
import PermauditReports

/// A file written in pieces and published only when complete: the pieces go to a hidden
/// temporary file beside the target, which is renamed over the target at the end.
///
/// A scratch file, one that is read back but never published, loses its name as soon as
/// it is created: it lives only as long as its descriptor, so a run that is killed (a
/// closed pipe on `--stdout`, a signal) leaves nothing behind.
final class StreamedFile {
  let target: String
  /// The hidden file the pieces go to until ``publish()``.
  let temporary: String
  /// Whether the file has a name to publish under; a scratch file has none.
  let isPublishable: Bool
  private var handle: FileHandle?
  private var buffer: [UInt8] = []
  /// The digest of every byte written so far, in order; sealing uses it instead of
  /// reading the file back.
  private let digest = SHA256()
  /// The bytes written to the file so far (the buffer not included).
  private(set) var writtenSize = 0

  /// Bytes are gathered up to this size before they are written.
  private static let flushSize = 1 << 20

  /// Creates the hidden file beside `target`.
  ///
  /// - Parameter isPublishable: `false` for a scratch file, which is unlinked at once and
  ///   read back with ``copy(to:)`` or ``append(contentsOf:)``, never published.
  init(target: String, isPublishable: Bool = true) throws(AtomicFile.WriteError) {
    self.target = target
    self.isPublishable = isPublishable
    let directory = PathText.folder(of: target)
    let name = (target as NSString).lastPathComponent
    temporary =
      (directory.isEmpty ? "." : directory)
      + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).partial"
    // A new file only (O_EXCL): never write through a link someone left at that name.
    let descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw AtomicFile.WriteError(path: target, reason: String(cString: strerror(errno)))
    }
    if !isPublishable { unlink(temporary) }
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
    try flush()
    try other.readBack { chunk throws(AtomicFile.WriteError) in
      if let reason = chunk.withUnsafeBytes({ writeFully($0) }) {
        throw AtomicFile.WriteError(path: target, reason: reason)
      }
    }
  }

  /// Flushes, syncs and renames the file into place.
  func publish() throws(AtomicFile.WriteError) {
    precondition(isPublishable, "a scratch file has no name to publish under")
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
    if isPublishable { unlink(temporary) }
  }

  /// Copies the file's content so far to `output`, piece by piece, each piece ending on a
  /// whole UTF-8 character.
  func copy(to output: (String) -> Void) throws(AtomicFile.WriteError) {
    var carry: [UInt8] = []
    try readBack { chunk in
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

  /// Hands `body` the file's content so far in pieces, read through the file's own
  /// descriptor: a scratch file has no name to reopen, and a name could have been swapped.
  private func readBack(_ body: ([UInt8]) throws(AtomicFile.WriteError) -> Void)
    throws(AtomicFile.WriteError)
  {
    try flush()
    guard let descriptor = handle?.fileDescriptor else {
      throw AtomicFile.WriteError(path: target, reason: "the file was already closed")
    }
    var chunk = [UInt8](repeating: 0, count: Self.flushSize)
    var offset = 0
    while offset < writtenSize {
      let wanted = min(chunk.count, writtenSize - offset)
      let result = chunk.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress, wanted, off_t(offset))
      }
      if result < 0, errno == EINTR { continue }
      // Note: a read error must not pass a shortened report off as whole.
      guard result > 0 else {
        let reason = result < 0 ? String(cString: strerror(errno)) : "it ended early"
        throw AtomicFile.WriteError(path: target, reason: "cannot read it back: \(reason)")
      }
      try body(Array(chunk[..<result]))
      offset += result
    }
  }

  /// Writes `bytes` at `offset`, over what is there, leaving the running digest alone.
  func overwrite(_ bytes: [UInt8], at offset: Int) throws(AtomicFile.WriteError) {
    try flush()
    guard let descriptor = handle?.fileDescriptor, offset + bytes.count <= writtenSize else {
      throw AtomicFile.WriteError(path: target, reason: "cannot write over its end")
    }
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes {
        pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset + written))
      }
      if result < 0, errno == EINTR { continue }
      guard result > 0 else {
        let reason = result < 0 ? String(cString: strerror(errno)) : "nothing was written"
        throw AtomicFile.WriteError(path: target, reason: reason)
      }
      written += result
    }
  }

  func flush() throws(AtomicFile.WriteError) {
    guard !buffer.isEmpty else { return }
    let result = buffer.withUnsafeBytes { writeFully($0) }
    buffer.removeAll(keepingCapacity: true)
    if let reason = result { throw AtomicFile.WriteError(path: target, reason: reason) }
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
