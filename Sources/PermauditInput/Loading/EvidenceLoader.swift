import Foundation
import PermauditCore

/// Reads evidence from files, folders and standard input (SPEC §5, §6).
///
/// A file holds one document, a batch (a top-level list, several YAML documents, or JSON
/// Lines); a folder contributes its `.json`, `.jsonl`, `.yaml` and `.yml` files in name
/// order and nothing else. Nothing is dropped silently: any unreadable or invalid input is
/// an ``InputError``, and so is an audit of no accounts at all.
public struct EvidenceLoader: Sendable {
  public let decoder: EvidenceDecoder
  /// The fast path for JSON Lines records, which falls back on `decoder`.
  let recordDecoder: EvidenceRecordDecoder

  public init(catalog: Catalog) {
    self.decoder = EvidenceDecoder(catalog: catalog)
    self.recordDecoder = EvidenceRecordDecoder(decoder)
  }

  /// The documents named by `references`, in order.
  ///
  /// - Parameter standardInput: called once if a reference is `-`.
  public func load(
    _ references: [String], standardInput: () -> InputFile = InputFile.readStandardInput
  ) throws(InputError) -> [EvidenceDocument] {
    var documents: [EvidenceDocument] = []
    for reference in references {
      if reference == "-" {
        documents += try documentsIn(standardInput(), format: nil)
      } else if reference.contains("://") || reference.hasPrefix("justworks:") {
        throw InputError(
          "evidence source '\(Self.redacted(reference))' needs a live collector, which this "
            + "build does not have", hint: "collect the evidence into a file and pass its path")
      } else {
        documents += try load(path: reference)
      }
    }
    return documents
  }

  /// The documents at one path: a file or a folder.
  public func load(path: String) throws(InputError) -> [EvidenceDocument] {
    var documents: [EvidenceDocument] = []
    for (filePath, format) in try Self.evidenceFiles(at: path) {
      let file = try InputFile.read(filePath, what: "evidence file")
      documents += try documentsIn(file, format: format)
    }
    return documents
  }

  /// The evidence files a path names, with the format each name stands for: the file
  /// itself, or a folder's evidence files in name order. A missing path is an error.
  public static func evidenceFiles(at path: String) throws(InputError)
    -> [(path: String, format: DocumentFormat?)]
  {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError("evidence path '\(path)' does not exist", hint: "check the path")
    }
    guard isDirectory.boolValue else { return [(path, DocumentReader.format(forPath: path))] }
    return try evidenceFiles(in: path).map { name in
      ((path as NSString).appendingPathComponent(name), DocumentReader.format(forPath: name))
    }
  }

  /// The evidence files of a folder, in name order: `.json`, `.jsonl`, `.yaml`, `.yml`.
  public static func evidenceFiles(in folder: String) throws(InputError) -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw InputError("evidence folder '\(folder)' cannot be read", hint: "check its permissions")
    }
    return names.filter { name in
      var isDirectory: ObjCBool = false
      let path = (folder as NSString).appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { return false }
      return DocumentReader.format(forPath: name) != nil
    }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  /// The documents in one file's bytes.
  public func documentsIn(_ file: InputFile, format: DocumentFormat?) throws(InputError)
    -> [EvidenceDocument]
  {
    let resolved = format ?? DocumentReader.sniffedFormat(file.bytes)
    if resolved == .jsonLines {
      return try documents(inLines: file.bytes, firstLine: 1, path: file.path)
    }

    let nodes = try DocumentReader.read(file.bytes, file: file.path, format: resolved)
    let digest = file.sha256
    var documents: [EvidenceDocument] = []
    let isBatch =
      nodes.count > 1 || nodes.contains { if case .sequence = $0.value { true } else { false } }
    for node in nodes {
      if case .sequence(let items) = node.value {
        for item in items {
          documents.append(
            try decoder.document(item, origin: Self.origin(of: item, in: file), sha256: digest))
        }
      } else {
        let origin = isBatch ? Self.origin(of: node, in: file) : file.path
        documents.append(try decoder.document(node, origin: origin, sha256: digest))
      }
    }
    return documents
  }

  private static func origin(of node: Node, in file: InputFile) -> String {
    node.location.line > 0 ? "\(file.path):\(node.location.line)" : file.path
  }

  /// A source reference with any credential in it hidden: the user information
  /// (`https://user:pass@…`, `https://token@…`), the query (`?token=`) and the fragment.
  /// A reference that does not parse as a URL keeps only its scheme.
  public static func redacted(_ reference: String) -> String {
    guard var safe = URLComponents(string: reference), safe.scheme != nil else {
      return schemeOnly(reference)
    }
    if safe.user != nil || safe.password != nil {
      safe.user = "REDACTED"
      safe.password = nil
    }
    if safe.query != nil { safe.query = "REDACTED" }
    if safe.fragment != nil { safe.fragment = "REDACTED" }
    return safe.string ?? schemeOnly(reference)
  }

  /// `https://REDACTED` for a reference whose parts cannot be told apart.
  private static func schemeOnly(_ reference: String) -> String {
    let scheme = reference.prefix { character in
      character.isASCII && (character.isLetter || character.isNumber || "+-.".contains(character))
    }
    let rest = reference.dropFirst(scheme.count)
    guard !scheme.isEmpty, rest.hasPrefix(":") else { return "REDACTED" }
    return scheme + (rest.hasPrefix("://") ? "://" : ":") + "REDACTED"
  }
}

extension EvidenceLoader {
  /// The documents in a block of whole JSON Lines lines from further into a file: origins
  /// are `path:line` and each record's digest is of its own line.
  ///
  /// - Parameter firstLine: the line number of the block's first byte in the file.
  public func documents(inLines bytes: [UInt8], firstLine: Int, path: String)
    throws(InputError) -> [EvidenceDocument]
  {
    var documents: [EvidenceDocument] = []
    try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) in
      try JSONLinesReader.forEachRecordRange(in: buffer, firstLine: firstLine) {
        (line, content) throws(InputError) in
        let record = UnsafeBufferPointer(rebasing: buffer[content])
        documents.append(try document(inRecord: record, line: line, path: path))
      }
    }
    return documents
  }

  /// The document in one JSON Lines record (a line without its line end): read by the
  /// fast path when it can, else by the strict reader, which explains any problem.
  func document(inRecord record: UnsafeBufferPointer<UInt8>, line: Int, path: String)
    throws(InputError) -> EvidenceDocument
  {
    let origin = "\(path):\(line)"
    let sha256 = Digest.sha256(record)
    if let document = recordDecoder.document(record, origin: origin, sha256: sha256) {
      return document
    }
    let node = try JSONReader.parseRecord(
      record, file: path, line: line, maxDepth: JSONReader.defaultMaxDepth)
    return try decoder.document(node, origin: origin, sha256: sha256)
  }
}
