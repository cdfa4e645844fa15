import Foundation
import PermauditCore
import PermauditInput

/// Reads the evidence a window of blocks at a time and decodes each window's blocks in
/// parallel, so that memory holds one window however large the batch.
struct WindowDecoder {
  private var reader: EvidenceBlockReader
  private let loader: EvidenceLoader
  private let jobs: Int
  /// A block's failure held back while the blocks before it are handed over.
  private var heldFailure: InputError?

  /// Blocks decoded together; each is about 256 KiB of JSON Lines.
  private var windowBlocks: Int { jobs }

  init(reader: EvidenceBlockReader, loader: EvidenceLoader, jobs: Int) {
    self.reader = reader
    self.loader = loader
    self.jobs = max(1, jobs)
  }

  /// The documents of the next window, in input order, or `nil` once everything is read.
  ///
  /// A block that fails to decode ends the window before it: the documents of the blocks
  /// before it come first, and the next call throws its error. What happens before an
  /// error therefore does not depend on how many blocks a window holds (on `--jobs`).
  mutating func next(timings: inout StageTimings) throws(InputError) -> [EvidenceDocument]? {
    if let failure = heldFailure {
      heldFailure = nil
      throw failure
    }
    let clock = ContinuousClock()
    let start = clock.now
    defer { timings.parse += clock.now - start }

    var blocks: [EvidenceBlock] = []
    while blocks.count < windowBlocks, let block = try reader.next() { blocks.append(block) }
    guard !blocks.isEmpty else { return nil }

    let loader = self.loader
    let decoded = parallelMap(blocks, jobs: jobs) { block in
      Result { () throws(InputError) in try block.decode(with: loader) }
    }
    var documents: [EvidenceDocument] = []
    for result in decoded {
      switch result {
      case .success(let batch): documents += batch
      case .failure(let error):
        guard !documents.isEmpty else { throw error }
        heldFailure = error
        return documents
      }
    }
    return documents
  }
}
