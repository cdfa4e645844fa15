import Foundation

/// Reads and atomically replaces files that hold one credential each.
public enum SecretFile {
  /// The file's content without surrounding white space (a trailing newline is usual).
  static func read(_ path: String, variable: String) throws(CollectionError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .configuration("\(variable) names '\(path)', which cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .configuration("\(variable) names '\(path)', which is not UTF-8 text")
    }
    let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !value.isEmpty else {
      throw .configuration("\(variable) names '\(path)', which is empty")
    }
    return value
  }

  /// Replaces the file at `path` with `value` and a newline: written to a temporary file
  /// beside it (mode 0600), flushed, and renamed over it, so that a reader sees the old
  /// value or the new, never half of one.
  public static func replace(_ path: String, with value: Secret) throws(CollectionError) {
    let directory = (path as NSString).deletingLastPathComponent
    let temporary =
      (directory.isEmpty ? "." : directory)
      + "/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
    let bytes = Array((value.exposedValue + "\n").utf8)

    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw failure(path) }
    let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    guard written == bytes.count, fsync(descriptor) == 0 else {
      let error = failure(path)
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let error = failure(path)
      unlink(temporary)
      throw error
    }
  }

  private static func failure(_ path: String) -> CollectionError {
    .configuration(
      "cannot save the rotated refresh token to '\(path)': \(String(cString: strerror(errno)))")
  }
}
