/// Greedy word wrapping for the terminal report.
enum TextWrapping {
  /// `text` split at spaces into lines of at most `width` characters. Runs of spaces fold
  /// into one; a word longer than `width` gets a line of its own rather than being cut.
  ///
  /// Widths are counted in characters (grapheme clusters), so East Asian wide characters
  /// and emoji, which take two terminal columns, make a line look longer than counted.
  static func wrap(_ text: String, width: Int) -> [String] {
    if isOneLine(text, width: width) { return [text] }
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return wrapASCII(text, width: width) }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if fits(current, word, width: width) {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// Whether `current`, a space and `word` take at most `width` characters. Characters are
  /// counted only when the bytes, of which there are never fewer, are too many.
  private static func fits(_ current: String, _ word: Substring, width: Int) -> Bool {
    current.utf8.count + 1 + word.utf8.count <= width || current.count + 1 + word.count <= width
  }

  /// Whether `text` is its own wrapping: no more bytes (so no more characters) than
  /// `width`, and no space at either end or next to another, which would fold away.
  private static func isOneLine(_ text: String, width: Int) -> Bool {
    guard text.utf8.count <= width else { return false }
    var previous = UInt8(ascii: " ")
    for byte in text.utf8 {
      if byte == UInt8(ascii: " ") && previous == UInt8(ascii: " ") { return false }
      previous = byte
    }
    return previous != UInt8(ascii: " ") || text.isEmpty
  }

  /// ``wrap(_:width:)`` for printable ASCII, where each character is one byte: words are
  /// found, measured and joined as bytes.
  private static func wrapASCII(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line: [UInt8] = []
    var word: [UInt8] = []
    func endWord() {
      guard !word.isEmpty else { return }
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(String(decoding: line, as: UTF8.self))
        line.removeAll(keepingCapacity: true)
      }
      if !line.isEmpty { line.append(UInt8(ascii: " ")) }
      line += word
      word.removeAll(keepingCapacity: true)
    }
    for byte in text.utf8 {
      if byte == UInt8(ascii: " ") { endWord() } else { word.append(byte) }
    }
    endWord()
    if !line.isEmpty || lines.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
    return lines
  }
}
