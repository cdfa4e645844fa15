import Foundation
import PermauditInput

/// How the pipeline reads standard input (`--evidence -`).
public enum StandardInput: Sendable {
  /// All of it at once (tests, and callers that already hold it).
  case whole(@Sendable () -> InputFile)
  /// In chunks until `nil`: a batch larger than one chunk is spooled to a private temporary
  /// file and streamed from there like any file, so it never sits in memory whole, and the
  /// pipeline can read it twice when an account's documents are apart.
  case chunks(@Sendable () -> [UInt8]?)
}

/// Standard input as the block reader takes it: bytes in memory, or a spooled file.
enum StandardInputUnit {
  case memory(InputFile)
  /// A temporary file holding the input, and the input's format.
  case spooled(path: String, format: DocumentFormat)
}

/// Standard input, read once even when the pipeline reads the evidence twice.
///
/// A spooled copy has no name: its file is unlinked as soon as it is made and read again
/// through `/proc/self/fd/N`, so it goes when the pipeline is done with it or the process
/// ends, however it ends, and no private copy of the evidence stays in the temporary folder.
final class CachedInput: @unchecked Sendable {
  private let source: StandardInput
  private var cached: StandardInputUnit?
  /// The open descriptor of the spooled copy, if any.
  private var spool: Int32?
  private let lock = NSLock()

  init(_ source: StandardInput) {
    self.source = source
  }

  deinit {
    if let spool { close(spool) }
  }

  /// Standard input, read on first use.
  func unit() throws(InputError) -> StandardInputUnit {
    lock.lock()
    defer { lock.unlock() }
    if let cached { return cached }
    let unit = try read()
    cached = unit
    return unit
  }

  private func read() throws(InputError) -> StandardInputUnit {
    switch source {
    case .whole(let read):
      return .memory(read())
    case .chunks(let next):
      guard let first = next(), !first.isEmpty else { return .memory(Self.named([])) }
      guard let second = next(), !second.isEmpty else { return .memory(Self.named(first)) }

      let descriptor = try spool([first, second], rest: next)
      spool = descriptor
      let path = "/proc/self/fd/\(descriptor)"
      if Self.startsWithARecord(first) { return .spooled(path: path, format: .jsonLines) }
      // Note: a single document (JSON, YAML) is parsed whole in any case, so it is read
      // back into memory and its format decided as for a file without an extension.
      let file = try InputFile.read(path, what: "standard input")
      return .memory(Self.named(file.bytes))
    }
  }

  /// Whether the input's first line is one complete JSON object: a JSON Lines batch.
  private static func startsWithARecord(_ bytes: [UInt8]) -> Bool {
    guard let lineEnd = bytes.firstIndex(of: 0x0A),
      case .mapping = (try? JSONReader.parse(Array(bytes[..<lineEnd]), file: ""))?.value
    else { return false }
    return true
  }

  private static func named(_ bytes: [UInt8]) -> InputFile {
    InputFile(path: "<stdin>", bytes: bytes)
  }

  /// Writes the chunks to a new temporary file only this user can read and no other
  /// process can find: it is unlinked at once. Returns its open descriptor.
  private func spool(_ chunks: [[UInt8]], rest next: () -> [UInt8]?) throws(InputError)
    -> Int32
  {
    var template = Array((NSTemporaryDirectory() + "permaudit-stdin-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else {
      throw InputError(
        "standard input cannot be spooled: \(String(cString: strerror(errno)))",
        hint: "pass the batch as a file instead")
    }
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }

    var pending = chunks
    while true {
      for chunk in pending where !Self.writeAll(chunk, to: descriptor) {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        throw InputError(
          "standard input cannot be spooled: \(reason)", hint: "pass the batch as a file")
      }
      guard let chunk = next(), !chunk.isEmpty else { break }
      pending = [chunk]
    }
    return descriptor
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes {
        write(descriptor, $0.baseAddress, $0.count)
      }
      if result < 0 {
        if errno == EINTR { continue }
        return false
      }
      written += result
    }
    return true
  }
}
