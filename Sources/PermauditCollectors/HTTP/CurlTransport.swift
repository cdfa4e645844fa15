import CCurl
import Foundation

/// The network through libcurl itself, for a CA bundle of one's own (`--ca-bundle`), which
/// Foundation's `URLSession` cannot take on Linux. Certificates and host names are always
/// verified, against the certificates in the bundle only; redirects are not followed, so a
/// credential never travels to another address; cookies are off; proxies come from the
/// environment (`https_proxy`, `HTTPS_PROXY`, `no_proxy`), as with ``URLSessionTransport``.
public final class CurlTransport: HTTPTransport, Sendable {
  /// The PEM file of trusted certificates.
  public let caBundlePath: String
  private let maxResponseBytes: Int

  public init(caBundlePath: String, maxResponseBytes: Int = 256 << 20) {
    self.caBundlePath = caBundlePath
    self.maxResponseBytes = maxResponseBytes
  }

  /// `curl_global_init`, once per process, before the first handle (a lazy static is
  /// initialized exactly once, whatever the thread).
  private static let globalInit: CURLcode = permaudit_curl_global_init()

  public func send(_ request: HTTPRequest, timeout: Double, connectTimeout: Double)
    -> Result<HTTPResponse, TransportFailure>
  {
    guard Self.globalInit == CURLE_OK, let handle = curl_easy_init() else {
      return .failure(.cannotConnect("libcurl could not be initialized"))
    }
    defer { curl_easy_cleanup(handle) }

    var headerList: UnsafeMutablePointer<curl_slist>?
    defer { curl_slist_free_all(headerList) }
    // Note: "Expect:" stops libcurl from waiting for a "100 Continue" before a body.
    for line in request.headers.map({ "\($0.key): \($0.value)" }) + ["Expect:"] {
      headerList = curl_slist_append(headerList, line)
    }

    let box = Exchange(limit: maxResponseBytes)
    var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    let code = withExtendedLifetime(box) { () -> CURLcode in
      errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
        let setup = configure(
          handle, request: request, headers: headerList, timeout: timeout,
          connectTimeout: connectTimeout, box: Unmanaged.passUnretained(box).toOpaque(),
          errorBuffer: buffer.baseAddress)
        guard setup == CURLE_OK else { return setup }
        return curl_easy_perform(handle)
      }
    }

    if box.isTooLarge { return .failure(.tooLarge(box.received)) }
    guard code == CURLE_OK else {
      let detail = String(
        decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
      return .failure(Self.failure(code, reason: Self.redacted(reason, request: request)))
    }
    var status = 0
    _ = permaudit_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    guard status > 0 else { return .failure(.connectionLost("the answer is not HTTP")) }
    return .success(HTTPResponse(status: status, headers: box.headers, body: box.body))
  }

