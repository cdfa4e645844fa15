import Foundation
import PermauditReports

/// `permaudit verify REPORT…`: recomputes each report's own digest (see ``ReportDigest``).
///
/// Exit 0 when every report is as written, 1 when one was edited, 2 when one cannot be
/// read or carries no digest (CSV reports carry none).
struct VerifyCommand {
  let paths: [String]
  let console: Console

  init(_ parsed: ParsedArguments, console: Console) {
    paths = parsed.positionals
    self.console = console
  }

  func run() -> ExitCode {
    var worst = ExitCode.compliant
    for path in paths {
      let code = verify(path)
      if code.rawValue > worst.rawValue { worst = code }
    }
    return worst
  }

  private func verify(_ path: String) -> ExitCode {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      console.error(
        "'\(path)' is a folder; name the report files in it, for example "
          + "'\(path.hasSuffix("/") ? path : path + "/")report.json'")
      return .invalidInput
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      console.error("report '\(path)' cannot be read; check the path and its permissions")
      return .invalidInput
    }
    switch ReportDigest.verify([UInt8](data)) {
    case .intact(let digest):
      console.write("\(path): ok — \(ReportDigest.token) \(digest)\n")
      return .compliant
    case .tampered(let recorded, let computed):
      console.error(
        "\(path): the report was changed after permaudit wrote it: it records "
          + "\(ReportDigest.token) \(recorded), but its content hashes to \(computed)")
      return .nonCompliant
    case .damaged:
      console.error(
        "\(path): the report's own digest was edited: '\(ReportDigest.token)' is not "
          + "followed by 64 hex digits")
      return .nonCompliant
    case .missing:
      let why =
        path.lowercased().hasSuffix(".csv")
        ? "CSV reports carry none" : "it was not written by permaudit, or its end was cut off"
      console.error(
        "\(path): carries no '\(ReportDigest.token)' digest to check (\(why)); "
          + "verify a json, markdown, html, sarif, junit or text report")
      return .invalidInput
    }
  }
}
