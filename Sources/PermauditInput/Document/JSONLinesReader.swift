#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads JSON Lines: one JSON value per line, as a batch of evidence documents.
///
/// Lines end at LF, and a CR before the LF is dropped. A line holding only white space
/// is skipped, a last line without a line feed counts, and a byte-order mark before the
/// first line is skipped. Any other line that is not one complete JSON value is an
/// ``InputError`` located on that line, so a batch is never read with a record dropped.
public enum JSONLinesReader {
  /// Parses every record of a JSON Lines text held in memory.
  ///
  /// - Returns: one node per non-blank line, in order; each node's location names its
  ///   line in the file.
  /// - Throws: ``InputError`` for the first line that is not valid JSON.
  public static func parse(
    _ bytes: [UInt8], file: String, maxDepth: Int = JSONReader.defaultMaxDepth
  ) throws(InputError) -> [Node] {
    var records: [Node] = []
    try forEachLine(bytes, file: file, maxDepth: maxDepth) { (_, node, _) throws(InputError) in
      records.append(node)
    }
    return records
  }

  /// Parses the records of a JSON Lines text held in memory one by one, giving `body`
  /// each record's line number, node and text.
  ///
  /// - Parameters:
  ///   - firstLine: the line number of the first byte, when `bytes` is a block of whole
  ///     lines from further into a file (a byte-order mark is skipped on line 1 only).
  ///   - body: receives the 1-based line number, the record, and the record's bytes
  ///     without the line end (and without a byte-order mark), e.g. for a digest.
  /// - Throws: ``InputError`` for the first line that is not valid JSON, or from `body`.
  public static func forEachLine(
    _ bytes: [UInt8], file: String, firstLine: Int = 1,
    maxDepth: Int = JSONReader.defaultMaxDepth,
    _ body: (_ line: Int, _ node: Node, _ text: ArraySlice<UInt8>) throws(InputError) -> Void
  ) throws(InputError) {
    try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) in
      try forEachRecordRange(in: buffer, firstLine: firstLine) {
        (lineNumber, content) throws(InputError) in
        let node = try JSONReader.parseRecord(
          UnsafeBufferPointer(rebasing: buffer[content]), file: file, line: lineNumber,
          maxDepth: maxDepth)
        try body(lineNumber, node, bytes[content])
      }
    }
  }

  /// Finds the records of a JSON Lines text held in memory without parsing them, giving
  /// `body` each record's line number and the range of its bytes: the line without its
  /// line end (and without a byte-order mark on line 1). Blank lines are skipped.
  ///
  /// - Parameter firstLine: the line number of the first byte, as in ``forEachLine``.
  static func forEachRecordRange<Failure: Error>(
    in buffer: UnsafeBufferPointer<UInt8>, firstLine: Int,
    _ body: (_ line: Int, _ content: Range<Int>) throws(Failure) -> Void
  ) throws(Failure) {
    var lineStart = 0
    var lineNumber = firstLine

    while lineStart < buffer.count {
      let lineEnd = endOfLine(in: buffer, from: lineStart)
      if let content = recordRange(of: lineStart..<lineEnd, in: buffer, lineNumber: lineNumber) {
        try body(lineNumber, content)
      }
      lineStart = lineEnd + 1
      lineNumber += 1
    }
  }

  /// Reads records one at a time from chunks of a file, in memory bounded by the longest
  /// line, calling `body` with each record's line number and node.
  ///
  /// - Parameters:
  ///   - readChunk: returns the next bytes of the input, or `nil` at its end; chunks may
  ///     split lines anywhere, even inside a UTF-8 character.
  ///   - body: receives each record in order.
  /// - Throws: ``InputError`` for a line that is not valid JSON or is longer than
  ///   `maxLineBytes`, and whatever `readChunk` or `body` throw.
  public static func forEachRecord(
    file: String, maxDepth: Int = JSONReader.defaultMaxDepth,
    maxLineBytes: Int = JSONLinesStream.defaultMaxLineBytes,
    readChunk: @escaping () throws -> [UInt8]?,
    _ body: (_ line: Int, _ node: Node) throws -> Void
  ) throws {
    var stream = JSONLinesStream(
      file: file, maxDepth: maxDepth, maxLineBytes: maxLineBytes, readChunk: readChunk)
    while let record = try stream.next() {
      try body(record.line, record.node)
    }
  }

  /// The position of the next line feed at or after `start`, or the end of the buffer.
  static func endOfLine(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = buffer.baseAddress, start < buffer.count else { return buffer.count }
    #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
      let found = memchr(base + start, Int32(JSONByte.lineFeed), buffer.count - start)
      return found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        ?? buffer.count
    #else
      var end = start
      while end < buffer.count, buffer[end] != JSONByte.lineFeed { end += 1 }
      return end
    #endif
  }

  /// The part of a line that holds its record, without a final CR or a byte-order mark
  /// on line 1, or `nil` when the line is blank.
  static func recordRange(
    of line: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>, lineNumber: Int
  ) -> Range<Int>? {
    var start = line.lowerBound
    var end = line.upperBound
    if end > start, buffer[end - 1] == JSONByte.carriageReturn { end -= 1 }
    if lineNumber == 1, end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB,
      buffer[start + 2] == 0xBF
    {
      start += 3
    }

    guard !isBlank(UnsafeBufferPointer(rebasing: buffer[start..<end])) else { return nil }
    return start..<end
  }

  /// Whether a line holds only white space, in the Unicode sense.
  static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in line {
      switch byte {
      case JSONByte.space, JSONByte.tab, JSONByte.carriageReturn, 0x0B, 0x0C:
        continue
      case 0x80...:
        // Note: rare, so the slow path decodes the whole line once.
        return String(decoding: line, as: UTF8.self).unicodeScalars.allSatisfy {
          $0.properties.isWhitespace
        }
      default:
        return false
      }
    }
    return true
  }
}
