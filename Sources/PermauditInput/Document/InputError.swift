/// A problem with an input file: what is wrong, where, and what to do about it.
///
/// Every input error maps to exit code 2. The message never quotes a secret; it quotes
/// user values in single quotes so that white space at their ends stays visible.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where the problem is, when the input has a place to point at.
  public var location: SourceLocation?
  /// What is wrong, as one sentence without a trailing period.
  public var message: String
  /// What the user can do about it, when there is something useful to say.
  public var hint: String?

  public init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
    self.location = location
    self.message = message
    self.hint = hint
  }

  /// `file:line:column: message; hint` on one line.
  public var description: String {
    var text = location.map { "\($0): " } ?? ""
    text += message
    if let hint { text += " (\(hint))" }
    return text
  }
}
