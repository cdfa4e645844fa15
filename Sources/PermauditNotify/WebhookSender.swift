import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// How one notification went.
public struct Delivery: Sendable, Equatable {
  public var delivered: Bool
  public var attempts: Int
  /// Why the last try failed, in words that never include the address.
  public var detail: String?
}

/// Posts a JSON message to a webhook, retrying transient failures (network errors,
/// timeouts, HTTP 408, 429 and 5xx) with exponential backoff. Other HTTP errors are not
/// retried: the same message would be refused again.
public struct WebhookSender: Sendable {
  public var policy: RetryPolicy
  /// Waits between tries; tests pass a shorter or recording one.
  public var sleep: @Sendable (Duration) -> Void

  public init(
    policy: RetryPolicy = RetryPolicy(),
    sleep: (@Sendable (Duration) -> Void)? = nil
  ) {
    self.policy = policy
    self.sleep = sleep ?? { Thread.sleep(forTimeInterval: $0.seconds) }
  }

  /// Sends `body` to `target`, blocking until it is delivered or the tries run out.
  public func send(_ body: [UInt8], to target: WebhookTarget) -> Delivery {
    var detail: String?
    for attempt in 1...policy.attempts {
      if attempt > 1 { sleep(policy.delay(before: attempt)) }
      switch post(body, to: target) {
      case .delivered:
        return Delivery(delivered: true, attempts: attempt, detail: nil)
      case .retryable(let reason):
        detail = reason
      case .refused(let reason):
        return Delivery(delivered: false, attempts: attempt, detail: reason)
      }
    }
    return Delivery(delivered: false, attempts: policy.attempts, detail: detail)
  }

  private enum Attempt {
    case delivered
    case retryable(String)
    case refused(String)
  }

  private func post(_ body: [UInt8], to target: WebhookTarget) -> Attempt {
    var request = URLRequest(url: target.url)
    request.httpMethod = "POST"
    request.httpBody = Data(body)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.timeoutInterval = policy.timeout.seconds

    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = policy.timeout.seconds
    configuration.timeoutIntervalForResource = policy.timeout.seconds
    let session = URLSession(configuration: configuration)
    defer { session.invalidateAndCancel() }

    let outcome = Outcome()
    let task = session.dataTask(with: request) { _, response, error in
      outcome.set(Self.classify(response as? HTTPURLResponse, error))
    }
    task.resume()
    // Note: a second deadline, in case the transfer ignores its own timeout.
    let deadline = DispatchTime.now() + policy.timeout.seconds + 2
    guard outcome.wait(until: deadline) else {
      task.cancel()
      return .retryable("no answer within \(Self.words(policy.timeout))")
    }
    return outcome.value ?? .retryable("no answer")
  }

  private static func classify(_ response: HTTPURLResponse?, _ error: (any Error)?) -> Attempt {
    if let error = error as? URLError {
      // Note: never `localizedDescription`, which may quote the address.
      switch error.code {
      case .timedOut: return .retryable("timed out")
      case .cannotConnectToHost: return .retryable("connection refused")
      case .cannotFindHost, .dnsLookupFailed: return .retryable("host not found")
      case .networkConnectionLost: return .retryable("connection lost")
      case .secureConnectionFailed, .serverCertificateUntrusted:
        return .refused("TLS handshake failed")
      default: return .retryable("network error \(error.code.rawValue)")
      }
    }
    if error != nil { return .retryable("network error") }
    guard let response else { return .retryable("no HTTP response") }
    switch response.statusCode {
    case 200..<300: return .delivered
    case 408, 429, 500..<600: return .retryable("HTTP \(response.statusCode)")
    default: return .refused("HTTP \(response.statusCode) (not retried)")
    }
  }

  static func words(_ duration: Duration) -> String {
    let seconds = duration.seconds
    return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
  }

  /// The result of one try, handed from URLSession's thread to the waiting one.
  private final class Outcome: @unchecked Sendable {
    // Note: @unchecked because `stored` is written once before `done` is signalled and
    // read only after it.
    private let done = DispatchSemaphore(value: 0)
    private var stored: Attempt?

    func set(_ attempt: Attempt) {
      stored = attempt
      done.signal()
    }

    func wait(until deadline: DispatchTime) -> Bool {
      done.wait(timeout: deadline) == .success
    }

    var value: Attempt? { stored }
  }
}

extension Duration {
  /// The duration in seconds, as a `TimeInterval`.
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
