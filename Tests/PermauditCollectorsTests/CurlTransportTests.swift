import CCurl
import Foundation
import Testing

@testable import PermauditCollectors

/// The libcurl transport behind `--ca-bundle` fails the way ``URLSessionTransport`` does, so
/// ``HTTPClient`` retries (or gives up) alike.
@Suite struct CurlTransportTests {
  @Test func libcurlFailuresMapToTheSameTransportFailures() {
    #expect(CurlTransport.failure(CURLE_OPERATION_TIMEDOUT, reason: "slow") == .timedOut)
    #expect(CurlTransport.failure(CURLE_COULDNT_CONNECT, reason: "r") == .cannotConnect("r"))
    #expect(
      CurlTransport.failure(CURLE_COULDNT_RESOLVE_HOST, reason: "r") == .cannotConnect("r"))
    #expect(CurlTransport.failure(CURLE_PEER_FAILED_VERIFICATION, reason: "r") == .tls("r"))
    #expect(CurlTransport.failure(CURLE_SSL_CONNECT_ERROR, reason: "r") == .tls("r"))
    #expect(CurlTransport.failure(CURLE_SSL_CACERT_BADFILE, reason: "r") == .tls("r"))
    #expect(CurlTransport.failure(CURLE_RECV_ERROR, reason: "r") == .connectionLost("r"))
    #expect(CurlTransport.failure(CURLE_GOT_NOTHING, reason: "r") == .connectionLost("r"))
  }

  @Test func aRefusedConnectionIsCannotConnect() throws {
    let transport = CurlTransport(caBundlePath: "/nonexistent/bundle.pem")
    let url = try #require(URL(string: "http://127.0.0.1:9/v1/members?secret=s3cr3t"))
    let result = transport.send(HTTPRequest(url: url), timeout: 3, connectTimeout: 3)
    guard case .failure(.cannotConnect(let reason)) = result else {
      Issue.record("expected cannotConnect, got \(result)")
      return
    }
    #expect(!reason.contains("s3cr3t"))
  }
}
