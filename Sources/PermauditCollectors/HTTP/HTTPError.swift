/// Why an HTTP exchange failed. Messages name the method and the path, never the query
/// string, a header or a body, which may carry secrets.
public enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No answer within the time allowed (per attempt, or for the whole exchange).
  case timedOut(method: String, path: String, seconds: Double)
  /// The connection could not be made or broke off.
  case connection(method: String, path: String, reason: String)
  /// The TLS handshake failed, for example because the certificate is not trusted.
  case tls(method: String, path: String, reason: String)
  /// The server answered with a status that is not a success, after any retries.
  case status(method: String, path: String, status: Int, attempts: Int)
  /// The server asked to wait longer than the time left.
  case retryBudgetExceeded(method: String, path: String, waitSeconds: Double)

  public var description: String {
    switch self {
    case .timedOut(let method, let path, let seconds):
      return "\(method) \(path) got no answer within \(Self.seconds(seconds))"
    case .connection(let method, let path, let reason):
      return "\(method) \(path) failed: \(reason)"
    case .tls(let method, let path, let reason):
      return "\(method) \(path) failed TLS verification: \(reason)"
    case .status(let method, let path, let status, let attempts):
      let tries = attempts > 1 ? " after \(attempts) attempts" : ""
      return "\(method) \(path) answered HTTP \(status)\(tries)"
    case .retryBudgetExceeded(let method, let path, let wait):
      return "\(method) \(path) asked to retry after \(Self.seconds(wait)), beyond the time "
        + "left for the exchange"
    }
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : String(format: "%.2f s", value)
  }
}
