/// How often and how patiently a notification is sent: `attempts` tries in all, each given
/// `timeout`, with waits of `initialDelay`, twice that, four times that, … between them.
/// The worst case is therefore bounded: `attempts × timeout` plus the waits.
public struct RetryPolicy: Sendable, Equatable {
  public var attempts: Int
  public var timeout: Duration
  public var initialDelay: Duration

  public init(
    attempts: Int = 4, timeout: Duration = .seconds(10), initialDelay: Duration = .seconds(1)
  ) {
    self.attempts = max(1, attempts)
    self.timeout = timeout
    self.initialDelay = initialDelay
  }

  /// The wait before try `attempt` (2, 3, …): exponential backoff.
  public func delay(before attempt: Int) -> Duration {
    initialDelay * (1 << min(max(0, attempt - 2), 16))
  }
}
