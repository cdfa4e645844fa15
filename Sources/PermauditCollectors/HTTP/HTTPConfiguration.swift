import Foundation

/// Timeouts and retries of an ``HTTPClient``. The defaults suit an unattended audit job;
/// tests use tiny values so that faults are exercised in milliseconds.
public struct HTTPConfiguration: Sendable {
  /// How long the client waits for a connection or for the next bytes of an answer
  /// (libcurl's inactivity timer, which also bounds connecting).
  public var connectTimeout: Double
  /// The most one attempt may take, from sending to the last byte.
  public var requestTimeout: Double
  /// The most the whole exchange may take, retries and waits included.
  public var overallTimeout: Double
  /// Attempts in all, the first included; at least 1.
  public var maxAttempts: Int
  /// The wait before the second attempt; it doubles for each further one.
  public var backoffBase: Double
  /// The longest wait between attempts that the client chooses itself (a server's
  /// `Retry-After` may ask for more, within ``overallTimeout``).
  public var backoffLimit: Double
  /// Answers larger than this are refused rather than held in memory.
  public var maxResponseBytes: Int

  public init(
    connectTimeout: Double = 10, requestTimeout: Double = 30, overallTimeout: Double = 120,
    maxAttempts: Int = 4, backoffBase: Double = 0.5, backoffLimit: Double = 8,
    maxResponseBytes: Int = 256 << 20
  ) {
    self.connectTimeout = connectTimeout
    self.requestTimeout = requestTimeout
    self.overallTimeout = overallTimeout
    self.maxAttempts = max(1, maxAttempts)
    self.backoffBase = backoffBase
    self.backoffLimit = backoffLimit
    self.maxResponseBytes = maxResponseBytes
  }
}

/// When to try again and how long to wait first.
public struct HTTPRetryPolicy: Sendable {
  public var configuration: HTTPConfiguration
  /// A number in `0..<1` for jitter; tests fix it.
  public var random: @Sendable () -> Double

  public init(
    configuration: HTTPConfiguration,
    random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) {
    self.configuration = configuration
    self.random = random
  }

  /// Whether a status is worth another attempt: 429 and 5xx (except 501, which will not
  /// change). A request that is not idempotent only on 429 and 503, which say the server
  /// did not act on it.
  public static func isRetryable(status: Int, idempotent: Bool) -> Bool {
    guard idempotent else { return status == 429 || status == 503 }
    return status == 429 || ((500..<600).contains(status) && status != 501)
  }

  /// The wait before attempt `attempt + 1`: the server's `Retry-After` when it gave one,
  /// otherwise exponential backoff with jitter (between half and all of the step).
  public func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
    if let retryAfter { return max(0, retryAfter) }
    let step = min(
      configuration.backoffLimit,
      configuration.backoffBase * pow(2, Double(max(0, attempt - 1))))
    return step * (0.5 + 0.5 * random())
  }

  /// Seconds from a `Retry-After` value: delta-seconds or an HTTP date; `nil` otherwise.
  public static func retryAfterSeconds(_ value: String?, now: Date = Date()) -> Double? {
    guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
      return nil
    }
    if let seconds = Int(text) { return seconds >= 0 ? Double(seconds) : nil }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    guard let date = formatter.date(from: text) else { return nil }
    return max(0, date.timeIntervalSince(now))
  }
}
