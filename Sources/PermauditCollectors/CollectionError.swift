/// Why live evidence could not be collected. A configuration problem, found before any
/// network use, is an input error (exit 2); every other case maps to exit code 3, so a
/// scheduler can tell "misconfigured" from "the service is down". The message says what
/// failed and what to check, and never holds a credential.
public enum CollectionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Credentials or settings are missing or unusable.
  case configuration(String)
  /// The server refused the credentials.
  case authentication(String)
  /// The exchange failed on the network or with an error status.
  case network(source: String, HTTPError)
  /// The server answered something the collector cannot read.
  case malformedResponse(source: String, String)
  /// The account looked for does not exist.
  case notFound(String)

  /// Whether the problem is in permaudit's own settings (credentials, URLs) rather than in
  /// talking to the service.
  public var isConfiguration: Bool {
    if case .configuration = self { return true }
    return false
  }

  public var description: String {
    switch self {
    case .configuration(let message):
      return "evidence could not be collected: \(message)"
    case .authentication(let message):
      return "authentication failed: \(message)"
    case .network(let source, let error):
      return "evidence could not be collected from \(source): \(error) "
        + "(check the network, any proxy settings, and the service's status)"
    case .malformedResponse(let source, let message):
      return "evidence could not be collected from \(source): \(message)"
    case .notFound(let message):
      return "evidence could not be collected: \(message)"
    }
  }
}
