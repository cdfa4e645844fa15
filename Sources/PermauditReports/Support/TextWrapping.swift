/// Greedy word wrapping for the terminal report.
enum TextWrapping {
  /// `text` split at spaces into lines of at most `width` characters. Runs of spaces fold
  /// into one; a word longer than `width` gets a line of its own rather than being cut.
  ///
  /// Widths are counted in characters (grapheme clusters), so East Asian wide characters
  /// and emoji, which take two terminal columns, make a line look longer than counted.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
