import Foundation
import PermauditInput
import Testing

@Suite struct YAMLReaderTests {
  private func parse(_ text: String, maxDepth: Int = 64) throws -> Node {
    try YAMLReader.parse(bytes(text), file: "in.yaml", maxDepth: maxDepth)
  }

  @Test(arguments: [
    ("title: 1234", "{title: plain(1234)}"),
    ("id: 007", "{id: plain(007)}"),
    (#"id: "007""#, #"{id: "007"}"#),
    ("id: '007'", #"{id: "007"}"#),
    ("manager:", "{manager: null}"),
    ("manager: ~", "{manager: null}"),
    ("manager: null", "{manager: null}"),
    ("manager: Null", "{manager: null}"),
    ("manager: NULL", "{manager: null}"),
    ("manager: nULL", "{manager: plain(nULL)}"),
    ("manager: 'null'", #"{manager: "null"}"#),
    ("admin_access: Yes", "{admin_access: plain(Yes)}"),
    ("admin_access: true", "{admin_access: plain(true)}"),
    ("department: No Department", "{department: plain(No Department)}"),
    ("start: 2026-11-30", "{start: plain(2026-11-30)}"),
    ("n: !!str 12", #"{n: "12"}"#),
    ("text: |\n  a\n  b\n", #"{text: "a\nb\n"}"#),
    ("text: >-\n  a\n  b\n", #"{text: "a b"}"#),
    ("list: [a, 'b', ~]", #"{list: [plain(a), "b", null]}"#),
    ("list: [a, 'b,]', \"c,}\"] # x,]", #"{list: [plain(a), "b,]", "c,}"]}"#),
    ("list: [a, b]\nnote: x,]", "{list: [plain(a), plain(b)], note: plain(x,])}"),
    ("anchored: &keep value", "{anchored: plain(value)}"),
    ("- x\n- {k: v}\n", "[plain(x), {k: plain(v)}]"),
    ("office: Remote (work from home)", "{office: plain(Remote (work from home))}"),
    ("name: Zoë 😀", "{name: plain(Zoë 😀)}"),
    ("a: 1 # comment\n# only a comment\nb: 2", "{a: plain(1), b: plain(2)}"),
  ])
  func typesScalarsByStyle(_ text: String, _ expected: String) throws {
    #expect(dump(try parse(text)) == expected)
  }

  @Test func locatesNestedValuesAndKeys() throws {
    let text = """
      system: justworks
      account:
        id: m_1
        name: "Zoë"
        tags: [a, é, b]
      permissions:
        - Edit
        - é: x
      """
    let root = try parse(text)
    #expect(place(root.location) == "1:1")
    #expect(place(keyLocation(root, "account")) == "2:1")
    let account = try #require(child(root, ["account"]))
    #expect(place(account.location) == "3:3")
    #expect(place(keyLocation(account, "id")) == "3:3")
    #expect(place(child(root, ["account", "id"])?.location) == "3:7")
    #expect(place(child(root, ["account", "name"])?.location) == "4:9")
    #expect(place(child(root, ["account", "tags", 2])?.location) == "5:16")
    #expect(place(child(root, ["permissions"])?.location) == "7:3")
    #expect(place(child(root, ["permissions", 1, "é"])?.location) == "8:8")
  }

  @Test func locatesAnEmptyValueAtItsKey() throws {
    let root = try parse("manager:\nstart: 1\n")
    #expect(place(child(root, ["manager"])?.location) == "1:8")
  }

  @Test func acceptsCRLFAndByteOrderMark() throws {
    let text = byteOrderMark + bytes("a: 1\r\nb:\r\n  - x\r\n")
    let root = try YAMLReader.parse(text, file: "in.yaml")
    #expect(dump(root) == "{a: plain(1), b: [plain(x)]}")
    #expect(place(keyLocation(root, "a")) == "1:1")
    #expect(place(child(root, ["b", 0])?.location) == "3:5")
  }

  @Test func readsSeveralDocuments() throws {
    let documents = try YAMLReader.parseDocuments(
      bytes("a: 1\n---\nb: 2\n---\n"), file: "in.yaml")
    #expect(documents.map(dump) == ["{a: plain(1)}", "{b: plain(2)}", "null"])
    #expect(place(documents[1].location) == "3:1")
  }

  @Test(arguments: ["", "\n\n", "# nothing here\n", "   "])
  func readsNoDocumentsFromAnEmptyStream(_ text: String) throws {
    #expect(try YAMLReader.parseDocuments(bytes(text), file: "in.yaml").isEmpty)
    expectRejection(
      RejectionCase("empty", text, at: "none", "the document is empty"), file: "in.yaml"
    ) { _ = try parse(text) }
  }

  @Test func acceptsNestingUpToTheLimit() throws {
    let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    _ = try parse(text)
  }

  @Test func refusesDeepFlowNesting() {
    let text = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let rejection = RejectionCase("deep", text, at: "1:67", "nesting deeper than 64 levels")
    expectRejection(rejection, file: "in.yaml") { _ = try parse(text) }
  }

  @Test func refusesDeepBlockNesting() {
    var text = ""
    for level in 0..<100 {
      text += String(repeating: " ", count: level) + "k:\n"
    }
    let rejection = RejectionCase("deep", text, at: "65:65", "nesting deeper than 64 levels")
    expectRejection(rejection, file: "in.yaml") { _ = try parse(text) }
  }

  @Test func refusesTheSharedDeeplyNestedCase() throws {
    let path = "/work/shared/cases/19-deeply-nested-yaml/evidence.yaml"
    guard let contents = FileManager.default.contents(atPath: path) else { return }
    let data = [UInt8](contents)
    let error = #expect(throws: InputError.self) {
      _ = try YAMLReader.parse(data, file: "evidence.yaml")
    }
    #expect(error?.message.contains("nesting deeper than 64 levels") == true)
  }

  @Test(arguments: YAMLReaderTests.rejections)
  func rejects(_ rejection: RejectionCase) {
    expectRejection(rejection, file: "in.yaml") {
      _ = try YAMLReader.parse(rejection.input, file: "in.yaml")
    }
  }

  static let rejections: [RejectionCase] = [
    .init(
      "duplicate key", "a: 1\nb: 2\na: 3\n", at: "3:1",
      "duplicate key 'a', already defined at line 1, column 1"),
    .init(
      "duplicate key in a flow mapping", "{a: 1, a: 2}", at: "1:8",
      "duplicate key 'a', already defined at column 2"),
    .init("duplicate key quoted once", "x:\n  id: 1\n  'id': 2\n", at: "3:3", "duplicate key 'id'"),
    .init("list as a key", "? [a]\n: 1\n", at: "1:3", "a key must be text, found a list"),
    .init("mapping as a key", "{{a: 1}: 2}", at: "1:2", "a key must be text, found a mapping"),
    .init("alias", "base: &b {x: 1}\nother: *b\n", at: "2:8", "YAML aliases such as '*b'"),
    .init("alias as a key", "a: &k x\n*k : 2\n", at: "2:1", "aliases"),
    .init(
      "billion laughs", "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n", at: "2:8",
      "aliases"),
    .init("integer tag", "n: !!int 12\n", at: "1:4", "the YAML tag '!!int' is not supported"),
    .init("custom tag", "n: !secret x\n", at: "1:4", "the YAML tag '!secret'"),
    .init("tag on a mapping", "n: !!set {a: 1}\n", at: "1:4", "'!!set'"),
    .init(
      "two documents", "a: 1\n---\nb: 2\n", at: "3:1", "expected one YAML document, found 2"),
    .init(
      "value in a plain key context", "a: b: c\n", at: "1:5",
      "could not parse YAML: mapping values are not allowed in this context"),
    .init("tab indentation", "a:\n\tb: 1\n", at: "2:1", "could not parse YAML"),
    .init(
      "an unquoted '*' (every account, in a waiver)", "- account: *\n  kind: x\n", at: "1:13",
      "could not parse YAML", hint: #"quote a value that starts with '*' or '&', such as "*""#),
    .init(
      "bad indentation", "a:\n  b: 1\n c: 2\n", at: "3:2",
      "could not parse YAML: did not find expected key"),
    .init("unclosed flow list", "a: [1, 2\n", at: "2:1", "could not parse YAML"),
    .init("unclosed quote", "a: 'x\n", at: "2:1", "could not parse YAML"),
    .init("unclosed quote at the very end", "a: 'x", at: "1:6", "could not parse YAML"),
    .init("trailing comma in a flow list", "a: [x, y,]\n", at: "1:9", "unexpected ',' before ']'"),
    .init(
      "trailing comma in a flow mapping", "a: {x: 1,\n  }\n", at: "1:9",
      "unexpected ',' before '}'"),
    .init("trailing comma in JSON-style YAML", #"{"a": [1, 2,]}"#, at: "1:12", "before ']'"),
    .init(
      "invalid UTF-8", bytes: bytes("a: ") + [0xFF] + bytes("\n"), at: "1:4",
      "could not parse YAML: invalid leading UTF-8 octet"),
    .init(
      "control character", bytes: bytes("a: x") + [0x01] + bytes("\n"), at: "1:5",
      "could not parse YAML: control characters are not allowed"),
  ]
}
