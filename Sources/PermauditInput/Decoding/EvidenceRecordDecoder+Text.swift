import PermauditCore

/// Shortcuts for the text checks of ``EvidenceDecoder`` on the ASCII text that records are
/// almost always written in; other text takes the same code as ``EvidenceDecoder``.
///
/// Note: ASCII text is already in NFC and holds no format characters, and its only white
/// space is U+0009…U+000D and U+0020, so ``TextNormalization/value(_:)`` folds and trims
/// just those bytes and keeps every other ASCII byte.
extension EvidenceRecordDecoder {
  /// Whether `TextNormalization.value(text)` is empty.
  static func isBlank(_ text: String) -> Bool {
    let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if !isASCIISpace(byte) { return false }
      }
      return true
    }
    return (answer ?? nil) ?? TextNormalization.value(text).isEmpty
  }

  /// `TextNormalization.value(text)`, without a copy when there is nothing to fold.
  static func normalizedValue(_ text: String) -> String {
    let isFolded = text.utf8.withContiguousStorageIfAvailable { bytes in
      !bytes.contains { $0 >= 0x80 || isASCIISpace($0) }
    }
    return isFolded == true ? text : TextNormalization.value(text)
  }

  /// `text.contains("://")`, looked for in the bytes of ASCII text.
  static func containsSchemeSeparator(_ text: String) -> Bool {
    let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      guard bytes.count >= 3 else { return false }
      for start in 0...(bytes.count - 3)
      where bytes[start] == UInt8(ascii: ":") && bytes[start + 1] == UInt8(ascii: "/")
        && bytes[start + 2] == UInt8(ascii: "/")
      {
        return true
      }
      return false
    }
    return (answer ?? nil) ?? text.contains("://")
  }

  private static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether these bytes are exactly those of `word`.
  func spells(_ word: StaticString) -> Bool {
    spells(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
  }

  /// Whether these bytes are exactly `spelling`.
  func spells(_ spelling: [UInt8]) -> Bool {
    spelling.withUnsafeBufferPointer { spells($0) }
  }

  /// Whether these bytes are exactly `other`.
  func spells(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
    guard count == other.count else { return false }
    for offset in 0..<count where self[offset] != other[offset] {
      return false
    }
    return true
  }
}
