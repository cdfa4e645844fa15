/// JSON string escaping, shared by every writer of JSON in permaudit (reports, collected
/// evidence, the history's stored findings), so they all escape the same characters.
///
/// Quotes, backslashes and control characters are escaped, and so are U+2028 and U+2029,
/// which end lines in JavaScript. Everything else is written as UTF-8.
public enum JSONText {
  /// `text` as a JSON string literal, quotes included.
  public static func quoted(_ text: String) -> String {
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    appendEscaped(text, to: &bytes)
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `text`, escaped for the inside of a JSON string, to `bytes`.
  public static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
    var text = text
    text.withUTF8 { utf8 in
      // Note: most values need no escaping; copy those in one go.
      guard JSONTextScan.firstSpecialByte(in: utf8, from: 0) < utf8.count else {
        bytes.append(contentsOf: utf8)
        return
      }
      let room = maximumEscapedCount(utf8.count)
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { buffer in
        guard let output = buffer.baseAddress else { return }
        let count = writeEscaped(utf8, to: output)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
      }
    }
  }

  /// The most bytes that `count` bytes of UTF-8 can take once escaped (`\u0000` for each).
  public static func maximumEscapedCount(_ count: Int) -> Int { count * 6 }

  /// Writes UTF-8 text, escaped for the inside of a JSON string, to `output`.
  ///
  /// Bytes that need no escaping, the whole text in most cases, are copied eight at a time.
  ///
  /// - Parameter output: room for ``maximumEscapedCount(_:)`` of `utf8.count` bytes.
  /// - Returns: how many bytes were written.
  public static func writeEscaped(
    _ utf8: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>
  ) -> Int {
    guard let input = utf8.baseAddress else { return 0 }
    let count = utf8.count
    var index = 0
    var written = 0
    while true {
      // Note: all eight bytes are stored, but only those before a special one are kept;
      // the room for escapes leaves space for the rest.
      while index + 8 <= count {
        let word = JSONTextScan.word(at: input + index)
        (UnsafeMutableRawPointer(output) + written).storeBytes(
          of: word.littleEndian, as: UInt64.self)
        let special = JSONTextScan.specialBits(word)
        if special != 0 {
          index += special.trailingZeroBitCount / 8
          written += special.trailingZeroBitCount / 8
          break
        }
        index += 8
        written += 8
      }
      if index + 8 > count {
        while index < count, !JSONTextScan.isSpecial(input[index]) {
          output[written] = input[index]
          index += 1
          written += 1
        }
        if index == count { return written }
      }
      let (escape, length) = self.escape(utf8, at: index)
      if let escape {
        written += writeEscape(escape, to: output + written)
      } else {
        output[written] = input[index]
        written += 1
      }
      index += length
    }
  }

  /// What a special byte at `index` stands for: a character to escape, or `nil` for the
  /// first byte of another character; and how many bytes it takes.
  private static func escape(
    _ utf8: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> (scalar: UInt32?, length: Int) {
    let byte = utf8[index]
    guard byte == 0xE2 else { return (UInt32(byte), 1) }
    guard isSeparator(utf8, at: index) else { return (nil, 1) }
    return (utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, 3)
  }

  /// Whether the bytes at `index` are U+2028 or U+2029.
  private static func isSeparator(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    index + 2 < utf8.count && utf8[index + 1] == 0x80
      && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
  }

  /// Writes the escape for `scalar`, a short one where JSON has it, else `\uXXXX`; returns
  /// its length.
  private static func writeEscape(_ scalar: UInt32, to output: UnsafeMutablePointer<UInt8>) -> Int {
    output[0] = UInt8(ascii: "\\")
    switch scalar {
    case 0x22: output[1] = UInt8(ascii: "\"")
    case 0x5C: output[1] = UInt8(ascii: "\\")
    case 0x0A: output[1] = UInt8(ascii: "n")
    case 0x0D: output[1] = UInt8(ascii: "r")
    case 0x09: output[1] = UInt8(ascii: "t")
    default:
      output[1] = UInt8(ascii: "u")
      output[2] = hexDigit(scalar >> 12)
      output[3] = hexDigit(scalar >> 8)
      output[4] = hexDigit(scalar >> 4)
      output[5] = hexDigit(scalar)
      return 6
    }
    return 2
  }

  private static func hexDigit(_ value: UInt32) -> UInt8 {
    let nibble = UInt8(truncatingIfNeeded: value & 0xF)
    return nibble < 10 ? 0x30 + nibble : 0x57 + nibble
  }
}
