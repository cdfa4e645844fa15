/// The version and build facts `permaudit version` prints and reports record.
public enum BuildInfo {
  public static let version = "0.1.0"

  /// The compiler that built this binary.
  public static var compiler: String {
    #if compiler(>=6.3)
      return "Swift 6.3 or later"
    #elseif compiler(>=6.2)
      return "Swift 6.2"
    #elseif compiler(>=6.1)
      return "Swift 6.1"
    #else
      return "Swift 6.0"
    #endif
  }

  /// The platform this binary runs on.
  public static var platform: String {
    #if os(Linux)
      let system = "linux"
    #elseif os(macOS)
      let system = "macos"
    #else
      let system = "unknown"
    #endif
    #if arch(x86_64)
      return system + "-x86_64"
    #elseif arch(arm64)
      return system + "-arm64"
    #else
      return system
    #endif
  }

  /// Debug or release.
  public static var configuration: String {
    #if DEBUG
      return "debug"
    #else
      return "release"
    #endif
  }
}
