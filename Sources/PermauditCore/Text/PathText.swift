/// File path arithmetic on plain text.
///
/// Note: `NSString.deletingLastPathComponent` traps on some short relative paths on Linux
/// (a one-character name such as `R`), so the folder of a path is worked out here instead.
public enum PathText {
  /// The folder that holds `path`: `a/b` → `a`, `/a` → `/`, `b` → `.`.
  public static func folder(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    let folder = trimmed[..<slash]
    return folder.isEmpty ? "/" : String(folder)
  }
}
