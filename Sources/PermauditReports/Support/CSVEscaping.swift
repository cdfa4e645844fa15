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
    let needsQuotes = text.unicodeScalars.contains {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
    }
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// One record, ended by CR LF.
  public static func row(_ cells: [String]) -> String {
    cells.map(cell).joined(separator: ",") + "\r\n"
  }
}
