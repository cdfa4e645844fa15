import Foundation
import PermauditCore
import PermauditInput
import PermauditReports

/// `--per-account`: besides the batch's reports, one report per account in the run folder,
/// `accounts/<safe-id>.<ext>` in every format of the run, each a complete one-account
/// report (its summary and drift included).
struct AccountFiles: Sendable {
  let folder: String
  let formats: [ReportFormat]

  /// Creates `accounts/` inside the run folder.
  init(runFolder: String, formats: [ReportFormat]) throws(AtomicFile.WriteError) {
    folder = runFolder + "/accounts"
    self.formats = formats
    guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
      throw AtomicFile.WriteError(path: folder, reason: String(cString: strerror(errno)))
    }
  }

  /// Renders and writes one account's files. Safe to call from several threads: every
  /// account has its own files.
  func write(_ account: AccountResult, in context: AuditReport) throws(AtomicFile.WriteError) {
    var report = context
    report.accounts = [account]
    report.summary = AuditSummary()
    report.summary.count(account.status)
    if let drift = account.drift {
      var summary = DriftSummary(sampleLimit: 1)
      summary.add(drift, accountID: account.id)
      report.drift = summary
    }
    let name = Self.safeName(for: account.id)
    for format in formats {
      let path = folder + "/" + name + "." + (format.fileName as NSString).pathExtension
      do {
        // Note: no fsync per file, which would make a large batch crawl; the run folder is
        // published (`latest`) only after every file is written.
        try Data(format.render(report).utf8).write(
          to: URL(fileURLWithPath: path), options: .atomic)
      } catch {
        throw AtomicFile.WriteError(path: path, reason: "cannot write the account's report")
      }
    }
  }

  /// Removes every file written so far.
  func discard() {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// A file name for any account id: letters, digits, `-` and `_` are kept, every other
  /// byte of its UTF-8 is written `%XX` (so two ids never share a name, and `.`, `/` and
  /// control characters never reach the file system). A name longer than 120 bytes is cut
  /// and ends with the id's SHA-256 prefix instead.
  static func safeName(for id: String) -> String {
    var name = ""
    for byte in id.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
        name.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        name += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    if name.isEmpty { return "%" }
    guard name.utf8.count > 120 else { return name }
    return String(name.prefix(100)) + "~" + String(Digest.sha256(id).prefix(16))
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
