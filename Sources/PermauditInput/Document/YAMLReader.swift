import CYAML

/// Reads YAML into located ``Node`` trees, through libyaml's event parser.
///
/// Scalars are typed by the product contract's reading of the YAML 1.2 core schema: a
/// plain scalar that is a null form (`null`, `Null`, `NULL`, `~` or nothing) is
/// ``NodeValue/null``, every other plain scalar stays ``NodeValue/plain(_:)`` for a typed
/// field to interpret, and quoted and block scalars are ``NodeValue/string(_:)``.
///
/// To keep a document's meaning obvious and its cost bounded, the reader refuses:
/// duplicate keys, keys that are lists or mappings, aliases (`*name`, which allow
/// exponential "billion laughs" expansions), explicit tags other than `!!str` (and
/// `!!seq`, `!!map` on their own kind), trailing commas in flow collections, and nesting
/// deeper than `maxDepth`, which is checked as events arrive so that parsing stops there.
/// Anchors (`&name`) are accepted and ignored, since nothing can refer to them. A
/// byte-order mark and CRLF line ends are accepted.
public enum YAMLReader {
  /// Parses every document of a YAML stream; documents are separated by `---`.
  ///
  /// - Returns: one node per document, in order; none for a stream that holds only
  ///   white space and comments.
  /// - Throws: ``InputError`` located at the first problem.
  public static func parseDocuments(
    _ bytes: [UInt8], file: String, maxDepth: Int = JSONReader.defaultMaxDepth
  ) throws(InputError) -> [Node] {
    guard !bytes.isEmpty else { return [] }

    return try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> [Node] in
      let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
      defer { parser.deallocate() }
      guard yaml_parser_initialize(parser) == 1 else {
        throw InputError("could not parse YAML: out of memory", at: SourceLocation(file: file))
      }
      defer { yaml_parser_delete(parser) }

      guard let base = buffer.baseAddress else { return [] }
      yaml_parser_set_input_string(parser, base, buffer.count)

      var builder = YAMLTreeBuilder(file: file, maxDepth: maxDepth)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(parser, &event) == 1 else {
          throw parserError(parser.pointee, bytes: buffer, file: file)
        }
        defer { yaml_event_delete(&event) }
        if try builder.handle(event) == .streamEnded { break }
      }

      if let error = trailingCommaError(in: buffer, file: file) { throw error }
      return builder.documents
    }
  }

  /// Parses a YAML stream that must hold exactly one document.
  ///
  /// - Throws: ``InputError`` when the stream holds no document (only white space or
  ///   comments: an empty file is never a valid catalog, policy or evidence), more than
  ///   one, or a problem inside it.
  public static func parse(
    _ bytes: [UInt8], file: String, maxDepth: Int = JSONReader.defaultMaxDepth
  ) throws(InputError) -> Node {
    let documents = try parseDocuments(bytes, file: file, maxDepth: maxDepth)
    guard let first = documents.first else { throw .emptyDocument(file: file, format: "YAML") }
    guard documents.count == 1 else {
      throw InputError(
        "expected one YAML document, found \(documents.count)", at: documents[1].location,
        hint: "remove the '---' that starts another document, or split the file")
    }
    return first
  }
}
