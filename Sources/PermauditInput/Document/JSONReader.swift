/// Reads JSON text strictly by RFC 8259 into a located ``Node`` tree.
///
/// Beyond the RFC, the reader refuses what an audit must not guess about: duplicate keys
/// in one object and nesting deeper than `maxDepth`. A UTF-8 byte-order mark at the
/// start is skipped. Every node carries the 1-based line and column (in Unicode scalars)
/// of its first character, and every key its own location. Numbers keep their text.
///
/// The reader works on bytes and never builds a `String` for anything but the strings,
/// keys and numbers it returns, so that large batches read quickly.
public enum JSONReader {
  /// The nesting limit of the product contract: deeper documents are input errors.
  public static let defaultMaxDepth = 64

  /// Parses one JSON document.
  ///
  /// - Parameters:
  ///   - bytes: the UTF-8 text, optionally starting with a byte-order mark.
  ///   - file: the file name used in locations.
  ///   - firstLine: the line number of the first byte, for text cut out of a larger file.
  ///   - maxDepth: how many lists and objects may be nested inside each other.
  /// - Returns: the document's single top-level value.
  /// - Throws: ``InputError`` located at the first problem.
  public static func parse(
    _ bytes: [UInt8], file: String, firstLine: Int = 1, maxDepth: Int = defaultMaxDepth
  ) throws(InputError) -> Node {
    try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> Node in
      try parse(buffer, file: file, firstLine: firstLine, maxDepth: maxDepth)
    }
  }

  /// Parses one JSON document from a buffer, like the `[UInt8]` form.
  public static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int = 1,
    maxDepth: Int = defaultMaxDepth
  ) throws(InputError) -> Node {
    var parser = JSONParser(
      bytes: bytes, file: file, firstLine: firstLine, maxDepth: maxDepth, mode: .document)
    return try parser.parseDocument()
  }

  /// Parses one JSON Lines record: no byte-order mark, and errors speak of the line.
  static func parseRecord(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int, maxDepth: Int
  ) throws(InputError) -> Node {
    var parser = JSONParser(
      bytes: bytes, file: file, firstLine: line, maxDepth: maxDepth, mode: .lineRecord)
    return try parser.parseDocument()
  }
}
