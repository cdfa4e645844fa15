/// Errors that JSON and YAML readers report in the same words.
extension InputError {
  /// A key written twice in one mapping, located at the second one.
  static func duplicateKey(
    _ key: String, at location: SourceLocation, first: SourceLocation
  ) -> InputError {
    let firstPlace =
      first.line == location.line
      ? "column \(first.column) of the same line"
      : "line \(first.line), column \(first.column)"
    return InputError(
      "duplicate key '\(key)', already defined at \(firstPlace)", at: location,
      hint: "keep one entry per key")
  }

  /// A list or mapping that opens one level deeper than allowed.
  static func nestingTooDeep(maxDepth: Int, at location: SourceLocation) -> InputError {
    InputError(
      "nesting deeper than \(maxDepth) levels", at: location,
      hint: "evidence and policies need only a few levels; flatten the document")
  }

  /// A document with nothing in it but white space or comments.
  static func emptyDocument(file: String, format: String) -> InputError {
    InputError(
      "the document is empty", at: SourceLocation(file: file),
      hint: "write one \(format) document in the file")
  }
}
