import Foundation

/// Sends one request once. ``HTTPClient`` adds retries, backoff and logging on top, so a
/// test can replace the network with a table of answers.
public protocol HTTPTransport: Sendable {
  /// Sends `request` and waits for the whole answer.
  ///
  /// - Parameters:
  ///   - timeout: the most the attempt may take, in seconds.
  ///   - connectTimeout: the most to wait for a connection or for the next bytes.
  func send(_ request: HTTPRequest, timeout: Double, connectTimeout: Double)
    -> Result<HTTPResponse, TransportFailure>
}

/// Why one attempt got no response.
public enum TransportFailure: Error, Sendable, Equatable {
  /// Nothing (more) arrived in time.
  case timedOut
  /// No connection was made: the request certainly did not reach the server.
  case cannotConnect(String)
  /// The connection broke off, or the answer was not HTTP.
  case connectionLost(String)
  /// The TLS handshake failed; never retried.
  case tls(String)
  /// The answer was larger than the client accepts.
  case tooLarge(Int)
}
