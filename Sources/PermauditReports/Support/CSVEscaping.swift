/// CSV cells as RFC 4180 writes them, made safe to open in a spreadsheet.
public enum CSVEscaping {
  /// Characters that make a spreadsheet read a cell as a formula when it starts with one.
  static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// One cell: a value that a spreadsheet would run as a formula gets a leading `'` (the
  /// OWASP advice), and a value holding a comma, quote or line break is quoted with its
  /// quotes doubled.
  public static func cell(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, formulaStarts.contains(first) {
      text = "'" + text
    }
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else { return text }
    return "\"" + doublingQuotes(text) + "\""
  }

  /// `text` with every `"` doubled, byte by byte.
  ///
  /// Note: not with `replacingOccurrences(of:with:)`, which leaves a quote alone when a
  /// combining mark follows it (a longer character to Foundation); such a quote would end
  /// the cell early and let the rest of the value, a formula perhaps, into a cell of its own.
  private static func doublingQuotes(_ text: String) -> String {
    let quotes = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }
    guard quotes > 0 else { return text }
    var doubled: [UInt8] = []
    doubled.reserveCapacity(text.utf8.count + quotes)
    for byte in text.utf8 {
      doubled.append(byte)
      if byte == UInt8(ascii: "\"") { doubled.append(byte) }
    }
    return String(decoding: doubled, as: UTF8.self)
  }

  /// One record, ended by CR LF.
  public static func row(_ cells: [String]) -> String {
    cells.map(cell).joined(separator: ",") + "\r\n"
  }
}
