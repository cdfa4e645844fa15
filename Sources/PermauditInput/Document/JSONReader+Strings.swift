/// Reading JSON strings: escapes, surrogate pairs and strict UTF-8.
extension JSONParser {
  /// Reads a string whose opening quote is at the cursor, and returns its text.
  mutating func parseString() throws(InputError) -> String {
    let opening = location
    index += 1
    let contentStart = index

    // Fast path: most strings have no escapes, so their bytes are the text.
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x80 && byte != JSONByte.quote && byte != JSONByte.backslash {
        index += 1
        continue
      }
      if byte == JSONByte.quote {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == JSONByte.backslash { break }
      try skipCharacterInString()
    }
    guard index < bytes.count else { throw unterminatedString(openedAt: opening) }

    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
    return try parseEscapedRemainder(openedAt: opening)
  }

  /// Reads the rest of a string from its first backslash on, collecting it in `scratch`.
  private mutating func parseEscapedRemainder(
    openedAt opening: SourceLocation
  ) throws(InputError) -> String {
    while index < bytes.count {
      let byte = bytes[index]
      if byte == JSONByte.quote {
        index += 1
        return String(decoding: scratch, as: UTF8.self)
      }
      if byte == JSONByte.backslash {
        try readEscape(inStringOpenedAt: opening)
        continue
      }
      let start = index
      try skipCharacterInString()
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
    }
    throw unterminatedString(openedAt: opening)
  }

  /// Steps over one unescaped character, refusing control characters and bad UTF-8.
  private mutating func skipCharacterInString() throws(InputError) {
    let byte = bytes[index]
    if byte < 0x20 { throw controlCharacterInString() }
    if byte < 0x80 {
      index += 1
      return
    }
    let length = validUTF8SequenceLength(at: index)
    guard length > 0 else { throw invalidUTF8() }
    index += length
    continuationBytes += length - 1
  }

  /// Reads the escape at the cursor and appends the bytes it stands for to `scratch`.
  private mutating func readEscape(
    inStringOpenedAt opening: SourceLocation
  ) throws(InputError) {
    let escapeStart = index
    guard index + 1 < bytes.count else {
      index = bytes.count
      throw unterminatedString(openedAt: opening)
    }
    let letter = bytes[index + 1]
    index += 2

    if let replacement = JSONByte.escapedByte(letter) {
      scratch.append(replacement)
    } else if letter == UInt8(ascii: "u") {
      try readUnicodeEscape(startingAt: escapeStart)
    } else {
      index = escapeStart
      throw invalidEscape()
    }
  }

  /// Reads `\uXXXX`, or a surrogate pair `\uXXXX\uXXXX`, whose `\u` is already read.
  private mutating func readUnicodeEscape(startingAt escapeStart: Int) throws(InputError) {
    let first = try readHexQuad(escapeStart: escapeStart)
    var scalarValue = UInt32(first)

    if (0xDC00...0xDFFF).contains(first) {
      throw unpairedSurrogate(at: escapeStart)
    }
    if (0xD800...0xDBFF).contains(first) {
      let secondStart = index
      guard index + 1 < bytes.count, bytes[index] == JSONByte.backslash,
        bytes[index + 1] == UInt8(ascii: "u")
      else { throw unpairedSurrogate(at: escapeStart) }
      index += 2
      let second = try readHexQuad(escapeStart: secondStart)
      guard (0xDC00...0xDFFF).contains(second) else {
        throw unpairedSurrogate(at: escapeStart)
      }
      scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
    }

    guard let scalar = Unicode.Scalar(scalarValue) else {
      throw unpairedSurrogate(at: escapeStart)
    }
    UTF8.encode(scalar) { scratch.append($0) }
  }

  /// Reads the four hexadecimal digits after `\u`.
  private mutating func readHexQuad(escapeStart: Int) throws(InputError) -> UInt16 {
    var value: UInt16 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = JSONByte.hexValue(bytes[index]) else {
        index = escapeStart
        throw invalidUnicodeEscape()
      }
      value = value << 4 | UInt16(digit)
      index += 1
    }
    return value
  }

  /// The length of the well-formed UTF-8 sequence at `position`, or 0 if it is not one.
  func validUTF8SequenceLength(at position: Int) -> Int {
    JSONByte.validUTF8SequenceLength(in: bytes, at: position)
  }
}
