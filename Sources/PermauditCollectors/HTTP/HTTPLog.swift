/// What the client reports about one attempt, for `--verbose`: method, path (never the
/// query string), status or failure, duration. Never a header, a body or a token.
public struct HTTPLogEntry: Sendable, Equatable, CustomStringConvertible {
  public var method: String
  public var path: String
  /// The status, or `nil` when no response came.
  public var status: Int?
  /// Why no response came (a timeout, a dropped connection).
  public var failure: String?
  public var milliseconds: Int
  /// 1 for the first attempt.
  public var attempt: Int
  /// The wait before the next attempt, when one follows.
  public var retryAfterSeconds: Double?

  public init(
    method: String, path: String, status: Int?, failure: String? = nil, milliseconds: Int,
    attempt: Int, retryAfterSeconds: Double? = nil
  ) {
    self.method = method
    self.path = path
    self.status = status
    self.failure = failure
    self.milliseconds = milliseconds
    self.attempt = attempt
    self.retryAfterSeconds = retryAfterSeconds
  }

  /// `http: GET /v1/members 200 12 ms`, with the attempt and the retry wait when relevant.
  public var description: String {
    var text = "http: \(method) \(path) \(status.map(String.init) ?? failure ?? "no answer")"
    text += " \(milliseconds) ms"
    if attempt > 1 { text += " (attempt \(attempt))" }
    if let wait = retryAfterSeconds { text += "; retrying in \(HTTPError.seconds(wait))" }
    return text
  }
}

/// Receives one entry per attempt. The client calls it from the calling thread.
public typealias HTTPLogSink = @Sendable (HTTPLogEntry) -> Void
