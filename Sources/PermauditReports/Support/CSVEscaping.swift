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

  /// `text` with each `"` doubled, as `replacingOccurrences(of:with:)` doubles them.
  ///
  /// Note: Foundation leaves alone a quote that a combining mark follows (it is part of a
  /// longer character to it), so such text still goes through Foundation; any other text
  /// is copied byte by byte, which is much cheaper.
  private static func doublingQuotes(_ text: String) -> String {
    let utf8 = Array(text.utf8)
    var quotes = 0
    for (position, byte) in utf8.enumerated() where byte == UInt8(ascii: "\"") {
      guard position + 1 == utf8.count || utf8[position + 1] < 0x80 else {
        return text.replacingOccurrences(of: "\"", with: "\"\"")
      }
      quotes += 1
    }
    guard quotes > 0 else { return text }
    var doubled: [UInt8] = []
    doubled.reserveCapacity(utf8.count + quotes)
    for byte in utf8 {
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
