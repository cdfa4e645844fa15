import Foundation

/// A small HTTP client for collectors: bounded attempts with exponential backoff and
/// jitter on 429, 5xx and dropped connections, `Retry-After` honoured, a time budget for
/// each attempt and for the whole exchange, and one log entry per attempt.
///
/// It blocks the calling thread (a command-line run has nothing else to do meanwhile);
/// call it from a plain thread, not from Swift concurrency's cooperative pool.
public struct HTTPClient: Sendable {
  public let configuration: HTTPConfiguration
  private let transport: any HTTPTransport
  private let retry: HTTPRetryPolicy
  private let log: HTTPLogSink
  private let sleep: @Sendable (Double) -> Void

  /// - Parameters:
  ///   - transport: the network; by default `URLSession`.
  ///   - log: receives one entry per attempt (for `--verbose`).
  ///   - sleep: waits between attempts; tests record instead of waiting.
  ///   - random: jitter source in `0..<1`.
  public init(
    configuration: HTTPConfiguration = HTTPConfiguration(),
    transport: (any HTTPTransport)? = nil, log: @escaping HTTPLogSink = { _ in },
    sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
    random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) {
    self.configuration = configuration
    self.transport =
      transport ?? URLSessionTransport(maxResponseBytes: configuration.maxResponseBytes)
    self.retry = HTTPRetryPolicy(configuration: configuration, random: random)
    self.log = log
    self.sleep = sleep
  }

  /// Sends `request`, retrying what is worth retrying, and returns the last answer
  /// whatever its status (``HTTPResponse/attempts`` says how many it took).
  ///
  /// - Throws: ``HTTPError`` when no answer came: a timeout, a connection or TLS failure,
  ///   or a wait the time budget cannot afford.
  public func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
    let clock = ContinuousClock()
    let start = clock.now
    func elapsed() -> Double { Self.seconds(clock.now - start) }
    let method = request.method
    let path = request.loggedPath

    var attempt = 1
    while true {
      let remaining = configuration.overallTimeout - elapsed()
      guard remaining > 0 else {
        throw .timedOut(method: method, path: path, seconds: configuration.overallTimeout)
      }
      let timeout = min(configuration.requestTimeout, remaining)
      let attemptStart = clock.now
      let result = transport.send(
        request, timeout: timeout, connectTimeout: min(configuration.connectTimeout, timeout))
      let milliseconds = Int(Self.seconds(clock.now - attemptStart) * 1000)
      let canRetry = attempt < configuration.maxAttempts

      switch result {
      case .success(var response):
        response.attempts = attempt
        guard canRetry,
          HTTPRetryPolicy.isRetryable(status: response.status, idempotent: request.isIdempotent)
        else {
          log(entry(request, response.status, nil, milliseconds, attempt))
          return response
        }
        let retryAfter = HTTPRetryPolicy.retryAfterSeconds(response.headers["retry-after"])
        let wait = retry.delay(afterAttempt: attempt, retryAfter: retryAfter)
        guard wait < configuration.overallTimeout - elapsed() else {
          log(entry(request, response.status, nil, milliseconds, attempt))
          if retryAfter != nil {
            throw .retryBudgetExceeded(method: method, path: path, waitSeconds: wait)
          }
          return response
        }
        log(entry(request, response.status, nil, milliseconds, attempt, wait: wait))
        sleep(wait)

      case .failure(let failure):
        let error = Self.error(failure, method: method, path: path, timeout: timeout)
        guard canRetry, Self.isRetryable(failure, idempotent: request.isIdempotent) else {
          log(entry(request, nil, Self.label(failure), milliseconds, attempt))
          throw error
        }
        let wait = retry.delay(afterAttempt: attempt, retryAfter: nil)
        guard wait < configuration.overallTimeout - elapsed() else {
          log(entry(request, nil, Self.label(failure), milliseconds, attempt))
          throw error
        }
        log(entry(request, nil, Self.label(failure), milliseconds, attempt, wait: wait))
        sleep(wait)
      }
      attempt += 1
    }
  }

  private func entry(
    _ request: HTTPRequest, _ status: Int?, _ failure: String?, _ milliseconds: Int,
    _ attempt: Int, wait: Double? = nil
  ) -> HTTPLogEntry {
    HTTPLogEntry(
      method: request.method, path: request.loggedPath, status: status, failure: failure,
      milliseconds: milliseconds, attempt: attempt, retryAfterSeconds: wait)
  }

  /// Timeouts and broken connections are retried for idempotent requests; a request that
  /// is not idempotent only when no connection was made. TLS failures never.
  static func isRetryable(_ failure: TransportFailure, idempotent: Bool) -> Bool {
    switch failure {
    case .cannotConnect: return true
    case .timedOut, .connectionLost: return idempotent
    case .tls, .tooLarge: return false
    }
  }

  static func error(_ failure: TransportFailure, method: String, path: String, timeout: Double)
    -> HTTPError
  {
    switch failure {
    case .timedOut: return .timedOut(method: method, path: path, seconds: timeout)
    case .cannotConnect(let reason), .connectionLost(let reason):
      return .connection(method: method, path: path, reason: reason)
    case .tls(let reason): return .tls(method: method, path: path, reason: reason)
    case .tooLarge(let bytes):
      return .connection(
        method: method, path: path, reason: "the answer is too large (\(bytes) bytes)")
    }
  }

  static func label(_ failure: TransportFailure) -> String {
    switch failure {
    case .timedOut: return "timeout"
    case .cannotConnect: return "no-connection"
    case .connectionLost: return "connection-lost"
    case .tls: return "tls-failure"
    case .tooLarge: return "too-large"
    }
  }

  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
