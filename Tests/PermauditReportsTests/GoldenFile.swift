import Foundation
import Testing

/// Compares rendered text with a file under `Golden/`, or re-records that file when
/// `PERMAUDIT_RECORD_GOLDEN=1` is set.
enum GoldenFile {
  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["PERMAUDIT_RECORD_GOLDEN"] == "1"
  }

  /// The golden folder in the source tree, where recording writes.
  static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// Records an issue with a line diff when `actual` differs from the golden file `name`.
  static func check(
    _ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if isRecording {
      let url = sourceFolder.appendingPathComponent(name)
      do {
        try FileManager.default.createDirectory(
          at: sourceFolder, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url, options: .atomic)
        Issue.record(
          "Recorded \(name); run again without PERMAUDIT_RECORD_GOLDEN to compare.",
          sourceLocation: sourceLocation)
      } catch {
        Issue.record("Cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }

    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: nil,
        subdirectory: "Golden"),
      let data = FileManager.default.contents(atPath: url.path)
    else {
      Issue.record(
        "No golden file \(name); record it with PERMAUDIT_RECORD_GOLDEN=1.",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let message =
      "Output differs from Golden/\(name) (- golden, + actual):\n"
      + lineDiff(expected: expected, actual: actual)
      + "\nRe-record with PERMAUDIT_RECORD_GOLDEN=1 if the change is intended."
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }

  /// The lines only in `expected` (`-`) and only in `actual` (`+`), with line numbers.
  static func lineDiff(expected: String, actual: String, limit: Int = 60) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let difference = new.difference(from: old)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }

    var lines: [String] = []
    var oldIndex = 0
    var newIndex = 0
    while oldIndex < old.count || newIndex < new.count {
      if oldIndex < old.count, removed.contains(oldIndex) {
        lines.append("-\(oldIndex + 1): " + shown(old[oldIndex]))
        oldIndex += 1
      } else if newIndex < new.count, inserted.contains(newIndex) {
        lines.append("+\(newIndex + 1): " + shown(new[newIndex]))
        newIndex += 1
      } else {
        oldIndex += 1
        newIndex += 1
      }
    }
    if lines.count > limit {
      let more = "… \(lines.count - limit) more changed lines"
      return (Array(lines.prefix(limit)) + [more]).joined(separator: "\n")
    }
    return lines.joined(separator: "\n")
  }

  /// A line with escape characters and trailing spaces made visible.
  private static func shown(_ line: String) -> String {
    let escaped = line.replacingOccurrences(of: "\u{1B}", with: "\\e")
    return escaped.hasSuffix(" ") ? escaped + "⏎" : escaped
  }
}
