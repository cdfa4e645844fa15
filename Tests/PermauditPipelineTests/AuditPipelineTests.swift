import Foundation
import PermauditCore
import PermauditInput
import PermauditReports
import Testing

@testable import PermauditPipeline

@Suite struct AuditPipelineTests {
  private static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  private static let now = Timestamp.parse("2026-12-03T12:00:00Z") ?? Date()

  private func policy() throws -> LoadedPolicy {
    try PolicyLibrary(directory: Self.repository + "/Policies").loadPolicy("goprofiles-justworks")
  }

  private func record(
    _ id: String, permissions: [String]?, title: String? = nil, hasParameters: Bool = true
  ) -> String {
    var fields = [
      "\"system\": \"justworks\"", "\"collected_at\": \"2026-12-03T08:00:00Z\"",
      "\"source\": \"test\"",
    ]
    if hasParameters {
      fields.append(
        "\"parameters\": {\"linking_first_name\": \"Acme\", "
          + "\"linking_work_email\": \"acme@example.com\"}")
    }
    var account = "\"id\": \"\(id)\""
    if let title { account += ", \"title\": \"\(title)\"" }
    fields.append("\"account\": {\(account)}")
    if let permissions {
      fields.append(
        "\"permissions\": [" + permissions.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
    }
    return "{" + fields.joined(separator: ", ") + "}"
  }

  private func write(_ lines: [String]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("pipeline-\(UUID().uuidString).jsonl").path
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Runs the pipeline and returns the JSON report it prints.
  private func audit(_ path: String, jobs: Int) throws -> (String, AuditOutcome) {
    let request = AuditRequest(
      policy: try policy(), evidence: [path], now: Self.now, standardOutput: .json, jobs: jobs,
      tool: ToolInfo(version: "test"))
    let printed = Printed()
    let outcome = try AuditPipeline(request, standardInput: { InputFile(path: "-", bytes: []) })
      .run(print: printed.append)
    return (printed.text, outcome)
  }

  @Test func reportsAreIdenticalWhateverTheNumberOfJobs() throws {
    let lines = (0..<300).map { index in
      record(
        "m_\(index)", permissions: index % 3 == 0 ? ["Edit Company Settings"] : nil,
        title: index % 5 == 0 ? "Integration User" : "Service Account")
    }
    let path = try write(lines)
    defer { try? FileManager.default.removeItem(atPath: path) }

    let (single, outcome) = try audit(path, jobs: 1)
    for jobs in [2, 4, 7] {
      #expect(try audit(path, jobs: jobs).0 == single)
    }
    #expect(outcome.report.summary.accounts == 300)
    #expect(!outcome.timings.wasIndexed)
  }

  /// Several windows of several slices each, in every format: the files are the same
  /// byte for byte whatever the number of threads, and each digest seals its file.
  @Test func manyWindowsWriteTheSameFilesWhateverTheNumberOfJobs() throws {
    // Note: long titles make a window of few accounts, so that a debug build stays quick.
    let padding = String(repeating: "x", count: 400)
    let lines = (0..<1_600).map { index in
      record(
        "m_\(index)", permissions: index % 4 == 0 ? ["Edit Company Settings", "Timecards"] : [],
        title: index % 7 == 0 ? "Service Account" : "Integration User \(index) \(padding)")
    }
    let path = try write(lines)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(lines.joined().utf8.count > 2 * EvidenceBlockReader.blockSize)

    let formats: [ReportFormat] = [.json, .sarif, .csv, .text]
    var runs: [[String: [UInt8]]] = []
    for jobs in [1, 3] {
      let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("windows-\(UUID().uuidString)").path
      defer { try? FileManager.default.removeItem(atPath: root) }
      let request = AuditRequest(
        policy: try policy(), evidence: [path], now: Self.now, formats: formats,
        reportsFolder: root, jobs: jobs, tool: ToolInfo(version: "test"))
      let outcome = try AuditPipeline(request, standardInput: { InputFile(path: "-", bytes: []) })
        .run(print: { _ in })
      #expect(outcome.report.summary.accounts == 1_600)
      let folder = try #require(outcome.runFolder)
      var files: [String: [UInt8]] = [:]
      for format in formats {
        let file = URL(fileURLWithPath: folder + "/" + format.fileName)
        let bytes = Array(try Data(contentsOf: file))
        files[format.fileName] = bytes
        if format.carriesDigest {
          guard case .intact = ReportDigest.verify(bytes) else {
            Issue.record("\(format.fileName) is not sealed by its digest (\(jobs) jobs)")
            continue
          }
        }
      }
      runs.append(files)
    }
    #expect(runs[0] == runs[1])
  }

  /// An account whose documents are apart is merged all the same, by a second, indexed
  /// pass: its profile and its permissions come from different lines.
  @Test func documentsOfOneAccountAreMergedWhereverTheyAre() throws {
    let required = [
      "Edit Company Settings", "Manage Employees", "View all employee information",
      "View basic employee information", "Upload and View all Documents",
      "View Invoices and Reporting",
    ]
    let path = try write([
      record("m_1", permissions: nil, title: "Service Account"),
      record("m_2", permissions: required),
      record("m_1", permissions: required),
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }

    let (json, outcome) = try audit(path, jobs: 2)
    #expect(outcome.timings.wasIndexed)
    #expect(outcome.report.summary.accounts == 2)
    let report = try #require(
      JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let accounts = try #require(report["accounts"] as? [[String: Any]])
    let merged = try #require(accounts.first { $0["id"] as? String == "m_1" })
    #expect((merged["evidence"] as? [Any])?.count == 2)
    let kinds = (merged["findings"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    #expect(!kinds.contains("missing_permission"))
    #expect(!kinds.contains("conflicting_evidence"))
  }

  @Test func aBadLineStopsTheRunWithItsLineNumberAndWritesNothing() throws {
    let path = try write([
      record("m_1", permissions: []), "{\"system\": ", record("m_3", permissions: []),
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try audit(path, jobs: 2)
      Issue.record("expected the run to fail")
    } catch {
      guard case .input(let inputError) = error as? AuditFailure else {
        Issue.record("expected an input error, got \(error)")
        return
      }
      #expect(inputError.location?.line == 2)
    }
  }
}

extension AuditPipelineTests {
  /// An account that cannot be judged early in the first block, a bad line in a later one:
  /// the account's error wins with one job or several, though several jobs decode both
  /// blocks together.
  @Test func theFirstProblemInInputOrderWinsWhateverTheNumberOfJobs() throws {
    let padding = String(repeating: "x", count: 400)
    var lines = [record("m_0", permissions: [], hasParameters: false)]
    // Note: about 600 bytes a line, so that the bad line falls past the first block.
    lines += (1..<1_000).map { record("m_\($0)", permissions: [], title: "User \(padding)") }
    lines.append("{\"system\": ")
    let path = try write(lines)
    defer { try? FileManager.default.removeItem(atPath: path) }

    for jobs in [1, 2, 4] {
      do {
        _ = try audit(path, jobs: jobs)
        Issue.record("expected the run to fail with \(jobs) jobs")
      } catch {
        guard case .engine(let engineError) = error as? AuditFailure else {
          Issue.record("expected the account's error with \(jobs) jobs, got \(error)")
          continue
        }
        #expect("\(engineError)".contains("m_0"))
      }
    }
  }
}

/// Collects what the pipeline prints; the pipeline calls it from one thread.
private final class Printed: @unchecked Sendable {
  private(set) var text = ""
  func append(_ part: String) { text += part }
}

@Suite struct EvidenceBlockReaderTests {
  @Test func aFileNamedTwiceIsReadOnce() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("blocks-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/a.json"
    try Data("{}".utf8).write(to: URL(fileURLWithPath: file))

    var reader = try EvidenceBlockReader(
      references: [folder, file, folder + "/./a.json"],
      standardInput: { .memory(InputFile(path: "-", bytes: [])) })
    var blocks = 0
    while try reader.next() != nil { blocks += 1 }
    #expect(blocks == 1)
  }
}

@Suite struct StandardInputTests {
  /// Hands out `text` in pieces of `size` bytes, as a pipe would.
  private static func chunks(of text: String, size: Int) -> @Sendable () -> [UInt8]? {
    let pieces = Pieces(Array(text.utf8), size: size)
    return { pieces.next() }
  }

  @Test func aBatchLargerThanOneChunkIsSpooledAndStreamedWithItsLineNumbers() throws {
    let lines = (1...5).map { "{\"n\": \($0)}" }.joined(separator: "\n") + "\n"
    // The first chunk holds the first whole line, as a megabyte-sized chunk does.
    let input = CachedInput(.chunks(Self.chunks(of: lines, size: 16)))
    guard case .spooled(let path, let format) = try input.unit() else {
      Issue.record("expected a spooled batch")
      return
    }
    #expect(format == .jsonLines)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == lines)

    var reader = try EvidenceBlockReader(references: ["-"], standardInput: input.unit)
    guard case .lines(_, let firstLine, let name) = try reader.next() else {
      Issue.record("expected a block of lines")
      return
    }
    #expect(firstLine == 1)
    #expect(name == "<stdin>")
  }

  @Test func aSingleDocumentOverSeveralChunksIsReadWhole() throws {
    let document = "{\n  \"a\": 1,\n  \"b\": [1, 2, 3]\n}\n"
    let input = CachedInput(.chunks(Self.chunks(of: document, size: 5)))
    guard case .memory(let file) = try input.unit() else {
      Issue.record("expected the document in memory")
      return
    }
    #expect(file.bytes == Array(document.utf8))
    #expect(file.path == "<stdin>")
  }

  /// The spooled copy is read back, yet has no name left in the temporary folder.
  @Test func theSpooledCopyIsReadBackThoughItHasNoName() throws {
    var path = ""
    var target = ""
    do {
      let input = CachedInput(.chunks(Self.chunks(of: "{}\n{}\n{}\n", size: 4)))
      if case .spooled(let spooled, _) = try input.unit() { path = spooled }
      target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}\n{}\n{}\n")
    }
    #expect(path.hasPrefix("/proc/self/fd/"))
    #expect(target.contains("permaudit-stdin-") && target.hasSuffix("(deleted)"))
  }
}

/// Bytes handed out a few at a time; used from one thread.
private final class Pieces: @unchecked Sendable {
  private var bytes: ArraySlice<UInt8>
  private let size: Int

  init(_ bytes: [UInt8], size: Int) {
    self.bytes = bytes[...]
    self.size = size
  }

  func next() -> [UInt8]? {
    guard !bytes.isEmpty else { return nil }
    let piece = Array(bytes.prefix(size))
    bytes = bytes.dropFirst(size)
    return piece
  }
}
