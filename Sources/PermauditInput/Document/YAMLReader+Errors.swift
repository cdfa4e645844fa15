import CYAML

/// Turning libyaml's parser errors into located input errors.
extension YAMLReader {
  /// The error libyaml stopped with, located at its problem mark.
  static func parserError(
    _ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, file: String
  ) -> InputError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"

    switch parser.error {
    case YAML_MEMORY_ERROR:
      return InputError("could not parse YAML: out of memory", at: SourceLocation(file: file))
    case YAML_READER_ERROR:
      // Note: reader errors have no mark, only a byte offset and the offending value.
      var message = "could not parse YAML: \(problem)"
      let value = UInt32(clamping: parser.problem_value)
      if parser.problem_value >= 0 {
        message +=
          problem.contains("octet")
          ? ", found byte 0x\(JSONByte.hex(value, width: 2))"
          : ", found U+\(JSONByte.hex(value, width: 4))"
      }
      return InputError(
        message, at: location(ofOffset: parser.problem_offset, in: bytes, file: file),
        hint: "save the file as UTF-8 without control characters")
    default:
      let mark = parser.problem_mark
      // Note: at the end of the stream libyaml moves to a line after the last one; the
      // end of the text is where a reader looks.
      let end = location(ofOffset: bytes.count, in: bytes, file: file)
      let isPastEnd =
        mark.line + 1 > end.line || (mark.line + 1 == end.line && mark.column + 1 > end.column)
      let location =
        isPastEnd
        ? end : SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
      var message = "could not parse YAML: \(problem)"
      let contextMark = parser.context_mark
      if let context = parser.context, contextMark.index != mark.index {
        message +=
          " \(String(cString: context)) that starts at line \(contextMark.line + 1), "
          + "column \(contextMark.column + 1)"
      }
      return InputError(message, at: location, hint: hint(forProblem: problem))
    }
  }

  /// Advice for the problems people run into most.
  private static func hint(forProblem problem: String) -> String? {
    switch problem {
    case "mapping values are not allowed in this context":
      return "quote a value that contains ': ', or check the indentation"
    case "found character that cannot start any token":
      return "indent with spaces, not tabs; quote a value that starts with '@' or '`'"
    case "did not find expected key", "did not find expected '-' indicator":
      return "check the indentation of this line against the lines above"
    case "did not find expected alphabetic or numeric character":
      // Note: libyaml says this of a '*' or '&' that starts a plain value (`account: *`).
      return "quote a value that starts with '*' or '&', such as \"*\""
    case "found undefined tag handle":
      return "remove the tag; quote a value to make it text"
    default:
      return nil
    }
  }

  /// The line and column of a byte offset, counting columns in scalars and line breaks
  /// as libyaml does: LF, CR LF, a lone CR, NEL, LS and PS.
  private static func location(
    ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String
  ) -> SourceLocation {
    let end = min(max(offset, 0), bytes.count)
    var line = 1
    var column = 1
    var position = 0
    if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }

    while position < end {
      let breakLength = lineBreakLength(at: position, in: bytes)
      if breakLength > 0 {
        line += 1
        column = 1
        position += breakLength
        continue
      }
      if !JSONByte.isUTF8Continuation(bytes[position]) { column += 1 }
      position += 1
    }
    return SourceLocation(file: file, line: line, column: column)
  }

  /// How many bytes the line break at `position` takes, or 0 if there is none.
  private static func lineBreakLength(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int
  {
    let remaining = bytes.count - position
    switch bytes[position] {
    case JSONByte.lineFeed:
      return 1
    case JSONByte.carriageReturn:
      return remaining > 1 && bytes[position + 1] == JSONByte.lineFeed ? 2 : 1
    case 0xC2 where remaining > 1 && bytes[position + 1] == 0x85:
      return 2
    case 0xE2
    where remaining > 2 && bytes[position + 1] == 0x80
      && (bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9):
      return 3
    default:
      return 0
    }
  }
}
