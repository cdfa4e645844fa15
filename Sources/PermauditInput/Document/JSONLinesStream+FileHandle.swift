import Foundation

extension JSONLinesStream {
  /// The default read size: large enough to be fast, small enough to stay bounded.
  public static let defaultChunkSize = 1 << 20

  /// A chunk source that reads `handle` to its end, `chunkSize` bytes at a time.
  public static func chunks(
    of handle: FileHandle, chunkSize: Int = defaultChunkSize
  ) -> () throws -> [UInt8]? {
    return {
      guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { return nil }
      return [UInt8](data)
    }
  }

  /// A stream over the records of a file, read in chunks.
  public init(
    file: String, handle: FileHandle, maxDepth: Int = JSONReader.defaultMaxDepth,
    chunkSize: Int = defaultChunkSize
  ) {
    self.init(
      file: file, maxDepth: maxDepth, readChunk: Self.chunks(of: handle, chunkSize: chunkSize))
  }
}
