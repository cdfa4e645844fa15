import Foundation
import PermauditCore
import PermauditReports

extension StreamedFile {
  /// Writes the report's own digest over its placeholder (see ``ReportDigest``): the digest
  /// of the file as written, which holds the placeholder `offsetFromEnd` bytes before its
  /// end. The digest was taken as the bytes were written, so nothing is read back.
  func seal(placeholderOffsetFromEnd offsetFromEnd: Int) throws(AtomicFile.WriteError) {
    let digest = Array(try finishDigest().utf8)
    guard offsetFromEnd <= writtenSize else {
      throw AtomicFile.WriteError(path: target, reason: "cannot write its digest")
    }
    try overwrite(digest, at: writtenSize - offsetFromEnd)
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
