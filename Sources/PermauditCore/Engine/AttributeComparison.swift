import Foundation

/// Compares attribute values by their comparison form (SPEC §6): white space folded, format
/// characters dropped, NFC, and lowercase where case is ignored.
///
/// The checks only ask whether two forms are equal, so for ASCII text, which is nearly all
/// of it, the forms are compared byte by byte as they are folded, and never built.
enum AttributeComparison {
  /// The form two values are compared in; text that folds to nothing is `.empty`.
  static func form(of value: AttributeValue, ignoringCase: Bool) -> AttributeValue {
    guard case .text(let text) = value else { return value }
    let form =
      ignoringCase
      ? TextNormalization.caseInsensitiveValue(text)
      : TextNormalization.value(text)
    return form.isEmpty ? .empty : .text(form)
  }

  /// Whether the forms of `lhs` and `rhs` are equal.
  static func sameForm(_ lhs: AttributeValue, _ rhs: AttributeValue, ignoringCase: Bool) -> Bool {
    switch (lhs, rhs) {
    case (.boolean(let left), .boolean(let right)): return left == right
    case (.boolean, _), (_, .boolean): return false
    default: break
    }
    if let equal = FoldedASCII.equal(lhs.foldableText, rhs.foldableText, lowercase: ignoringCase) {
      return equal
    }
    return form(of: lhs, ignoringCase: ignoringCase) == form(of: rhs, ignoringCase: ignoringCase)
  }

  /// Whether `value`'s form is `form`, a form that ``form(of:ignoringCase:)`` made.
  static func hasForm(_ value: AttributeValue, _ form: AttributeValue, ignoringCase: Bool) -> Bool {
    switch (value, form) {
    case (.boolean(let left), .boolean(let right)): return left == right
    case (.boolean, _), (_, .boolean): return false
    default: break
    }
    // Note: an ASCII form folds to itself, so folding both sides compares with it exactly.
    if let equal = FoldedASCII.equal(value.foldableText, form.foldableText, lowercase: ignoringCase)
    {
      return equal
    }
    return self.form(of: value, ignoringCase: ignoringCase) == form
  }
}

extension AttributeValue {
  /// The text that folds to this value's form: `.empty` is the form of text that folds
  /// to nothing, so it compares as the empty string.
  fileprivate var foldableText: String {
    if case .text(let text) = self { return text }
    return ""
  }
}

/// Compares the ASCII forms that `TextNormalization` gives texts, without building them.
private enum FoldedASCII {
  /// Whether the ASCII forms of `lhs` and `rhs` are equal; `nil` when either text is not
  /// ASCII, since its form then needs Unicode normalization.
  static func equal(_ lhs: String, _ rhs: String, lowercase: Bool) -> Bool? {
    let answer = lhs.utf8.withContiguousStorageIfAvailable { left in
      rhs.utf8.withContiguousStorageIfAvailable { right in
        equal(left, right, lowercase: lowercase)
      }
    }
    // Note: the outer optional says whether the texts were contiguous, the inner whether
    // they were ASCII.
    if let answer, let contiguous = answer { return contiguous }
    // Note: text that is not stored as UTF-8 (bridged) is copied once to read it.
    return equal(Array(lhs.utf8), Array(rhs.utf8), lowercase: lowercase)
  }

  private static func equal(_ lhs: [UInt8], _ rhs: [UInt8], lowercase: Bool) -> Bool? {
    lhs.withUnsafeBufferPointer { left in
      rhs.withUnsafeBufferPointer { right in equal(left, right, lowercase: lowercase) }
    }
  }

  private static func equal(
    _ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>, lowercase: Bool
  ) -> Bool? {
    // Note: most values are written exactly as expected, which one pass over the bytes shows.
    if lhs.count == rhs.count, isSame(lhs, rhs) {
      return isASCII(lhs, from: 0) ? true : nil
    }
    var left = 0
    var right = 0
    var started = false
    while true {
      let leftSpace = skipSpaces(lhs, from: &left)
      let rightSpace = skipSpaces(rhs, from: &right)
      guard left < lhs.count, right < rhs.count else {
        if left == lhs.count, right == rhs.count { return true }
        break
      }
      // Note: a run of white space counts only between other characters.
      guard !started || leftSpace == rightSpace else { break }
      let byte = lhs[left]
      let other = rhs[right]
      guard byte < 0x80, other < 0x80 else { return nil }
      guard byte == other || (lowercase && folded(byte) == folded(other)) else { break }
      started = true
      left += 1
      right += 1
    }
    // Note: a later non-ASCII character could still change the form, so the texts differ
    // only once both are known to be ASCII.
    return isASCII(lhs, from: left) && isASCII(rhs, from: right) ? false : nil
  }

  /// Moves `position` past ASCII white space; whether there was any.
  private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int)
    -> Bool
  {
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) else { break }
      position += 1
    }
    return position > start
  }

  private static func folded(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }

  private static func isSame(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return lhs.isEmpty }
    return memcmp(left, right, lhs.count) == 0
  }

  private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Bool {
    var position = position
    while position < bytes.count {
      guard bytes[position] < 0x80 else { return false }
      position += 1
    }
    return true
  }
}