  /// Sets every option of one transfer; the first failure's code, or `CURLE_OK`.
  private func configure(
    _ handle: UnsafeMutableRawPointer, request: HTTPRequest,
    headers: UnsafeMutablePointer<curl_slist>?, timeout: Double, connectTimeout: Double,
    box: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>?
  ) -> CURLcode {
    let milliseconds = { (seconds: Double) in max(1, Int((seconds * 1000).rounded(.up))) }
    var codes: [CURLcode] = [
      permaudit_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
      permaudit_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
      permaudit_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
      permaudit_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
      permaudit_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
      permaudit_curl_setopt_long(handle, CURLOPT_PROXY_SSL_VERIFYPEER, 1),
      permaudit_curl_setopt_long(handle, CURLOPT_PROXY_SSL_VERIFYHOST, 2),
      permaudit_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(timeout)),
      permaudit_curl_setopt_long(
        handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(min(connectTimeout, timeout))),
      // Like URLSession's inactivity timer: give up when nothing arrives for that long.
      permaudit_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1),
      permaudit_curl_setopt_long(
        handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(connectTimeout.rounded(.up)))),
      permaudit_curl_setopt_offset(
        handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxResponseBytes)),
      permaudit_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headers),
      permaudit_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, box),
      permaudit_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, box),
      permaudit_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, curlTransportWrite),
      permaudit_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, curlTransportHeader),
    ]
    // libcurl copies every string option, so these pointers need live only for the call.
    codes.append(
      request.url.absoluteString.withCString { url in
        permaudit_curl_setopt_pointer(handle, CURLOPT_URL, url)
      })
    codes.append(
      "http,https".withCString {
        permaudit_curl_setopt_pointer(handle, CURLOPT_PROTOCOLS_STR, $0)
      })
    codes.append(
      "".withCString {
        permaudit_curl_setopt_pointer(handle, CURLOPT_ACCEPT_ENCODING, $0)
      })
    codes.append(
      caBundlePath.withCString {
        permaudit_curl_setopt_pointer(handle, CURLOPT_CAINFO, $0)
      })
    codes.append(
      caBundlePath.withCString {
        permaudit_curl_setopt_pointer(handle, CURLOPT_PROXY_CAINFO, $0)
      })
    // Only the bundle is trusted, not also the directory libcurl was built with.
    codes.append(permaudit_curl_setopt_pointer(handle, CURLOPT_CAPATH, nil))
    codes.append(permaudit_curl_setopt_pointer(handle, CURLOPT_PROXY_CAPATH, nil))

    switch request.method {
    case "GET": codes.append(permaudit_curl_setopt_long(handle, CURLOPT_HTTPGET, 1))
    case "HEAD": codes.append(permaudit_curl_setopt_long(handle, CURLOPT_NOBODY, 1))
    case "POST": break
    default:
      codes.append(
        request.method.withCString {
          permaudit_curl_setopt_pointer(handle, CURLOPT_CUSTOMREQUEST, $0)
        })
    }
    if request.body != nil || request.method == "POST" {
      let body = request.body ?? []
      codes.append(
        permaudit_curl_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
      // Note: an empty array may have no address; libcurl copies none of the one byte given.
      codes.append(
        (body.isEmpty ? [0] : body).withUnsafeBytes {
          permaudit_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)
        })
    }
    return codes.first { $0 != CURLE_OK } ?? CURLE_OK
  }

  /// A libcurl failure as the same ``TransportFailure`` ``URLSessionTransport`` gives, so
  /// the client retries (or not) alike.
  static func failure(_ code: CURLcode, reason: String) -> TransportFailure {
    switch code {
    case CURLE_OPERATION_TIMEDOUT: return .timedOut
    case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
      return .cannotConnect(reason)
    case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE,
      CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR,
      CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE,
      CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
      CURLE_USE_SSL_FAILED:
      return .tls(reason)
    default: return .connectionLost(reason)
    }
  }

  /// libcurl's words, with the URL's query (which may carry secrets) taken out.
  private static func redacted(_ reason: String, request: HTTPRequest) -> String {
    guard let query = request.url.query, !query.isEmpty else { return reason }
    return reason.replacingOccurrences(of: query, with: "REDACTED")
  }
}

/// What one transfer received, filled in by libcurl's callbacks on the calling thread.
private final class Exchange {
  let limit: Int
  var body: [UInt8] = []
  var headers: [String: String] = [:]
  var received = 0
  var isTooLarge = false

  init(limit: Int) {
    self.limit = limit
  }
}

/// libcurl's write callback: appends body bytes, or stops the transfer past the limit.
private func curlTransportWrite(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ userdata: UnsafeMutableRawPointer?
) -> Int {
  guard let userdata else { return 0 }
  let exchange = Unmanaged<Exchange>.fromOpaque(userdata).takeUnretainedValue()
  let length = size * count
  exchange.received += length
  guard exchange.received <= exchange.limit else {
    exchange.isTooLarge = true
    return 0
  }
  if let data, length > 0 {
    exchange.body.append(
      contentsOf: UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: length))
  }
  return length
}

/// libcurl's header callback: one line at a time; a status line starts the headers afresh,
/// so only the final answer's remain (not a proxy's or a "100 Continue").
private func curlTransportHeader(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ userdata: UnsafeMutableRawPointer?
) -> Int {
  guard let userdata else { return 0 }
  let exchange = Unmanaged<Exchange>.fromOpaque(userdata).takeUnretainedValue()
  let length = size * count
  guard let data, length > 0 else { return length }
  let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: length)
  let line = String(decoding: bytes, as: UTF8.self)
  if line.hasPrefix("HTTP/") {
    exchange.headers = [:]
  } else if let colon = line.firstIndex(of: ":") {
    let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    guard !name.isEmpty else { return length }
    exchange.headers[name] = exchange.headers[name].map { "\($0), \(value)" } ?? value
  }
  return length
}
