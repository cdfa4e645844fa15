import Foundation
import PermauditCore
import PermauditInput

/// A piece of evidence input small enough to decode on its own: a run of whole JSON Lines
/// lines, or one document file (JSON, YAML) read whole.
enum EvidenceBlock: Sendable {
  case lines(bytes: [UInt8], firstLine: Int, path: String)
  case whole(InputFile, DocumentFormat?)

  /// The documents in the block, in order.
  func decode(with loader: EvidenceLoader) throws(InputError) -> [EvidenceDocument] {
    switch self {
    case .lines(let bytes, let firstLine, let path):
      return try loader.documents(inLines: bytes, firstLine: firstLine, path: path)
    case .whole(let file, let format):
      return try loader.documentsIn(file, format: format)
    }
  }
}

/// Reads the evidence named on the command line as a sequence of blocks, JSON Lines files
/// in pieces of about ``blockSize`` bytes, so that memory does not grow with a batch.
struct EvidenceBlockReader {
  /// The bytes a JSON Lines block aims for; a block always ends at a line end.
  static let blockSize = 1 << 18

  private var units: [Unit]
  private var current: LineBlocks?

  private enum Unit {
    case file(path: String, format: DocumentFormat?)
    case memory(InputFile)
    /// Standard input spooled to a temporary file: read from `path`, named `<stdin>`.
    case spooled(path: String, format: DocumentFormat)
  }

  /// Checks every reference and lists the inputs, so that a missing path is reported before
  /// anything is read.
  ///
  /// - Parameters:
  ///   - standardInput: read once if a reference is `-`.
  ///   - collected: the bytes of live references (`justworks:…`, `https://…`) already
  ///     collected, by reference; a live reference missing here is refused.
  init(
    references: [String], standardInput: () throws(InputError) -> StandardInputUnit,
    collected: [String: InputFile] = [:]
  ) throws(InputError) {
    var units: [Unit] = []
    for reference in references {
      if reference == "-" {
        switch try standardInput() {
        case .memory(let file): units.append(.memory(file))
        case .spooled(let path, let format): units.append(.spooled(path: path, format: format))
        }
      } else if let file = collected[reference] {
        units.append(.memory(file))
      } else if reference.contains("://") || reference.hasPrefix("justworks:") {
        throw InputError(
          "evidence source '\(EvidenceLoader.redacted(reference))' needs a live collector, "
            + "which this build does not have",
          hint: "collect the evidence into a file and pass its path")
      } else {
        units += try Self.units(at: reference)
      }
    }
    // Note: a file named twice (on its own and through its folder, say) is read once, so
    // its documents are not merged with themselves as if two sources agreed.
    var seen = Set<String>()
    units = units.filter { unit in
      guard case .file(let path, _) = unit else { return true }
      return seen.insert(Self.canonical(path)).inserted
    }
    self.units = units.reversed()
  }

  /// The path with `.` components and repeated slashes removed, for spotting a file named
  /// twice.
  private static func canonical(_ path: String) -> String {
    path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
  }

  private static func units(at path: String) throws(InputError) -> [Unit] {
    try EvidenceLoader.evidenceFiles(at: path).map { .file(path: $0.path, format: $0.format) }
  }

  /// The next block, or `nil` when every input has been read.
  mutating func next() throws(InputError) -> EvidenceBlock? {
    while true {
      if var lines = current {
        let block = try lines.next()
        current = lines
        if let block { return block }
        current = nil
      }
      guard let unit = units.popLast() else { return nil }

      switch unit {
      case .file(let path, .jsonLines):
        current = try LineBlocks(path: path)
      case .file(let path, let format):
        return .whole(try InputFile.read(path, what: "evidence file"), format)
      case .spooled(let path, .jsonLines):
        current = try LineBlocks(path: path, name: "<stdin>")
      case .spooled(let path, let format):
        let file = try InputFile.read(path, what: "standard input")
        return .whole(InputFile(path: "<stdin>", bytes: file.bytes), format)
      case .memory(let file):
        let format = DocumentReader.sniffedFormat(file.bytes)
        guard format == .jsonLines else { return .whole(file, format) }
        current = LineBlocks(file: file)
      }
    }
  }
}

/// Splits one JSON Lines input into blocks of whole lines.
struct LineBlocks {
  /// The input's name in origins and messages (its path, or `<stdin>`).
  let path: String
  private var handle: FileHandle?
  private var pending: [UInt8] = []
  private var nextLine = 1
  private var isAtEnd = false

  /// The bytes a block aims for; a block always ends at a line end.
  let blockSize: Int

  /// Reads the file at `path`, naming it `name` (the path itself unless given).
  init(path: String, name: String? = nil, blockSize: Int = EvidenceBlockReader.blockSize)
    throws(InputError)
  {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw InputError("evidence file '\(path)' cannot be read", hint: "check its permissions")
    }
    self.path = name ?? path
    self.handle = handle
    self.blockSize = max(1, blockSize)
  }

  init(file: InputFile) {
    blockSize = EvidenceBlockReader.blockSize
    path = file.path
    pending = file.bytes
    isAtEnd = true
  }

  /// A line longer than this is refused rather than read into memory without end.
  static let maxLineBytes = 64 << 20

  mutating func next() throws(InputError) -> EvidenceBlock? {
    while !isAtEnd && pending.count < blockSize { try readChunk() }
    guard !pending.isEmpty else { return nil }

    var end = pending.count
    while !isAtEnd {
      // Cut after the last complete line; a line longer than a block waits for its end.
      if let lastLineFeed = pending.lastIndex(of: 0x0A) {
        end = lastLineFeed + 1
        break
      }
      guard pending.count <= Self.maxLineBytes else {
        throw InputError(
          "line \(nextLine) of '\(path)' is longer than \(Self.maxLineBytes >> 20) MiB",
          at: SourceLocation(file: path, line: nextLine),
          hint: "a JSON Lines record must fit on one line")
      }
      try readChunk()
      end = pending.count
    }

    let bytes = Array(pending[..<end])
    pending.removeFirst(end)
    let block = EvidenceBlock.lines(bytes: bytes, firstLine: nextLine, path: path)
    nextLine += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    return block
  }

  private mutating func readChunk() throws(InputError) {
    let chunk: Data
    do {
      chunk = try handle?.read(upToCount: blockSize) ?? Data()
    } catch {
      throw InputError("evidence file '\(path)' cannot be read: \(error.localizedDescription)")
    }
    if chunk.isEmpty {
      isAtEnd = true
      try? handle?.close()
      handle = nil
    } else {
      pending.append(contentsOf: chunk)
    }
  }
}
