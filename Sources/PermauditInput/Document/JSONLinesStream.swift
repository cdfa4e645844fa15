/// One record of a JSON Lines input and the line it stands on.
public struct JSONLinesRecord: Sendable {
  /// The 1-based line number in the file.
  public var line: Int
  public var node: Node
}

/// Reads JSON Lines records one at a time from a source of chunks, in bounded memory.
///
/// ```swift
/// var stream = JSONLinesStream(file: path, readChunk: JSONLinesStream.chunks(of: handle))
/// while let record = try stream.next() { … }
/// ```
///
/// Only the unfinished line is kept between chunks, so memory stays bounded by the
/// longest line, which is itself limited to `maxLineBytes`.
public struct JSONLinesStream {
  /// The longest line accepted by default: far beyond any evidence record.
  public static let defaultMaxLineBytes = 64 << 20

  private let file: String
  private let maxDepth: Int
  private let maxLineBytes: Int
  private let readChunk: () throws -> [UInt8]?

  /// Bytes read but not yet consumed; `pending[consumed...]` is the unfinished line.
  private var pending: [UInt8] = []
  private var consumed = 0
  /// Where to continue looking for a line feed, so no byte is scanned twice.
  private var scanned = 0
  private var lineNumber = 1
  private var isInputFinished = false

  /// Creates a stream over the chunks `readChunk` returns until it returns `nil`.
  public init(
    file: String, maxDepth: Int = JSONReader.defaultMaxDepth,
    maxLineBytes: Int = defaultMaxLineBytes, readChunk: @escaping () throws -> [UInt8]?
  ) {
    self.file = file
    self.maxDepth = maxDepth
    self.maxLineBytes = maxLineBytes
    self.readChunk = readChunk
  }

  /// The next record, or `nil` after the last one.
  ///
  /// - Throws: ``InputError`` for a line that is not valid JSON or is too long, and
  ///   whatever the chunk source throws.
  public mutating func next() throws -> JSONLinesRecord? {
    while true {
      if let lineEnd = nextLineFeed() {
        if let record = try takeLine(endingAt: lineEnd, next: lineEnd + 1) { return record }
        continue
      }
      if isInputFinished {
        guard consumed < pending.count else { return nil }
        if let record = try takeLine(endingAt: pending.count, next: pending.count) {
          return record
        }
        continue
      }
      try readMore()
    }
  }

  private mutating func nextLineFeed() -> Int? {
    while scanned < pending.count {
      if pending[scanned] == JSONByte.lineFeed { return scanned }
      scanned += 1
    }
    return nil
  }

  /// Parses `pending[consumed..<end]` as the current line and moves past it.
  private mutating func takeLine(
    endingAt end: Int, next: Int
  ) throws(InputError) -> JSONLinesRecord? {
    let number = lineNumber
    let node = try pending.withUnsafeBufferPointer { (buffer) throws(InputError) -> Node? in
      guard
        let content = JSONLinesReader.recordRange(
          of: consumed..<end, in: buffer, lineNumber: number)
      else { return nil }
      return try JSONReader.parseRecord(
        UnsafeBufferPointer(rebasing: buffer[content]), file: file, line: number,
        maxDepth: maxDepth)
    }
    consumed = next
    scanned = next
    lineNumber += 1
    return node.map { JSONLinesRecord(line: number, node: $0) }
  }

  /// Drops consumed bytes and appends the next chunk, or notes the end of the input.
  private mutating func readMore() throws {
    guard let chunk = try readChunk() else {
      isInputFinished = true
      return
    }

    if consumed > 0 {
      pending.removeSubrange(0..<consumed)
      scanned -= consumed
      consumed = 0
    }
    // Everything pending is one unfinished line: no line feed was found in it.
    guard pending.count <= maxLineBytes else {
      throw InputError(
        "line \(lineNumber) is longer than \(maxLineBytes) bytes",
        at: SourceLocation(file: file, line: lineNumber),
        hint: "JSON Lines holds one record per line; check that the file has line breaks")
    }
    pending.append(contentsOf: chunk)
  }
}
