/// Why the audit history could not be opened, read, written or trusted: one line naming
/// the history file.
public struct HistoryError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, _ reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): history: \(reason)" }
}
