/// Reading strings: escapes, strict UTF-8, and runs of plain ASCII eight bytes at a time.
extension EvidenceRecordScanner {
  /// Reads a string and returns its text.
  mutating func text() -> String? {
    guard skip(JSONByte.quote) else { return nil }
    let start = index
    while index < bytes.count {
      skipPlainASCII()
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte == JSONByte.quote {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      } else if byte == JSONByte.backslash {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        return escapedRemainder()
      } else if !skipMultiByteCharacter() {
        return nil
      }
    }
    return nil
  }

  /// Reads the rest of a string from its first backslash on, collecting it in `scratch`.
  private mutating func escapedRemainder() -> String? {
    while index < bytes.count {
      let byte = bytes[index]
      if byte == JSONByte.quote {
        index += 1
        return String(decoding: scratch, as: UTF8.self)
      }
      if byte == JSONByte.backslash {
        guard readEscape() else { return nil }
        continue
      }
      let start = index
      if byte >= 0x20 && byte < 0x80 {
        index += 1
      } else if !skipMultiByteCharacter() {
        return nil
      }
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
    }
    return nil
  }

  /// Reads the escape at the cursor into `scratch`: the one-letter escapes, and `\uXXXX`
  /// outside the surrogates (a pair, or a lone half, is left to the strict reader).
  private mutating func readEscape() -> Bool {
    guard index + 1 < bytes.count else { return false }
    let letter = bytes[index + 1]
    index += 2

    if let replacement = JSONByte.escapedByte(letter) {
      scratch.append(replacement)
      return true
    }
    guard letter == UInt8(ascii: "u"), let scalar = readHexQuad(),
      !(0xD800...0xDFFF).contains(scalar.value)
    else { return false }
    UTF8.encode(scalar) { scratch.append($0) }
    return true
  }

  /// Reads the four hexadecimal digits after `\u`.
  private mutating func readHexQuad() -> Unicode.Scalar? {
    guard bytes.count - index >= 4 else { return nil }
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = JSONByte.hexValue(bytes[index]) else { return nil }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return Unicode.Scalar(value)
  }

  /// Steps over a well-formed multi-byte UTF-8 character; `false` for anything else, a
  /// control character included.
  private mutating func skipMultiByteCharacter() -> Bool {
    let length = JSONByte.validUTF8SequenceLength(in: bytes, at: index)
    index += length
    return length > 0
  }

  /// Steps over the bytes that stand for themselves in a string: ASCII other than the
  /// control characters, `"` and `\`. Eight at a time while none of them is another byte.
  mutating func skipPlainASCII() {
    if let base = bytes.baseAddress {
      while bytes.count - index >= 8 {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        guard !Self.holdsSpecialByte(word) else { break }
        index += 8
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      guard byte >= 0x20, byte < 0x80, byte != JSONByte.quote, byte != JSONByte.backslash
      else { return }
      index += 1
    }
  }

  /// Whether any of the eight bytes in `word` is `"`, `\`, a control character or not
  /// ASCII.
  ///
  /// Note: `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when some byte of `x` is zero,
  /// and `(x - 0x20…) & ~x & 0x80…` exactly when some byte is below 0x20, provided that no
  /// byte has its high bit set, which the last term checks.
  private static func holdsSpecialByte(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quotes = word ^ (ones &* UInt64(JSONByte.quote))
    let backslashes = word ^ (ones &* UInt64(JSONByte.backslash))
    let found =
      ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
      | ((word &- ones &* 0x20) & ~word) | word
    return found & (ones &* 0x80) != 0
  }
}
