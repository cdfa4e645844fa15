extension Template {
  /// A problem in template text: what is wrong, and at which character offset.
  public struct ParseError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
  }

  /// Parses text with `${name}` references. A `$` not followed by `{` is literal.
  public static func parse(_ text: String) throws(ParseError) -> Template {
    var segments: [Segment] = []
    var literal = ""
    var scalars = Array(text.unicodeScalars)[...]
    var offset = 0

    while let scalar = scalars.first {
      guard scalar == "$", scalars.dropFirst().first == "{" else {
        literal.unicodeScalars.append(scalar)
        scalars = scalars.dropFirst()
        offset += 1
        continue
      }
      guard let close = scalars.firstIndex(of: "}") else {
        throw ParseError(message: "'${' is not closed by '}'", offset: offset)
      }
      let name = String(String.UnicodeScalarView(scalars[(scalars.startIndex + 2)..<close]))
      guard isParameterName(name) else {
        throw ParseError(
          message: "'${\(name)}' is not a parameter reference; names use letters, digits "
            + "and '_'", offset: offset)
      }
      if !literal.isEmpty { segments.append(.literal(literal)) }
      literal = ""
      segments.append(.parameter(name))
      offset += close - scalars.startIndex + 1
      scalars = scalars[(close + 1)...]
    }
    if !literal.isEmpty { segments.append(.literal(literal)) }
    return Template(segments: segments)
  }

  /// A literal template with no parameters.
  public static func literal(_ text: String) -> Template {
    Template(segments: text.isEmpty ? [] : [.literal(text)])
  }

  /// Whether `name` can name a parameter: a letter or `_`, then letters, digits or `_`.
  public static func isParameterName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first,
      first.properties.isAlphabetic || first == "_"
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
    }
  }
}
