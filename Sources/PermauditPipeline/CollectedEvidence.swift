import Foundation
import PermauditCollectors
import PermauditInput

/// Live evidence (`justworks:…`, `https://…`) collected once per run, even when the
/// pipeline reads its input twice, and handed to ``EvidenceBlockReader`` as bytes.
final class CollectedInputs: @unchecked Sendable {
  // Note: @unchecked because `cached` is only touched under `lock`.
  private let live: LiveEvidence?
  private let lock = NSLock()
  private var cached: [String: InputFile]?

  init(live: LiveEvidence?) {
    self.live = live
  }

  /// The collected bytes of every live reference in `references`, by reference. Without a
  /// collector, nothing is collected and the reader refuses live references.
  func files(for references: [String], system: String) throws(CollectionError)
    -> [String: InputFile]
  {
    lock.lock()
    defer { lock.unlock() }
    if let cached { return cached }
    var files: [String: InputFile] = [:]
    if let live {
      for reference in references where LiveEvidence.isLive(reference) && files[reference] == nil {
        let bytes = try live.collect(reference, system: system)
        files[reference] = InputFile(path: LiveEvidence.displayName(of: reference), bytes: bytes)
      }
    }
    cached = files
    return files
  }
}
