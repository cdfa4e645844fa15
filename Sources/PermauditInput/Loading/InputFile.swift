import Foundation

/// The bytes of one input file, read whole, with its digest.
public struct InputFile: Sendable {
  /// The path as the user wrote it, or `<stdin>`.
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// SHA-256 of the bytes.
  public var sha256: String { Digest.sha256(bytes) }

  /// Reads `path`, with a clear error if it is missing, a folder, or unreadable.
  public static func read(_ path: String, what: String) throws(InputError) -> InputFile {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError("\(what) '\(path)' does not exist", hint: "check the path")
    }
    guard !isDirectory.boolValue else {
      throw InputError("\(what) '\(path)' is a folder, not a file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(
        "\(what) '\(path)' cannot be read", hint: "check its permissions")
    }
    return InputFile(path: path, bytes: [UInt8](data))
  }

  /// Reads everything on standard input.
  public static func readStandardInput() -> InputFile {
    let data = FileHandle.standardInput.readDataToEndOfFile()
    return InputFile(path: "<stdin>", bytes: [UInt8](data))
  }
}
