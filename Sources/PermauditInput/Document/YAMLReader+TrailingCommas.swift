import CYAML

/// Finding trailing commas in flow lists and mappings (`[a, b,]`), which YAML allows but
/// the product contract refuses in both formats.
extension YAMLReader {
  /// The first trailing comma, as an error, or `nil` if there is none.
  ///
  /// Note: libyaml's events do not show commas, so this runs its scanner over the text
  /// once more, and only when the text has both a comma and a flow bracket. Scanner
  /// errors are left to the event parser, which reports them.
  static func trailingCommaError(
    in buffer: UnsafeBufferPointer<UInt8>, file: String
  ) -> InputError? {
    guard let base = buffer.baseAddress, mayHaveTrailingComma(buffer) else { return nil }

    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else { return nil }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_input_string(parser, base, buffer.count)

    var comma: yaml_mark_t?
    var token = yaml_token_t()
    while yaml_parser_scan(parser, &token) == 1 {
      defer { yaml_token_delete(&token) }
      switch token.type {
      case YAML_STREAM_END_TOKEN:
        return nil
      case YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
        if let comma {
          let closer = token.type == YAML_FLOW_SEQUENCE_END_TOKEN ? "]" : "}"
          return InputError(
            "unexpected ',' before '\(closer)'",
            at: SourceLocation(file: file, line: comma.line + 1, column: comma.column + 1),
            hint: "remove the trailing comma")
        }
      default:
        break
      }
      comma = token.type == YAML_FLOW_ENTRY_TOKEN ? token.start_mark : nil
    }
    return nil
  }

  /// Whether the text holds a comma and a closing flow bracket at all.
  private static func mayHaveTrailingComma(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    var hasComma = false
    var hasCloser = false
    for byte in buffer {
      switch byte {
      case JSONByte.comma: hasComma = true
      case JSONByte.closeBracket, JSONByte.closeBrace: hasCloser = true
      default: continue
      }
      if hasComma && hasCloser { return true }
    }
    return false
  }
}
