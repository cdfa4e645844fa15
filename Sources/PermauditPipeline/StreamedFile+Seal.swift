import Foundation
import PermauditCore
import PermauditReports

extension StreamedFile {
  /// Writes the report's own digest over its placeholder (see ``ReportDigest``): hashes the
  /// file as written so far, which holds the placeholder `offsetFromEnd` bytes before its
  /// end, then writes the digest there. The file is read back in pieces, never whole.
  func seal(placeholderOffsetFromEnd offsetFromEnd: Int) throws(AtomicFile.WriteError) {
    try flush()
    guard let reader = FileHandle(forReadingAtPath: temporary) else {
      throw AtomicFile.WriteError(path: target, reason: "cannot reopen its parts to seal them")
    }
    defer { try? reader.close() }
    let hasher = SHA256()
    var size = 0
    while let chunk = try? reader.read(upToCount: 1 << 20), !chunk.isEmpty {
      hasher.update(chunk)
      size += chunk.count
    }
    let digest = Array(hasher.finish().utf8)
    guard offsetFromEnd <= size, let writer = FileHandle(forUpdatingAtPath: temporary) else {
      throw AtomicFile.WriteError(path: target, reason: "cannot write its digest")
    }
    defer { try? writer.close() }
    do {
      try writer.seek(toOffset: UInt64(size - offsetFromEnd))
      try writer.write(contentsOf: Data(digest))
    } catch {
      throw AtomicFile.WriteError(path: target, reason: error.localizedDescription)
    }
  }
}

extension StreamedFile {
  /// Seals a complete report of `format`, whose last part is `format`'s epilogue for
  /// `context`; nothing for a format that carries no digest.
  func seal(as format: ReportFormat, _ context: AuditReport) throws(AtomicFile.WriteError) {
    let epilogue = format.epilogue(context)
    guard format.carriesDigest, let range = ReportDigest.location(in: epilogue) else { return }
    try seal(placeholderOffsetFromEnd: epilogue.count - range.lowerBound)
  }
}
