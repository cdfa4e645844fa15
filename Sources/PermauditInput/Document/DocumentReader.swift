/// The text formats that catalogs, policies and evidence are read from.
public enum DocumentFormat: String, Sendable, CaseIterable {
  /// One JSON value (`.json`).
  case json
  /// One JSON value per line (`.jsonl`).
  case jsonLines
  /// One or more YAML documents separated by `---` (`.yaml`, `.yml`).
  case yaml
}

/// Reads a file's bytes as JSON, JSON Lines or YAML, chosen by its name or its content.
public enum DocumentReader {
  /// The format a file name's extension stands for, compared without regard to case, or
  /// `nil` when it names none (standard input, `-`, other extensions).
  public static func format(forPath path: String) -> DocumentFormat? {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "json": return .json
    case "jsonl": return .jsonLines
    case "yaml", "yml": return .yaml
    default: return nil
    }
  }

  /// Reads every top-level document.
  ///
  /// With `format` `nil`, the format comes from `file`'s extension, or else from the
  /// content (see ``sniffedFormat(_:)``). Note: a YAML flow mapping such as `{a: 1}` on
  /// standard input is therefore read as JSON; it needs a `.yaml` name.
  ///
  /// - Returns: one node for JSON (a top-level list stays one node: the caller decides
  ///   whether it is a batch), one per non-blank line for JSON Lines, and one per
  ///   document for YAML. JSON Lines and YAML give none for an empty input, JSON throws.
  /// - Throws: ``InputError`` located at the first problem.
  public static func read(
    _ bytes: [UInt8], file: String, format: DocumentFormat? = nil,
    maxDepth: Int = JSONReader.defaultMaxDepth
  ) throws(InputError) -> [Node] {
    switch format ?? self.format(forPath: file) {
    case .json:
      return [try JSONReader.parse(bytes, file: file, maxDepth: maxDepth)]
    case .jsonLines:
      return try JSONLinesReader.parse(bytes, file: file, maxDepth: maxDepth)
    case .yaml:
      return try YAMLReader.parseDocuments(bytes, file: file, maxDepth: maxDepth)
    case nil:
      return try read(bytes, file: file, format: sniffedFormat(bytes), maxDepth: maxDepth)
    }
  }

  /// Reads a file that must hold exactly one document, such as a catalog or a policy.
  ///
  /// - Throws: ``InputError`` when there is no document or more than one, or a problem
  ///   inside it.
  public static func readOne(
    _ bytes: [UInt8], file: String, format: DocumentFormat? = nil,
    maxDepth: Int = JSONReader.defaultMaxDepth
  ) throws(InputError) -> Node {
    let resolved = format ?? self.format(forPath: file)
    switch resolved {
    case .json:
      return try JSONReader.parse(bytes, file: file, maxDepth: maxDepth)
    case .yaml:
      return try YAMLReader.parse(bytes, file: file, maxDepth: maxDepth)
    case .jsonLines, nil:
      let documents = try read(bytes, file: file, format: resolved, maxDepth: maxDepth)
      guard let first = documents.first else {
        throw .emptyDocument(file: file, format: "JSON or YAML")
      }
      guard documents.count == 1 else {
        throw InputError(
          "expected one document, found \(documents.count)", at: documents[1].location,
          hint: "this file must hold a single document")
      }
      return first
    }
  }

  /// The format of text whose name does not tell it, decided by its content.
  ///
  /// Text whose first character (after a byte-order mark and white space) is `{` or `[`
  /// is JSON, or JSON Lines when at least two lines hold something, each starts with `{`,
  /// and the whole is not one JSON value; anything else is YAML.
  public static func sniffedFormat(_ bytes: [UInt8]) -> DocumentFormat {
    guard startsLikeJSON(bytes) else { return .yaml }
    guard looksLikeJSONLines(bytes) else { return .json }
    let isOneValue = (try? JSONReader.parse(bytes, file: "")) != nil
    return isOneValue ? .json : .jsonLines
  }

  /// Whether the first character after a byte-order mark and white space opens JSON.
  static func startsLikeJSON(_ bytes: [UInt8]) -> Bool {
    var position = hasByteOrderMark(bytes) ? 3 : 0
    while position < bytes.count, isSpace(bytes[position]) { position += 1 }
    guard position < bytes.count else { return false }
    return bytes[position] == JSONByte.openBrace || bytes[position] == JSONByte.openBracket
  }

  /// Whether at least two lines hold something and each that does starts with `{`.
  static func looksLikeJSONLines(_ bytes: [UInt8]) -> Bool {
    var records = 0
    var isAtLineStart = true
    var position = hasByteOrderMark(bytes) ? 3 : 0

    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == JSONByte.lineFeed {
        isAtLineStart = true
      } else if isAtLineStart && !isSpace(byte) {
        guard byte == JSONByte.openBrace else { return false }
        records += 1
        isAtLineStart = false
      }
    }
    return records >= 2
  }

  private static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == JSONByte.space || byte == JSONByte.tab || byte == JSONByte.carriageReturn
      || byte == JSONByte.lineFeed
  }
}
