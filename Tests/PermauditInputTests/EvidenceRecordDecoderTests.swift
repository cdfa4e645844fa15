import Foundation
import PermauditCore
import Testing

@testable import PermauditInput

/// The two ways to read one JSON Lines evidence record: the fast path, and the strict
/// reader with ``EvidenceDecoder`` that it must agree with.
private struct RecordPaths {
  static let origin = "batch.jsonl:7"
  let loader: EvidenceLoader

  /// Paths that decode against the shipped Justworks catalog.
  static func justworks() throws -> RecordPaths {
    let library = PolicyLibrary(directory: repositoryRoot() + "/Policies")
    return RecordPaths(
      loader: EvidenceLoader(catalog: try library.loadPolicy("goprofiles-justworks").catalog))
  }

  /// The fast path's document, or `nil` when it gives up.
  func fast(_ record: [UInt8]) -> EvidenceDocument? {
    record.withUnsafeBufferPointer { buffer in
      loader.recordDecoder.document(
        buffer, origin: Self.origin, sha256: Digest.sha256(record))
    }
  }

  /// The strict path's document or error.
  func strict(_ record: [UInt8]) -> Result<EvidenceDocument, InputError> {
    record.withUnsafeBufferPointer { buffer in
      Result { () throws(InputError) -> EvidenceDocument in
        let node = try JSONReader.parseRecord(
          buffer, file: "batch.jsonl", line: 7, maxDepth: JSONReader.defaultMaxDepth)
        return try loader.decoder.document(
          node, origin: Self.origin, sha256: Digest.sha256(record))
      }
    }
  }

  /// What ``EvidenceLoader/documents(inLines:firstLine:path:)`` gives for a block.
  func block(_ bytes: [UInt8]) -> Result<[EvidenceDocument], InputError> {
    Result { () throws(InputError) in
      try loader.documents(inLines: bytes, firstLine: 1, path: "batch.jsonl")
    }
  }

  /// What it gave before the fast path: every line through the strict path.
  func strictBlock(_ bytes: [UInt8]) -> Result<[EvidenceDocument], InputError> {
    Result { () throws(InputError) in
      var documents: [EvidenceDocument] = []
      try JSONLinesReader.forEachLine(bytes, file: "batch.jsonl") {
        (line, node, text) throws(InputError) in
        documents.append(
          try loader.decoder.document(
            node, origin: "batch.jsonl:\(line)", sha256: Digest.sha256(text)))
      }
      return documents
    }
  }

  /// Checks that whatever the fast path returns, the strict path returns too; `true` when
  /// the fast path returned a document.
  @discardableResult
  func expectAgreement(
    _ record: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Bool {
    guard let document = fast(record) else { return false }
    let strict = strict(record)
    #expect(
      strict == .success(document), "\(String(decoding: record, as: UTF8.self).debugDescription)",
      sourceLocation: sourceLocation)
    return true
  }
}

/// A record the fast path must read, or must leave to the strict path.
struct RecordCase: CustomTestStringConvertible, Sendable {
  let name: String
  let record: [UInt8]

  init(_ name: String, _ record: String) {
    self.init(name, bytes: Array(record.utf8))
  }

  init(_ name: String, bytes: [UInt8]) {
    self.name = name
    self.record = bytes
  }

  var testDescription: String { name }
}

private let ordinaryAccount =
  #"{"id": "m_1001", "admin_access": true, "title": "Service Account", "manager": null, "#
  + #""nickname": "Ace"}"#

/// One evidence record as a line of JSON, from the JSON text of each value (`nil`: no key).
private func record(
  system: String = #""justworks""#, collectedAt: String = #""2026-12-01T09:00:00Z""#,
  source: String = #""test""#, parameters: String? = #"{"linking_first_name": "Acme"}"#,
  account: String? = ordinaryAccount,
  permissions: String? = #"["Edit Company Settings", "Manage Employees"]"#
) -> String {
  let fields: [(String, String?)] = [
    ("system", system), ("collected_at", collectedAt), ("source", source),
    ("parameters", parameters), ("account", account), ("permissions", permissions),
  ]
  let entries = fields.compactMap { key, value in value.map { "\"\(key)\": \($0)" } }
  return "{" + entries.joined(separator: ", ") + "}"
}

/// ``record(system:collectedAt:source:parameters:account:permissions:)`` with its
/// account's `target` replaced.
private func record(account target: String, _ replacement: String) -> String {
  record(account: ordinaryAccount.replacingOccurrences(of: target, with: replacement))
}

