import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The network through Foundation's `URLSession` (libcurl on Linux). TLS certificates are
/// always verified against the system's trust store; redirects are not followed, so a
/// credential never travels to another address; cookies and caches are off; proxies come
/// from the environment (`https_proxy`, `HTTPS_PROXY`, `no_proxy`, read by libcurl).
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
  // Note: @unchecked because the session is immutable after init and thread-safe.
  private let session: URLSession
  private let maxResponseBytes: Int

  public init(maxResponseBytes: Int = 256 << 20) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    configuration.urlCache = nil
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    session = URLSession(
      configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    self.maxResponseBytes = maxResponseBytes
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  public func send(_ request: HTTPRequest, timeout: Double, connectTimeout: Double)
    -> Result<HTTPResponse, TransportFailure>
  {
    var urlRequest = URLRequest(url: request.url)
    urlRequest.httpMethod = request.method
    // Note: libcurl's inactivity timer counts whole seconds (0.5 would become 0, "at once"),
    // so it is rounded up here; the exact limit is enforced by the wait below.
    urlRequest.timeoutInterval = max(1, min(connectTimeout, timeout).rounded(.up))
    for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
    if let body = request.body { urlRequest.httpBody = Data(body) }

    let outcome = Outcome()
    let task = session.dataTask(with: urlRequest) { data, response, error in
      outcome.finish(data: data, response: response, error: error)
    }
    task.resume()
    // Note: the inactivity timer above does not bound a server that trickles bytes, so the
    // attempt's total time is enforced here.
    if !outcome.wait(seconds: timeout) {
      task.cancel()
      _ = outcome.wait(seconds: 5)
      return .failure(.timedOut)
    }
    return outcome.result(for: request, limit: maxResponseBytes)
  }
}

/// The completion of one data task, handed from URLSession's queue to the waiting thread.
private final class Outcome: @unchecked Sendable {
  // Note: @unchecked because the fields are written once before `done` is signalled.
  private let done = DispatchSemaphore(value: 0)
  private var data: Data?
  private var response: URLResponse?
  private var error: Error?

  func finish(data: Data?, response: URLResponse?, error: Error?) {
    self.data = data
    self.response = response
    self.error = error
    done.signal()
  }

  func wait(seconds: Double) -> Bool {
    done.wait(timeout: .now() + .milliseconds(Int(seconds * 1000))) == .success
  }

  func result(for request: HTTPRequest, limit: Int) -> Result<HTTPResponse, TransportFailure> {
    if let error { return .failure(Self.failure(error, request: request)) }
    guard let http = response as? HTTPURLResponse else {
      return .failure(.connectionLost("the answer is not HTTP"))
    }
    let body = data ?? Data()
    guard body.count <= limit else { return .failure(.tooLarge(body.count)) }
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      if let name = name as? String, let value = value as? String { headers[name] = value }
    }
    return .success(HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](body)))
  }

  /// A failure in words that name neither the URL's query nor any header.
  static func failure(_ error: Error, request: HTTPRequest) -> TransportFailure {
    let nsError = error as NSError
    var reason = nsError.localizedDescription
    if let query = request.url.query, !query.isEmpty {
      reason = reason.replacingOccurrences(of: query, with: "REDACTED")
    }
    if reason.contains("SSL") || reason.contains("certificate") || reason.contains("TLS")
      || (-1206 ... -1200).contains(nsError.code)
    {
      return .tls(reason)
    }
    switch nsError.code {
    case NSURLErrorTimedOut, NSURLErrorCancelled: return .timedOut
    case NSURLErrorCannotConnectToHost, NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed,
      NSURLErrorNotConnectedToInternet:
      return .cannotConnect(reason)
    default: return .connectionLost(reason)
    }
  }
}

/// Refuses every redirect: the 3xx answer is returned as it is.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}
