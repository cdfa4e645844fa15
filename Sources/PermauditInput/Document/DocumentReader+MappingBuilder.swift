/// Collects the entries of one mapping while it is read, and finds repeated keys.
///
/// Both readers use it so that JSON and YAML refuse duplicate keys in the same words.
/// Small mappings are searched linearly; a key index is built once a mapping grows, so
/// that a mapping with many keys stays linear to read.
struct DocumentMappingBuilder {
  private(set) var entries: [MappingEntry] = []
  private var indexByKey: [String: Int]?

  private static let indexThreshold = 12

  /// Where the key was first written in this mapping, if it was.
  ///
  /// Note: keys are compared as Swift strings, that is by canonical equivalence, so a
  /// key spelled once in NFC and once in NFD counts as a duplicate: both look the same.
  func firstLocation(of key: String) -> SourceLocation? {
    if let indexByKey {
      return indexByKey[key].map { entries[$0].keyLocation }
    }
    return entries.first { $0.key == key }?.keyLocation
  }

  /// Adds an entry whose key the caller has checked with ``firstLocation(of:)``.
  mutating func append(_ entry: MappingEntry) {
    entries.append(entry)

    if indexByKey != nil {
      indexByKey?[entry.key] = entries.count - 1
    } else if entries.count >= Self.indexThreshold {
      var index: [String: Int] = [:]
      index.reserveCapacity(entries.count * 2)
      for (position, existing) in entries.enumerated() {
        index[existing.key] = position
      }
      indexByKey = index
    }
  }
}
