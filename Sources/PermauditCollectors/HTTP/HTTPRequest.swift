import Foundation

/// One HTTP request as the client sends it. Header values may hold credentials: they are
/// sent, never logged, never quoted in an error.
public struct HTTPRequest: Sendable {
  public var method: String
  public var url: URL
  public var headers: [String: String]
  public var body: [UInt8]?
  /// Whether sending the request twice is harmless. A request that is not idempotent (an
  /// OAuth refresh that may rotate the token) is retried only when the server certainly did
  /// not act on it: it answered 429 or 503, or no connection was made.
  public var isIdempotent: Bool

  public init(
    method: String = "GET", url: URL, headers: [String: String] = [:], body: [UInt8]? = nil,
    isIdempotent: Bool? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.isIdempotent = isIdempotent ?? (method == "GET" || method == "HEAD")
  }

  /// The URL's path, the only part of it that logs and errors show: the query string and
  /// any user information may carry secrets.
  public var loggedPath: String {
    let path = url.path
    return path.isEmpty ? "/" : path
  }
}

/// A response with its whole body.
public struct HTTPResponse: Sendable {
  public var status: Int
  /// Header fields with lowercased names.
  public var headers: [String: String]
  public var body: [UInt8]
  /// How many attempts it took (set by ``HTTPClient``).
  public var attempts = 1

  public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
    self.status = status
    self.headers = Dictionary(
      headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    self.body = body
  }

  /// Whether the status is 2xx.
  public var isSuccess: Bool { (200..<300).contains(status) }
}
