/// The messages of the JSON reader: what is wrong, where, and what to do.
extension JSONParser {
  /// Where the input ends, spoken of as a line for a JSON Lines record.
  private var endName: String {
    mode == .lineRecord ? "the line ends" : "the input ends"
  }

  func unexpectedEnd(inside frame: JSONFrame?) -> InputError {
    guard let frame else {
      return InputError("\(endName) where a value was expected", at: location)
    }
    let opener = Character(Unicode.Scalar(frame.opener))
    let closer = Character(Unicode.Scalar(frame.closer))
    return InputError(
      "\(endName) inside the \(frame.kindName) opened by '\(opener)' at \(place(frame.location))",
      at: location, hint: closingHint("close it with '\(closer)'"))
  }

  func unterminatedString(openedAt opening: SourceLocation) -> InputError {
    InputError(
      "\(endName) inside the string that starts at \(place(opening))", at: location,
      hint: closingHint("close it with '\"'"))
  }

  func contentAfterValue() -> InputError {
    let hint =
      mode == .lineRecord
      ? "a JSON Lines record holds exactly one value"
      : "a JSON document holds exactly one value; wrap several in a list"
    return InputError(
      "unexpected \(describeCharacter()) after the end of the value", at: location, hint: hint)
  }

  func missingSeparator(after frame: JSONFrame) -> InputError {
    let closer = Character(Unicode.Scalar(frame.closer))
    let hint = frame.isObject ? "separate entries with ','" : "separate items with ','"
    return InputError(
      "expected ',' or '\(closer)' after a value, found \(describeCharacter())", at: location,
      hint: hint)
  }

  func missingKey() -> InputError {
    InputError(
      "expected a key in double quotes, found \(describeCharacter())", at: location,
      hint: "JSON object keys are strings such as \"id\"")
  }

  func missingColon(after key: String) -> InputError {
    InputError(
      "expected ':' after the key '\(key)', found \(describeCharacter())", at: location)
  }

  /// Refuses `,]` and `,}`, pointing at the comma.
  func rejectTrailingComma(at comma: SourceLocation) throws(InputError) {
    guard !isAtEnd else { return }
    let byte = bytes[index]
    guard byte == JSONByte.closeBrace || byte == JSONByte.closeBracket else { return }
    let closer = Character(Unicode.Scalar(byte))
    throw InputError(
      "unexpected ',' before '\(closer)'", at: comma, hint: "remove the trailing comma")
  }

  func unexpectedValueStart() -> InputError {
    let byte = bytes[index]
    if JSONByte.isWordByte(byte) {
      var end = index
      while end < bytes.count, end - index < 40, JSONByte.isWordByte(bytes[end]) { end += 1 }
      let word = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
      return InputError("unexpected word '\(word)'", at: location, hint: hint(forWord: word))
    }
    let hint: String? =
      switch byte {
      case UInt8(ascii: "'"): "JSON strings use double quotes"
      case JSONByte.closeBrace, JSONByte.closeBracket, JSONByte.comma, JSONByte.colon:
        "a value is missing here"
      default: nil
      }
    return InputError("expected a value, found \(describeCharacter())", at: location, hint: hint)
  }

  private func hint(forWord word: String) -> String {
    switch word.lowercased() {
    case "true", "false", "null":
      return "JSON literals are lowercase: true, false, null"
    case "nan", "infinity", "inf":
      return "JSON has no '\(word)'; use a number, null or a quoted string"
    default:
      return "put text in double quotes"
    }
  }

  func controlCharacterInString() -> InputError {
    let byte = bytes[index]
    let hint: String =
      switch byte {
      case JSONByte.lineFeed, JSONByte.carriageReturn:
        "a string cannot span lines; write a line break as \\n"
      case JSONByte.tab: "write a tab as \\t"
      default: "escape it as \\u\(JSONByte.hex(UInt32(byte), width: 4))"
      }
    return InputError(
      "control character U+\(JSONByte.hex(UInt32(byte), width: 4)) inside a string", at: location,
      hint: hint)
  }

  func invalidUTF8() -> InputError {
    InputError(
      "invalid UTF-8 byte 0x\(JSONByte.hex(UInt32(bytes[index]), width: 2))", at: location,
      hint: "save the file as UTF-8")
  }

  func invalidEscape() -> InputError {
    let letter = index + 1 < bytes.count ? describeCharacter(at: index + 1) : "nothing"
    return InputError(
      "invalid escape: a backslash followed by \(letter)", at: location,
      hint: #"valid escapes are \" \\ \/ \b \f \n \r \t and \uXXXX; write a backslash as \\"#)
  }

  func invalidUnicodeEscape() -> InputError {
    InputError(
      "invalid escape: '\\u' must be followed by four hexadecimal digits", at: location,
      hint: "for example \\u00e9 for 'é'")
  }

  func unpairedSurrogate(at escapeStart: Int) -> InputError {
    let end = min(escapeStart + 6, bytes.count)
    let escape = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[escapeStart..<end]), as: UTF8.self)
    return InputError(
      "unpaired surrogate '\(escape)' in a string", at: location(at: escapeStart),
      hint: "a character above U+FFFF is written as a pair such as \\ud83d\\ude00")
  }

  /// `line 3, column 5`, or `column 5` inside a JSON Lines record.
  private func place(_ location: SourceLocation) -> String {
    mode == .lineRecord
      ? "column \(location.column)" : "line \(location.line), column \(location.column)"
  }

  private func closingHint(_ advice: String) -> String {
    mode == .lineRecord ? "\(advice); a JSON Lines record must fit on one line" : advice
  }

  /// The character at the cursor, for "found …" in messages.
  func describeCharacter() -> String { describeCharacter(at: index) }

  /// A character as a user can recognize it: quoted, with its code point when invisible
  /// or not ASCII, and as a raw byte when it is not UTF-8.
  func describeCharacter(at position: Int) -> String {
    guard position < bytes.count else { return "the end of the input" }
    let byte = bytes[position]
    if byte < 0x20 || byte == 0x7F {
      return "control character U+\(JSONByte.hex(UInt32(byte), width: 4))"
    }
    if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }

    let length = validUTF8SequenceLength(at: position)
    guard length > 0 else { return "the byte 0x\(JSONByte.hex(UInt32(byte), width: 2))" }
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]),
      as: UTF8.self)
    let code = text.unicodeScalars.first.map { JSONByte.hex($0.value, width: 4) } ?? "?"
    return "'\(text)' (U+\(code))"
  }
}
