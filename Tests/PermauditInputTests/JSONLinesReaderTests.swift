import PermauditInput
import Testing

@Suite struct JSONLinesReaderTests {
  private static let batch = bytes(
    "{\"id\": \"a\", \"n\": 1}\n"
      + "\n"
      + "   \t \n"
      + "{\"id\": \"é\", \"tags\": [\"x\"]}\r\n"
      + "\u{A0}\u{2003}\n"
      + "[1, 2]\n"
      + "{\"id\": \"last\"}")

  @Test func skipsBlankLinesAndCountsTheLastLineWithoutLineFeed() throws {
    let records = try JSONLinesReader.parse(Self.batch, file: "in.jsonl")
    #expect(
      records.map(dump) == [
        #"{id: "a", n: #1}"#, #"{id: "é", tags: ["x"]}"#, "[#1, #2]", #"{id: "last"}"#,
      ])
    #expect(records.map(\.location.line) == [1, 4, 6, 7])
  }

  @Test func locatesValuesOnTheirOwnLine() throws {
    let records = try JSONLinesReader.parse(Self.batch, file: "in.jsonl")
    #expect(place(child(records[1], ["tags", 0])?.location) == "4:22")
    #expect(records[1].location.file == "in.jsonl")
  }

  @Test func skipsAByteOrderMarkOnTheFirstLine() throws {
    let records = try JSONLinesReader.parse(
      byteOrderMark + bytes("{\"a\": 1}\n{\"a\": 2}\n"), file: "in.jsonl")
    #expect(records.map(dump) == ["{a: #1}", "{a: #2}"])
    #expect(place(keyLocation(records[0], "a")) == "1:2")
  }

  @Test func refusesAByteOrderMarkOnALaterLine() {
    let input = bytes("{\"a\": 1}\n") + byteOrderMark + bytes("{\"a\": 2}\n")
    let rejection = RejectionCase("bom", bytes: input, at: "2:1", "U+FEFF")
    expectRejection(rejection, file: "in.jsonl") {
      _ = try JSONLinesReader.parse(input, file: "in.jsonl")
    }
  }

  @Test(arguments: ["", "\n", "\n\n  \n", "\r\n"])
  func readsNoRecordsFromBlankInput(_ text: String) throws {
    #expect(try JSONLinesReader.parse(bytes(text), file: "in.jsonl").isEmpty)
  }

  @Test(arguments: JSONLinesReaderTests.rejections)
  func namesTheLineThatFails(_ rejection: RejectionCase) {
    expectRejection(rejection, file: "in.jsonl") {
      _ = try JSONLinesReader.parse(rejection.input, file: "in.jsonl")
    }
  }

  static let rejections: [RejectionCase] = [
    .init(
      "malformed middle line", "{\"a\": 1}\n{\"a\": 2,}\n{\"a\": 3}\n", at: "2:8",
      "unexpected ',' before '}'"),
    .init(
      "record split over two lines", "{\"a\": 1,\n\"b\": 2}\n", at: "1:9",
      "the line ends inside the object opened by '{' at column 1"),
    .init("two values on one line", "{\"a\": 1} {\"a\": 2}\n", at: "1:10", "after the end"),
    .init("duplicate key on line 3", "{}\n{}\n{\"a\": 1, \"a\": 2}", at: "3:10", "duplicate key"),
    .init("deep record", "{}\n" + String(repeating: "[", count: 10_000), at: "2:65", "nesting"),
  ]

  @Test func hintsThatARecordMustFitOnOneLine() throws {
    let error = #expect(throws: InputError.self) {
      _ = try JSONLinesReader.parse(bytes("{\"a\": [1,\n2]}\n"), file: "in.jsonl")
    }
    #expect(error?.hint?.contains("one line") == true)
  }

  @Test func givesEachRecordsTextWithoutItsLineEnd() throws {
    var texts: [String] = []
    try JSONLinesReader.forEachLine(
      byteOrderMark + bytes("{\"a\": 1}\r\n\n {} "), file: "in.jsonl"
    ) { (line, _, text) throws(InputError) in
      texts.append("\(line):" + String(decoding: text, as: UTF8.self))
    }
    #expect(texts == ["1:{\"a\": 1}", "3: {} "])
  }

  @Test(arguments: [1, 2, 7, 64, 1 << 20])
  func streamsTheSameRecordsWhateverTheChunkSize(_ chunkSize: Int) throws {
    let expected = try JSONLinesReader.parse(Self.batch, file: "in.jsonl")
    var streamed: [(Int, Node)] = []
    try JSONLinesReader.forEachRecord(
      file: "in.jsonl", readChunk: chunks(of: Self.batch, size: chunkSize)
    ) { line, node in
      streamed.append((line, node))
    }
    #expect(streamed.map { dump($0.1) } == expected.map(dump))
    #expect(streamed.map(\.0) == [1, 4, 6, 7])
    #expect(streamed.map { place($0.1.location) } == expected.map { place($0.location) })
  }

  @Test(arguments: [1, 7, 64])
  func streamsByteOrderMarkAndEmptyChunks(_ chunkSize: Int) throws {
    let input = byteOrderMark + bytes("{\"a\": \"😀\"}\n{\"b\": 2}")
    var stream = JSONLinesStream(
      file: "in.jsonl", readChunk: chunks(of: input, size: chunkSize, withEmptyChunks: true))
    var records: [String] = []
    while let record = try stream.next() {
      records.append("\(record.line) \(dump(record.node))")
    }
    #expect(records == [#"1 {a: "😀"}"#, "2 {b: #2}"])
  }

  @Test(arguments: [1, 7, 64])
  func streamingNamesTheLineThatFails(_ chunkSize: Int) {
    let input = bytes("{\"a\": 1}\n{\"a\": 2,}\n{\"a\": 3}\n")
    var seen: [Int] = []
    let error = #expect(throws: InputError.self) {
      try JSONLinesReader.forEachRecord(
        file: "in.jsonl", readChunk: chunks(of: input, size: chunkSize)
      ) { line, _ in seen.append(line) }
    }
    #expect(place(error?.location) == "2:8")
    #expect(seen == [1])
  }

  @Test func streamingRefusesAnOverlongLine() {
    let input = bytes("{\"a\": 1}\n" + String(repeating: " ", count: 300))
    let error = #expect(throws: InputError.self) {
      try JSONLinesReader.forEachRecord(
        file: "in.jsonl", maxLineBytes: 100, readChunk: chunks(of: input, size: 64)
      ) { _, _ in }
    }
    #expect(error?.message == "line 2 is longer than 100 bytes")
    #expect(place(error?.location) == "2:0")
  }

  @Test func streamingPassesOnErrorsOfTheChunkSource() {
    struct ReadFailure: Error {}
    let failingRead: () throws -> [UInt8]? = { throw ReadFailure() }
    #expect(throws: ReadFailure.self) {
      try JSONLinesReader.forEachRecord(file: "in.jsonl", readChunk: failingRead) { _, _ in }
    }
  }
}

/// A chunk source that hands out `input` `size` bytes at a time.
private func chunks(
  of input: [UInt8], size: Int, withEmptyChunks: Bool = false
) -> () throws -> [UInt8]? {
  var offset = 0
  var giveEmpty = false
  return {
    if withEmptyChunks {
      giveEmpty.toggle()
      if giveEmpty { return [] }
    }
    guard offset < input.count else { return nil }
    let end = min(offset + size, input.count)
    defer { offset = end }
    return Array(input[offset..<end])
  }
}
