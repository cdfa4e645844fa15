/// What ``JSONWriter`` puts before an item of an object or a list: nothing after a key,
/// else a comma unless it is the first item, then a line break and two spaces a level, or
/// on one line a space after the comma.
struct JSONSeparator {
  private var comma = false
  private var lineBreak = false
  private var depth = 0

  /// Nothing: the item follows a key, or is the top-level value.
  init() {}

  /// A line break and the indentation of `depth`, after a comma if `comma`.
  init(comma: Bool, depth: Int) {
    self.comma = comma
    lineBreak = true
    self.depth = depth
  }

  /// `, ` between the items of a value written on one line, nothing before the first.
  init(inlineComma comma: Bool) {
    self.comma = comma
  }

  /// How many bytes it takes.
  var count: Int {
    if lineBreak { return (comma ? 2 : 1) + 2 * depth }
    return comma ? 2 : 0
  }

  /// A comma, a line break and the indentation of 32 levels, to take a slice of.
  private static let lineBreaks: StaticString =
    ",\n                                                                "

  /// Writes it at `cursor`, which has room for ``count`` bytes.
  func write(to cursor: inout ByteCursor) {
    guard lineBreak else {
      if comma { cursor.put(", ") }
      return
    }
    let start = comma ? 0 : 1
    let end = 2 + 2 * depth
    Self.lineBreaks.withUTF8Buffer { lineBreaks in
      guard end > lineBreaks.count else {
        cursor.put(UnsafeBufferPointer(rebasing: lineBreaks[start..<end]))
        return
      }
      cursor.put(UnsafeBufferPointer(rebasing: lineBreaks[start..<2]))
      for _ in 0..<2 * depth { cursor.put(UInt8(ascii: " ")) }
    }
  }
}

extension ByteCursor {
  mutating func put(_ separator: JSONSeparator) {
    separator.write(to: &self)
  }
}
