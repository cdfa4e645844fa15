/// Finds the bytes that JSON string escaping must look at, eight bytes at a time.
///
/// A byte is special when it is a control character, a quote, a backslash, DEL, or 0xE2
/// (which starts U+2028 and U+2029, among other characters). The rest of UTF-8, letters of
/// any script included, is copied as it is.
enum JSONTextScan {
  /// The index of the first special byte at or after `start`, or `utf8.count` if none.
  static func firstSpecialByte(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    if let base = utf8.baseAddress {
      while index + 8 <= utf8.count {
        let found = specialBits(word(at: base + index))
        if found != 0 { return index + found.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < utf8.count, !isSpecial(utf8[index]) { index += 1 }
    return index
  }

  static func isSpecial(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2
  }

  /// Eight bytes from `pointer`, the first in the lowest bits.
  static func word(at pointer: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
  }

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of the word's first special byte is set, and no bit below it.
  ///
  /// Note: these are the classic "has a zero byte" and "has a byte below n" tests; a
  /// borrow can flag a byte after a special one, but never one before it.
  static func specialBits(_ word: UInt64) -> UInt64 {
    let control = (word &- ones &* 0x20) & ~word
    return
      (control | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
      | zeroBytes(word ^ (ones &* 0x7F)) | zeroBytes(word ^ (ones &* 0xE2))) & highs
  }

  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- ones) & ~word
  }
}
