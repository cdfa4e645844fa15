/// The ASCII bytes that JSON's grammar is written in, and tests on bytes.
///
/// Note: a namespace rather than an extension of `UInt8`, so that these short names
/// cannot collide with helpers elsewhere in the module.
enum JSONByte {
  static var space: UInt8 { UInt8(ascii: " ") }
  static var tab: UInt8 { UInt8(ascii: "\t") }
  static var lineFeed: UInt8 { UInt8(ascii: "\n") }
  static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
  static var openBrace: UInt8 { UInt8(ascii: "{") }
  static var closeBrace: UInt8 { UInt8(ascii: "}") }
  static var openBracket: UInt8 { UInt8(ascii: "[") }
  static var closeBracket: UInt8 { UInt8(ascii: "]") }
  static var comma: UInt8 { UInt8(ascii: ",") }
  static var colon: UInt8 { UInt8(ascii: ":") }
  static var quote: UInt8 { UInt8(ascii: "\"") }
  static var backslash: UInt8 { UInt8(ascii: "\\") }
  static var minus: UInt8 { UInt8(ascii: "-") }
  static var plus: UInt8 { UInt8(ascii: "+") }
  static var dot: UInt8 { UInt8(ascii: ".") }
  static var zero: UInt8 { UInt8(ascii: "0") }
  static var nine: UInt8 { UInt8(ascii: "9") }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

  /// A letter, digit or underscore: a byte that continues a bare word such as `true`.
  static func isWordByte(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return isDigit(byte) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
      || byte == UInt8(ascii: "_")
  }

  /// A byte that can only stand inside a multi-byte UTF-8 sequence.
  @inline(__always)
  static func isUTF8Continuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

  /// The length of the well-formed UTF-8 sequence at `position`, or 0 if it is not one.
  ///
  /// Follows RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
  static func validUTF8SequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at position: Int)
    -> Int
  {
    let lead = bytes[position]
    let length: Int
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      secondRange = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      secondRange = 0x80...0x9F
    case 0xF0:
      length = 4
      secondRange = 0x90...0xBF
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      secondRange = 0x80...0x8F
    default: return 0
    }

    guard position + length <= bytes.count else { return 0 }
    guard secondRange.contains(bytes[position + 1]) else { return 0 }
    for offset in 2..<length where !isUTF8Continuation(bytes[position + offset]) {
      return 0
    }
    return length
  }

  /// The byte a one-letter escape stands for (`n` in `\n`, …), or `nil` for `u` and any
  /// letter that is not an escape.
  static func escapedByte(_ letter: UInt8) -> UInt8? {
    switch letter {
    case quote, backslash, UInt8(ascii: "/"): return letter
    case UInt8(ascii: "b"): return 0x08
    case UInt8(ascii: "f"): return 0x0C
    case UInt8(ascii: "n"): return lineFeed
    case UInt8(ascii: "r"): return carriageReturn
    case UInt8(ascii: "t"): return tab
    default: return nil
    }
  }

  /// The value of an ASCII hexadecimal digit.
  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// Upper-case hexadecimal digits, padded with zeros to `width`.
  static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
