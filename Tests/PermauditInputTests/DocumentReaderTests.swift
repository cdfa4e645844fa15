import Foundation
import PermauditInput
import Testing

@Suite struct DocumentReaderTests {
  @Test(arguments: [
    ("evidence.json", DocumentFormat.json), ("A.JSON", .json), ("batch.jsonl", .jsonLines),
    ("policy.yaml", .yaml), ("dir/catalog.yml", .yaml), ("x.tar.yml", .yaml),
  ])
  func knowsFormatsByExtension(_ path: String, _ format: DocumentFormat) {
    #expect(DocumentReader.format(forPath: path) == format)
  }

  @Test(arguments: ["-", "<stdin>", "evidence", "notes.txt", ".json", "dir.json/file", "x."])
  func knowsNoFormatForOtherNames(_ path: String) {
    #expect(DocumentReader.format(forPath: path) == nil)
  }

  @Test(arguments: [
    ("{\"a\": 1}", DocumentFormat.json),
    ("\u{FEFF}\n  [1, 2]", .json),
    ("{\"a\": 1}\n{\"a\": 2}\n", .jsonLines),
    ("{\"a\": 1}\n\n  {\"a\": 2,}\n", .jsonLines),
    ("{\"a\":\n{\"b\": 1}}", .json),
    ("{\"a\": 1,}", .json),
    ("{\"a\": 1}\n[2]\n", .json),
    ("a: 1\n", .yaml),
    ("- {\"a\": 1}\n", .yaml),
    ("", .yaml),
  ])
  func sniffsTheFormatOfUnnamedInput(_ text: String, _ format: DocumentFormat) {
    #expect(DocumentReader.sniffedFormat(bytes(text)) == format)
  }

  @Test func readsATopLevelJSONListAsOneNode() throws {
    let nodes = try DocumentReader.read(bytes("[{\"a\": 1}, {\"a\": 2}]"), file: "b.json")
    #expect(nodes.map(dump) == ["[{a: #1}, {a: #2}]"])
  }

  @Test func readsEachFormatByName() throws {
    let lines = try DocumentReader.read(bytes("{\"a\": 1}\n\n{\"a\": 2}"), file: "b.jsonl")
    #expect(lines.map(dump) == ["{a: #1}", "{a: #2}"])
    let yaml = try DocumentReader.read(bytes("a: 1\n---\na: 2\n"), file: "b.yml")
    #expect(yaml.map(dump) == ["{a: plain(1)}", "{a: plain(2)}"])
    let forced = try DocumentReader.read(bytes("a: 1"), file: "b.json", format: .yaml)
    #expect(forced.map(dump) == ["{a: plain(1)}"])
  }

  @Test func readsUnnamedJSONLinesAndNamesTheFailingLine() {
    let input = bytes("{\"a\": 1}\n{\"a\": 2,}\n")
    let error = #expect(throws: InputError.self) {
      _ = try DocumentReader.read(input, file: "<stdin>")
    }
    #expect(
      error?.description == "<stdin>:2:8: unexpected ',' before '}' (remove the trailing comma)")
  }

  @Test func readsUnnamedYAML() throws {
    let nodes = try DocumentReader.read(bytes("id: 007\n"), file: "-")
    #expect(nodes.map(dump) == ["{id: plain(007)}"])
  }

  @Test func readOneRefusesSeveralOrNoDocuments() {
    let several = #expect(throws: InputError.self) {
      _ = try DocumentReader.readOne(bytes("{}\n{}\n"), file: "x.jsonl")
    }
    #expect(several?.message == "expected one document, found 2")
    #expect(place(several?.location) == "2:1")

    let none = #expect(throws: InputError.self) {
      _ = try DocumentReader.readOne(bytes("# nothing\n"), file: "-")
    }
    #expect(none?.message == "the document is empty")

    let yaml = #expect(throws: InputError.self) {
      _ = try DocumentReader.readOne(bytes("a: 1\n---\nb: 2\n"), file: "p.yaml")
    }
    #expect(yaml?.message == "expected one YAML document, found 2")
  }

  @Test func readOneReadsByName() throws {
    #expect(dump(try DocumentReader.readOne(bytes("{\"a\": 1}"), file: "c.json")) == "{a: #1}")
    #expect(dump(try DocumentReader.readOne(bytes("a: x"), file: "c.yaml")) == "{a: plain(x)}")
  }

  /// The shared end-to-end cases: what must fail to parse fails, located, and the rest
  /// parses. Skipped where the cases folder is not present.
  @Test(
    arguments: [
      ("09-malformed-json/evidence.json", "3:3"),
      ("16-json-trailing-comma/evidence.json", nil),
      ("19-deeply-nested-yaml/evidence.yaml", nil),
      ("22-malformed-line-mid-batch/batch.jsonl", "2:"),
    ] as [(String, String?)])
  func refusesTheSharedMalformedCases(_ path: String, _ expectedPlace: String?) throws {
    guard let input = sharedCase(path) else { return }
    let error = #expect(throws: InputError.self) {
      _ = try DocumentReader.read(input, file: path)
    }
    if let expectedPlace {
      let actualPlace = place(error?.location)
      #expect(actualPlace.hasPrefix(expectedPlace), "\(String(describing: error))")
    }
  }

  @Test(arguments: [
    ("06-yaml-evidence/evidence.yaml", 1), ("12-jsonl-batch/batch.jsonl", 3),
    ("18-jsonl-no-final-newline/batch.jsonl", 3), ("01-compliant/evidence.json", 1),
    ("21-unicode-whitespace-trimmed/evidence.json", 1),
  ])
  func readsTheSharedValidCases(_ path: String, _ count: Int) throws {
    guard let input = sharedCase(path) else { return }
    #expect(try DocumentReader.read(input, file: path).count == count)
  }

  private func sharedCase(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: "/work/shared/cases/" + path).map { [UInt8]($0) }
  }
}
