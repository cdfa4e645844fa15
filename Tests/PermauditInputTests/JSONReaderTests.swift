import PermauditInput
import Testing

@Suite struct JSONReaderTests {
  private func parse(_ text: String, maxDepth: Int = 64) throws -> Node {
    try JSONReader.parse(bytes(text), file: "in.json", maxDepth: maxDepth)
  }

  @Test func readsEveryKindOfValue() throws {
    let node = try parse(#"{"s": "a\"b", "n": -1.5e3, "t": true, "f": false, "z": null, "l": []}"#)
    #expect(dump(node) == #"{s: "a\"b", n: #-1.5e3, t: true, f: false, z: null, l: []}"#)
  }

  @Test(arguments: [
    "0", "-0", "12", "1.50", "1E+2", "1e-07", "-0.0e0", "123456789012345678901234567890",
  ])
  func keepsNumbersAsWritten(_ text: String) throws {
    #expect(dump(try parse("[\(text)]")) == "[#\(text)]")
  }

  @Test func locatesNestedValuesAndKeys() throws {
    let text = """
      {
        "account": {"id": "m_1", "tags": ["a", "é", 12]},
        "x": null
      }
      """
    let root = try parse(text)
    #expect(place(root.location) == "1:1")
    #expect(place(keyLocation(root, "account")) == "2:3")
    let account = try #require(child(root, ["account"]))
    #expect(place(account.location) == "2:14")
    #expect(place(keyLocation(account, "id")) == "2:15")
    #expect(place(child(root, ["account", "id"])?.location) == "2:21")
    #expect(place(keyLocation(account, "tags")) == "2:28")
    #expect(place(child(root, ["account", "tags", 1])?.location) == "2:42")
    // Columns count scalars: the two-byte 'é' is one column.
    #expect(place(child(root, ["account", "tags", 2])?.location) == "2:47")
    #expect(place(child(root, ["x"])?.location) == "3:8")
  }

  @Test func acceptsCRLFLineEnds() throws {
    let root = try parse("{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n")
    #expect(dump(root) == "{a: #1, b: [true]}")
    #expect(place(keyLocation(root, "b")) == "3:3")
    #expect(place(child(root, ["b", 0])?.location) == "4:5")
  }

  @Test func skipsByteOrderMarkWithoutCountingIt() throws {
    let root = try JSONReader.parse(byteOrderMark + bytes(#"{"a": 1}"#), file: "in.json")
    #expect(dump(root) == "{a: #1}")
    #expect(place(keyLocation(root, "a")) == "1:2")
  }

  @Test func countsLinesFromFirstLine() throws {
    let root = try JSONReader.parse(bytes("{\n\"a\": 1}"), file: "in.json", firstLine: 40)
    #expect(place(keyLocation(root, "a")) == "41:1")
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let node = try parse(#"["\ud83d\ude00", "\u00e9\n\t\/\\", "x\u0000y", "\uD834\uDD1E"]"#)
    guard case .sequence(let items) = node.value else {
      Issue.record("expected a list")
      return
    }
    let texts = items.compactMap { item -> String? in
      if case .string(let text) = item.value { return text }
      return nil
    }
    #expect(texts == ["😀", "é\n\t/\\", "x\u{0}y", "𝄞"])
    #expect(texts.first?.unicodeScalars.count == 1)
  }

  @Test func keepsRawUTF8InStrings() throws {
    #expect(dump(try parse(#"["Zoë 日本 😀"]"#)) == #"["Zoë 日本 😀"]"#)
  }

  @Test func acceptsNestingUpToTheLimit() throws {
    let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    _ = try parse(text)
  }

  @Test func refusesDeepNestingWithoutExhaustingTheStack() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let rejection = RejectionCase("deep", text, at: "1:65", "nesting deeper than 64 levels")
    expectRejection(rejection) { _ = try parse(text) }
  }

  @Test func refusesDeepObjectsAtACustomLimit() {
    let text = #"{"a": {"b": {"c": 1}}}"#
    let rejection = RejectionCase("deep", text, at: "1:13", "nesting deeper than 2 levels")
    expectRejection(rejection) { _ = try parse(text, maxDepth: 2) }
  }

  @Test(arguments: JSONReaderTests.rejections)
  func rejects(_ rejection: RejectionCase) {
    expectRejection(rejection) {
      _ = try JSONReader.parse(rejection.input, file: "in.json")
    }
  }

  static let rejections: [RejectionCase] = [
    .init("trailing comma in an object", #"{"a": 1,}"#, at: "1:8", "unexpected ',' before '}'"),
    .init("trailing comma in a list", "[1, 2,]", at: "1:6", "unexpected ',' before ']'"),
    .init("trailing comma on its own line", "{\n  \"a\": 1,\n}", at: "2:9", "before '}'"),
    .init("duplicate key", #"{"a": 1, "b": 2, "a": 3}"#, at: "1:18", "duplicate key 'a'"),
    .init(
      "duplicate key on a later line", "{\n \"id\": 1,\n \"id\": 2\n}", at: "3:2",
      "duplicate key 'id', already defined at line 2, column 2"),
    .init(
      "duplicate key after a non-ASCII key", #"{"é": 1, "é": 2}"#, at: "1:10",
      "duplicate key 'é', already defined at column 2"),
    .init(
      "duplicate key spelled with an escape", #"{"ab": 1, "\u0061b": 2}"#, at: "1:11",
      "duplicate key 'ab'"),
    .init("leading zero", #"{"n": 0123}"#, at: "1:7", "number '0123' has a leading zero"),
    .init("negative leading zero", "[-01]", at: "1:2", "leading zero"),
    .init("dot without digits", "[1.]", at: "1:2", "number '1.' is not a valid JSON number"),
    .init("exponent without digits", "[1e]", at: "1:2", "number '1e'"),
    .init("bare minus", "[-]", at: "1:2", "number '-'"),
    .init("leading plus", "[+1]", at: "1:2", "expected a value, found '+'"),
    .init("leading dot", "[.5]", at: "1:2", "expected a value, found '.'"),
    .init("invalid escape", #"["a\qb"]"#, at: "1:4", "invalid escape"),
    .init("short unicode escape", #"["\u12"]"#, at: "1:3", "four hexadecimal digits"),
    .init("lone high surrogate", #"["x\ud83d"]"#, at: "1:4", #"unpaired surrogate '\ud83d'"#),
    .init("lone low surrogate", #"["\ude00"]"#, at: "1:3", "unpaired surrogate"),
    .init("high surrogate before a letter", #"["\ud83d\u0041"]"#, at: "1:3", "unpaired"),
    .init("tab inside a string", "[\"a\tb\"]", at: "1:4", "control character U+0009"),
    .init("line feed inside a string", "[\"a\nb\"]", at: "1:4", "control character U+000A"),
    .init(
      "invalid UTF-8", bytes: [0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D], at: "1:3",
      "invalid UTF-8 byte 0xC3"),
    .init("overlong UTF-8", bytes: [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], at: "1:3", "UTF-8"),
    .init(
      "UTF-8 encoded surrogate", bytes: [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], at: "1:3",
      "invalid UTF-8 byte 0xED"),
    .init("truncated UTF-8", bytes: [0x5B, 0x22, 0xE2, 0x82], at: "1:3", "invalid UTF-8"),
    .init("Latin-1 outside strings", bytes: [0x5B, 0xE9, 0x5D], at: "1:2", "the byte 0xE9"),
    .init("trailing garbage", #"{"a": 1} x"#, at: "1:10", "unexpected 'x' after the end"),
    .init("two documents", "{}\n{}", at: "2:1", "after the end of the value"),
    .init("empty input", "", at: "none", "the document is empty"),
    .init("only white space", " \r\n\t ", at: "none", "the document is empty"),
    .init("only a byte-order mark", bytes: byteOrderMark, at: "none", "empty"),
    .init("missing comma", #"{"a": 1 "b": 2}"#, at: "1:9", "expected ',' or '}' after a value"),
    .init("missing comma in a list", "[1 2]", at: "1:4", "expected ',' or ']' after a value"),
    .init("missing colon", #"{"a" 1}"#, at: "1:6", "expected ':' after the key 'a'"),
    .init("unquoted key", "{a: 1}", at: "1:2", "expected a key in double quotes, found 'a'"),
    .init("comma before the first key", "{,}", at: "1:2", "expected a key"),
    .init("missing value", #"{"a": }"#, at: "1:7", "expected a value, found '}'"),
    .init("single quotes", "['a']", at: "1:2", "found '''"),
    .init("capitalized literal", "[True]", at: "1:2", "unexpected word 'True'"),
    .init("misspelled literal", "[nul]", at: "1:2", "unexpected word 'nul'"),
    .init("literal run on", "[truefalse]", at: "1:2", "unexpected word 'truefalse'"),
    .init("NaN", "[NaN]", at: "1:2", "unexpected word 'NaN'"),
    .init("comment", "{} // note", at: "1:4", "unexpected '/'"),
    .init(
      "unterminated string", #"["abc"#, at: "1:6",
      "the input ends inside the string that starts at line 1, column 2"),
    .init(
      "unterminated object", "{\"a\": [1, 2]\n", at: "2:1",
      "the input ends inside the object opened by '{' at line 1, column 1"),
    .init(
      "unterminated list", "[1,", at: "1:4",
      "the input ends inside the list opened by '[' at line 1, column 1"),
    .init("no value at all after a BOM and spaces", " [", at: "1:3", "the input ends inside"),
    .init("backslash at the end", #"["a\"#, at: "1:5", "the input ends inside the string"),
    .init("non-breaking space", "{\u{A0}}", at: "1:2", "found '\u{A0}' (U+00A0)"),
    .init("NUL byte", bytes: [0x5B, 0x00, 0x5D], at: "1:2", "control character U+0000"),
    .init(
      "byte-order mark not counted", bytes: byteOrderMark + bytes("{,}"), at: "1:2",
      "expected a key"),
    .init(
      "byte-order mark in the middle", bytes: bytes("[1,") + byteOrderMark + bytes("2]"),
      at: "1:4", "(U+FEFF)"),
  ]
}
