import Foundation
import PermauditCore
import Testing

@testable import PermauditInput

/// One evidence document for account `id` as a single JSON line.
private func jsonRecord(_ id: String, source: String = "test") -> String {
  #"{"system": "justworks", "collected_at": "2026-12-01T09:00:00Z", "source": "\#(source)", "#
    + #""account": {"id": "\#(id)"}}"#
}

/// One evidence document for account `id` in YAML, four lines long.
private func yamlRecord(_ id: String) -> String {
  """
  system: justworks
  collected_at: 2026-12-01T09:00:00Z
  source: test
  account: {id: \(id)}

  """
}

private func loader() throws -> EvidenceLoader {
  EvidenceLoader(catalog: try fixtureCatalog())
}

@Suite struct EvidenceLoaderTests {
  // MARK: - Folders

  @Test func folderReadsEvidenceFilesInNameOrderAndIgnoresTheRest() throws {
    try withTemporaryFolder { folder in
      try folder.write("b.yaml", yamlRecord("b"))
      try folder.write("a.json", jsonRecord("a"))
      try folder.write("c.jsonl", jsonRecord("c1") + "\n" + jsonRecord("c2") + "\n")
      try folder.write("d.yml", yamlRecord("d"))
      try folder.write("README.md", "# Evidence\n{not: [evidence\n")
      try folder.write("notes.txt", "nothing to read")
      try folder.write("a.json.bak", "{broken")
      try folder.write("sub/e.json", jsonRecord("e"))
      try folder.write("nested.json/f.json", jsonRecord("f"))

      #expect(
        try EvidenceLoader.evidenceFiles(in: folder.path) == [
          "a.json", "b.yaml", "c.jsonl", "d.yml",
        ])
      let documents = try loader().load(path: folder.path)
      #expect(documents.map(\.accountID) == ["a", "b", "c1", "c2", "d"])
      #expect(
        documents.map(\.provenance.origin) == [
          folder.path("a.json"), folder.path("b.yaml"), folder.path("c.jsonl") + ":1",
          folder.path("c.jsonl") + ":2", folder.path("d.yml"),
        ])
    }
  }

  @Test func emptyFolderGivesNoDocuments() throws {
    try withTemporaryFolder { folder in
      #expect(try loader().load(path: folder.path).isEmpty)
      #expect(try loader().load([folder.path]).isEmpty)
      try folder.write("README.md", "Put evidence here.")
      #expect(try loader().load(path: folder.path).isEmpty)
    }
  }

  @Test func missingPathIsAnError() throws {
    try withTemporaryFolder { folder in
      let missing = folder.path("nope.json")
      let error = expectInputError(
        at: "none", ["evidence path '\(missing)' does not exist"], hint: "check the path"
      ) {
        _ = try loader().load([missing])
      }
      #expect(error?.location == nil)
    }
  }

  @Test func errorInAFolderFileIsLocatedInThatFile() throws {
    try withTemporaryFolder { folder in
      try folder.write("a.json", jsonRecord("a"))
      try folder.write("b.yaml", yamlRecord("b") + "permisions: []\n")
      expectInputError(
        at: "5:1", ["unknown key 'permisions'"], hint: "did you mean 'permissions'?",
        file: folder.path("b.yaml")
      ) {
        _ = try loader().load(path: folder.path)
      }
    }
  }

  @Test func referencesAreReadInOrder() throws {
    try withTemporaryFolder { folder in
      let single = try folder.write("single.yaml", yamlRecord("z"))
      try folder.write("batch/a.json", jsonRecord("a"))
      let documents = try loader().load([single, folder.path("batch")])
      #expect(documents.map(\.accountID) == ["z", "a"])
    }
  }

  // MARK: - File formats

  @Test func singleDocumentHasTheFileAsOriginAndDigest() throws {
    try withTemporaryFolder { folder in
      let text = jsonRecord("m_1")
      let path = try folder.write("one.json", text)
      let documents = try loader().load(path: path)
      #expect(documents.map(\.provenance.origin) == [path])
      #expect(documents.map(\.provenance.sha256) == [Digest.sha256(text)])
    }
  }

  @Test func jsonLinesRecordsHaveTheirLineAndTheirOwnDigest() throws {
    try withTemporaryFolder { folder in
      let lines = [jsonRecord("m_1"), jsonRecord("m_2", source: "other"), jsonRecord("m_3")]
      let text = lines[0] + "\n   \n" + lines[1] + "\r\n" + lines[2]
      let path = try folder.write("batch.jsonl", text)

      let documents = try loader().load(path: path)
      #expect(documents.map(\.accountID) == ["m_1", "m_2", "m_3"])
      #expect(documents.map(\.provenance.origin) == ["\(path):1", "\(path):3", "\(path):4"])
      #expect(documents.map(\.provenance.sha256) == lines.map { Digest.sha256(Array($0.utf8)) })
      #expect(Set(documents.map(\.provenance.sha256)).count == 3)
      #expect(!documents.map(\.provenance.sha256).contains(Digest.sha256(text)))
    }
  }

  @Test func jsonLinesLineThatDoesNotParseIsNamed() throws {
    try withTemporaryFolder { folder in
      let path = try folder.write(
        "batch.jsonl", jsonRecord("m_1") + "\n{\"system\": \n" + jsonRecord("m_3") + "\n")
      let error = #expect(throws: InputError.self) { try loader().load(path: path) }
      #expect(error?.location?.file == path)
      #expect(error?.location?.line == 2)
    }
  }

  @Test func jsonLinesRecordThatDoesNotDecodeIsLocated() throws {
    try withTemporaryFolder { folder in
      let path = try folder.write(
        "batch.jsonl",
        jsonRecord("m_1") + "\n" + #"{"system": "bamboohr", "collected_at": "x"}"# + "\n")
      expectInputError(at: "2:12", ["evidence is for system 'bamboohr'"], file: path) {
        _ = try loader().load(path: path)
      }
    }
  }

  @Test func jsonArrayIsABatch() throws {
    try withTemporaryFolder { folder in
      let text = "[\n  " + jsonRecord("m_1") + ",\n  " + jsonRecord("m_2") + "\n]\n"
      let path = try folder.write("batch.json", text)
      let documents = try loader().load(path: path)
      #expect(documents.map(\.accountID) == ["m_1", "m_2"])
      #expect(documents.map(\.provenance.origin) == ["\(path):2", "\(path):3"])
      #expect(documents.map(\.provenance.sha256) == Array(repeating: Digest.sha256(text), count: 2))
    }
  }

  @Test func multiDocumentYAMLIsABatch() throws {
    try withTemporaryFolder { folder in
      let text = yamlRecord("m_1") + "---\n" + yamlRecord("m_2")
      let path = try folder.write("batch.yaml", text)
      let documents = try loader().load(path: path)
      #expect(documents.map(\.accountID) == ["m_1", "m_2"])
      #expect(documents.map(\.provenance.origin) == ["\(path):1", "\(path):6"])
      #expect(documents.map(\.provenance.sha256) == Array(repeating: Digest.sha256(text), count: 2))
    }
  }

  @Test func emptyYAMLFileHasNoDocumentsButEmptyJSONIsAnError() throws {
    try withTemporaryFolder { folder in
      let yaml = try folder.write("empty.yaml", "# nothing yet\n")
      #expect(try loader().load(path: yaml).isEmpty)
      let json = try folder.write("empty.json", "")
      #expect(throws: InputError.self) { try loader().load(path: json) }
    }
  }

  // MARK: - Standard input

  @Test(arguments: [
    ("JSON", jsonRecord("m_1"), ["<stdin>"]),
    ("YAML", yamlRecord("m_1"), ["<stdin>"]),
    (
      "YAML flow list",
      "- {system: justworks, collected_at: 2026-12-01T09:00:00Z, "
        + "source: test, account: {id: m_1}}\n", ["<stdin>:1"]
    ),
    (
      "JSON Lines", jsonRecord("m_1") + "\n" + jsonRecord("m_2") + "\n",
      ["<stdin>:1", "<stdin>:2"]
    ),
  ])
  func standardInputIsSniffed(_ format: String, _ text: String, _ origins: [String]) throws {
    var calls = 0
    let documents = try loader().load(["-"]) {
      calls += 1
      return InputFile(path: "<stdin>", bytes: Array(text.utf8))
    }
    #expect(calls == 1)
    #expect(documents.map(\.provenance.origin) == origins)
    #expect(documents.first?.accountID == "m_1")
  }

  @Test func standardInputJSONIsTypedAsJSON() throws {
    // As YAML, 1234 would be the text "1234"; as JSON it is a number where text belongs.
    let text =
      #"{"system": "justworks", "collected_at": "2026-12-01T09:00:00Z", "#
      + #""source": "test", "account": {"id": "m_1", "title": 1234}}"#
    expectInputError(at: "1:117", ["account field 'title' must be text"], hint: "quote it") {
      _ = try loader().load(["-"]) { InputFile(path: "<stdin>", bytes: Array(text.utf8)) }
    }
  }

  @Test func standardInputIsNotReadWithoutADash() throws {
    try withTemporaryFolder { folder in
      let path = try folder.write("one.json", jsonRecord("m_1"))
      var calls = 0
      _ = try loader().load([path]) {
        calls += 1
        return InputFile(path: "<stdin>", bytes: [])
      }
      #expect(calls == 0)
    }
  }

  // MARK: - Live sources

  @Test(arguments: [
    "https://user:secret@host.example/x?token=abc",
    "https://user:secret@host.example:port/x?token=abc",
    "https://secret@host.example/x",
    "https://host.example/x#access_token=abc",
    "https://host.example/x?api_key=abc&user=secret",
    "justworks:company?token=abc",
  ])
  func liveSourceErrorNeverShowsACredential(_ reference: String) throws {
    let error = #expect(throws: InputError.self) { try loader().load([reference]) }
    let text = try #require(error).description
    #expect(text.contains("needs a live collector"), "\(text)")
    #expect(!text.contains("secret"), "\(text)")
    #expect(!text.contains("abc"), "\(text)")
  }

  @Test(arguments: [
    ("https://user:secret@host.example/x?token=abc", "https://REDACTED@host.example/x?REDACTED"),
    ("https://secret@host.example/x", "https://REDACTED@host.example/x"),
    ("https://host.example/x#token=abc", "https://host.example/x#REDACTED"),
    ("https://user:secret@host.example:port/x", "https://REDACTED"),
    ("https://host.example/evidence.json", "https://host.example/evidence.json"),
    ("justworks:acme", "justworks:acme"),
  ])
  func redactionHidesCredentialsOnly(_ reference: String, _ expected: String) {
    #expect(EvidenceLoader.redacted(reference) == expected)
  }

  @Test func liveSourceErrorKeepsWhatIsNotSecret() throws {
    let error = #expect(throws: InputError.self) {
      try loader().load(["https://user:secret@host.example/evidence?token=abc"])
    }
    #expect(error?.message.contains("https://") == true)
    #expect(error?.message.contains("host.example/evidence") == true)
  }
}
