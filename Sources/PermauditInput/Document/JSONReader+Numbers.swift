/// Reading JSON numbers, kept as written.
extension JSONParser {
  /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` and returns its text.
  mutating func parseNumber() throws(InputError) -> String {
    let start = index
    if bytes[index] == JSONByte.minus { index += 1 }

    guard index < bytes.count, JSONByte.isDigit(bytes[index]) else {
      throw invalidNumber(startingAt: start, hint: "a digit must follow '-'")
    }
    if bytes[index] == JSONByte.zero {
      index += 1
      if index < bytes.count, JSONByte.isDigit(bytes[index]) {
        throw invalidNumber(
          startingAt: start, problem: "has a leading zero",
          hint: "write it without leading zeros, or quote it if it is an identifier")
      }
    } else {
      skipDigits()
    }

    if index < bytes.count, bytes[index] == JSONByte.dot {
      index += 1
      guard index < bytes.count, JSONByte.isDigit(bytes[index]) else {
        throw invalidNumber(startingAt: start, hint: "a digit must follow the decimal point")
      }
      skipDigits()
    }

    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == JSONByte.plus || bytes[index] == JSONByte.minus {
        index += 1
      }
      guard index < bytes.count, JSONByte.isDigit(bytes[index]) else {
        throw invalidNumber(startingAt: start, hint: "a digit must follow the exponent")
      }
      skipDigits()
    }

    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  private mutating func skipDigits() {
    while index < bytes.count, JSONByte.isDigit(bytes[index]) { index += 1 }
  }

  /// A number that breaks the grammar, quoted as far as it looks like a number.
  private func invalidNumber(
    startingAt start: Int, problem: String = "is not a valid JSON number", hint: String
  ) -> InputError {
    var end = start
    while end < bytes.count, end - start < 40, JSONByte.isNumberLike(bytes[end]) { end += 1 }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    return InputError("number '\(text)' \(problem)", at: location(at: start), hint: hint)
  }
}

extension JSONByte {
  /// A byte that may appear in something meant as a number, for quoting it in messages.
  fileprivate static func isNumberLike(_ byte: UInt8) -> Bool {
    isDigit(byte) || byte == minus || byte == plus || byte == dot
      || byte | 0x20 == UInt8(ascii: "e") || byte | 0x20 == UInt8(ascii: "x")
  }
}