@Suite struct EvidenceRecordDecoderTests {
  static let readCases = [
    RecordCase("an ordinary record", record()),
    RecordCase(
      "no white space",
      record().replacingOccurrences(of: ": ", with: ":").replacingOccurrences(of: ", ", with: ",")),
    RecordCase(
      "tabs and carriage returns",
      " \t" + record().replacingOccurrences(of: ", ", with: " ,\r\t") + "\r "),
    RecordCase(
      "keys in another order",
      #"{"permissions": [], "account": {"nickname": "Ace", "id": "m_1"}, "source": "test", "#
        + #""collected_at": "2026-12-01T09:00:00Z", "system": "justworks"}"#),
    RecordCase("no parameters or permissions", record(parameters: nil, permissions: nil)),
    RecordCase("null parameters and permissions", record(parameters: "null", permissions: "null")),
    RecordCase("empty parameters and permissions", record(parameters: "{ }", permissions: "[ ]")),
    RecordCase(
      "escapes", record(account: "Service Account", #"a\"b\\c\/d\b\f\n\r\t\u00e9\u0000"#)),
    RecordCase("text that is not ASCII", record(account: "Ace", "Zoë 日本 😀 e\u{301}\u{7F}")),
    RecordCase("an id to normalize", record(account: "m_1001", #"\u00a0 m_1001\u200b "#)),
    RecordCase("an id in NFD", record(account: "m_1001", "Zoe\u{301}")),
    RecordCase("a source with credentials", record(source: #""https://u:p@h.example/x?t=1""#)),
    RecordCase("a source that is not ASCII", record(source: #""export:é://x""#)),
    RecordCase(
      "a time with an offset and a fraction",
      record(collectedAt: #""2026-12-01T09:00:00.5+01:00""#)),
    RecordCase(
      "false, null and empty fields",
      record(account: #""admin_access": true"#, #""admin_access": false, "title2": """#)),
    RecordCase("an undeclared null", record(account: #""Ace""#, "null")),
    RecordCase("an undeclared boolean", record(account: #""Ace""#, "true")),
  ]

  static let leftCases = [
    RecordCase("a repeated top-level key", record(source: #""a", "source": "b""#)),
    RecordCase("a repeated account field", record(account: #""manager": null"#, #""title": "b""#)),
    RecordCase("a repeated id", record(account: #""manager": null"#, #""id": "m_2""#)),
    RecordCase(
      "a repeated parameter",
      record(parameters: #"{"linking_first_name": "Acme", "linking_first_name": "B"}"#)),
    RecordCase(
      "an unknown top-level key", record().replacingOccurrences(of: "source", with: "sorce")),
    RecordCase("a number as the id", record(account: #""m_1001""#, "1001")),
    RecordCase("a blank id", record(account: #""m_1001""#, #"" \t ""#)),
    RecordCase("another system", record(system: #""gusto""#)),
    RecordCase("a time without a zone", record(collectedAt: #""2026-12-01T09:00:00""#)),
    RecordCase("a blank source", record(source: #""\u200b""#)),
    RecordCase("a blank permission", record(permissions: #"["Edit", "\u00a0"]"#)),
    RecordCase("a null permission", record(permissions: #"["Edit", null]"#)),
    RecordCase("a null parameter", record(parameters: #"{"linking_first_name": null}"#)),
    RecordCase("permissions as text", record(permissions: #""Edit""#)),
    RecordCase("a trailing comma in a list", record(permissions: #"["Edit",]"#)),
    RecordCase("a trailing comma in an object", record(account: #""Ace""#, #""Ace","#)),
    RecordCase("content after the record", record() + " x"),
    RecordCase("two records on a line", record() + record()),
    RecordCase("a byte-order mark", "\u{FEFF}" + record()),
    RecordCase("a tab inside a string", record(account: "Service Account", "Service\tAccount")),
    RecordCase(
      "invalid UTF-8",
      bytes: Array(record(account: "Ace", "@").utf8).flatMap {
        $0 == UInt8(ascii: "@") ? [0xC3, 0x28] : [$0]
      }),
    RecordCase("an invalid escape", record(account: "Ace", #"\x"#)),
    RecordCase("a lone surrogate", record(account: "Ace", #"\ud83d"#)),
    RecordCase(
      "deep nesting",
      record(
        account: #""Ace""#, String(repeating: "[", count: 70) + String(repeating: "]", count: 70))),
    RecordCase("no account", record(account: nil)),
    RecordCase("an account without an id", record(account: #""id": "m_1001", "#, "")),
    RecordCase("an account that is text", record(account: #""m_1001""#)),
    RecordCase("a blank line", " \t "),
    RecordCase("a number in an undeclared field", record(account: #""Ace""#, "42")),
    RecordCase("a list in an undeclared field", record(account: #""Ace""#, #"["a"]"#)),
    RecordCase("text for a boolean field", record(account: "true", #""yes""#)),
    RecordCase("a word for a boolean field", record(account: "true", #""maybe""#)),
    RecordCase("a boolean for a text field", record(account: #""Service Account""#, "true")),
    RecordCase("a literal in capitals", record(account: "true", "TRUE")),
    RecordCase("a surrogate pair", record(account: "Ace", #"\ud83d\ude00"#)),
    RecordCase("an escape in a key", record(account: #""title""#, #""\u0074itle""#)),
    RecordCase("a key that is not ASCII", record(account: #""nickname""#, #""Bür""#)),
  ]

  @Test func fieldsAreTheTopLevelKeysOfEvidence() {
    #expect(EvidenceRecordDecoder.Field.allCases.map(\.rawValue) == EvidenceDecoder.topLevelKeys)
  }

  @Test(arguments: readCases)
  func readsRecordsAsTheStrictPathDoes(_ recordCase: RecordCase) throws {
    let paths = try RecordPaths.justworks()
    #expect(paths.expectAgreement(recordCase.record), "the fast path gave up")
  }

  @Test(arguments: leftCases)
  func leavesUnusualRecordsToTheStrictPath(_ recordCase: RecordCase) throws {
    let paths = try RecordPaths.justworks()
    #expect(paths.fast(recordCase.record) == nil)
    #expect(paths.block(recordCase.record) == paths.strictBlock(recordCase.record))
  }

  /// Every kind of byte that ends a run of plain ASCII, at every place in an eight-byte
  /// block, so that the scanner's eight-at-a-time step is checked at each offset.
  @Test func agreesOnSpecialBytesAtEveryOffset() throws {
    let paths = try RecordPaths.justworks()
    let inserts: [(bytes: [UInt8], isValid: Bool)] = [
      ([0x00], false), ([0x09], false), ([0x1F], false), ([0x7F], true), ([0x80], false),
      ([0xC3, 0xA9], true), ([0xE2, 0x80, 0x8B], true), ([0xF0, 0x9F, 0x98, 0x80], true),
      ([0xED, 0xA0, 0x80], false), (Array(#"\""#.utf8), true), (Array(#"\u00e9"#.utf8), true),
    ]
    for insert in inserts {
      for offset in 0...17 {
        var value = Array("Service Account, the 24".utf8)
        value.insert(contentsOf: insert.bytes, at: offset)
        let line = Array(record(account: "Service Account", "@").utf8).flatMap {
          $0 == UInt8(ascii: "@") ? value : [$0]
        }
        #expect(paths.expectAgreement(line) == insert.isValid, "\(insert.bytes) at \(offset)")
      }
    }
  }

  @Test func readsEveryRecordOfAGeneratedBatch() throws {
    let paths = try RecordPaths.justworks()
    let batch = try generatedBatch(accounts: 400)
    let lines = batch.split(separator: UInt8(ascii: "\n")).map(Array.init)
    #expect(lines.count == 400)
    for line in lines {
      #expect(paths.expectAgreement(line), "the fast path gave up")
    }
    #expect(paths.block(batch) == paths.strictBlock(batch))
  }

  @Test func readsTheExampleEvidence() throws {
    let paths = try RecordPaths.justworks()
    let examples = try Self.exampleRecords()
    #expect(examples.count == 3)
    for record in examples {
      #expect(paths.expectAgreement(record), "the fast path gave up")
    }
  }

  @Test func agreesWithTheStrictPathOnMutatedRecords() throws {
    let paths = try RecordPaths.justworks()
    let seeds =
      try Self.exampleRecords() + Self.readCases.map(\.record)
    var random = SplitMix64(seed: 0x5EED_0006)
    var read = 0
    var valid = 0
    for round in 0..<4_000 {
      let mutant = random.mutateRecord(seeds[round % seeds.count])
      if paths.expectAgreement(mutant) { read += 1 }
      if case .success = paths.strict(mutant) { valid += 1 }
      // Whole blocks too: a blank line, a byte-order mark or a CR is the line reader's.
      if round % 4 == 0 {
        let block = mutant + Array("\r\n".utf8) + seeds[0]
        #expect(paths.block(block) == paths.strictBlock(block))
      }
    }
    // Note: a fast path that gave up on everything would fail here rather than pass
    // silently. It leaves some valid records to the strict path on purpose: keys with
    // escapes or non-ASCII letters, numbers, nested values, line feeds.
    #expect(valid > 1_000, "only \(valid) of 4000 mutated records are valid")
    #expect(read * 3 > valid, "the fast path read only \(read) of \(valid) valid records")
  }

  /// The repository's example evidence, each document on one line.
  static func exampleRecords() throws -> [[UInt8]] {
    let folder = repositoryRoot() + "/Examples/evidence"
    return try EvidenceLoader.evidenceFiles(in: folder).map { name in
      let node = try DocumentReader.readOne(
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))), file: name)
      return Array(jsonLine(node).utf8)
    }
  }

  /// A node written as one line of JSON; YAML plain scalars become strings.
  static func jsonLine(_ node: Node) -> String {
    switch node.value {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .number(let text): return text
    case .string(let text), .plain(let text): return JSONText.quoted(text)
    case .sequence(let items): return "[" + items.map(jsonLine).joined(separator: ", ") + "]"
    case .mapping(let entries):
      let fields = entries.map { JSONText.quoted($0.key) + ": " + jsonLine($0.value) }
      return "{" + fields.joined(separator: ", ") + "}"
    }
  }
}

/// A batch from the benchmark's generator, `bench/generate_evidence.py`.
private func generatedBatch(accounts: Int) throws -> [UInt8] {
  try withTemporaryFolder { folder in
    let output = folder.path("batch.jsonl")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", repositoryRoot() + "/bench/generate_evidence.py", "\(accounts)", output,
      "--seed", "6",
    ]
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "bench/generate_evidence.py failed")
    return Array(try Data(contentsOf: URL(fileURLWithPath: output)))
  }
}
