import Foundation
import Testing

@testable import PermauditCollectors

@Suite struct HTTPClientTests {
  @Test func retriesServerErrorsThenReturnsTheSuccess() throws {
    let transport = ScriptedTransport([
      .success(.json(500, "{}")), .success(.json(502, "{}")), .success(.json(200, "{}")),
    ])
    let recorder = Recorder()
    let response = try makeClient(transport, recorder: recorder).send(HTTPRequest(url: sampleURL))
    #expect(response.status == 200)
    #expect(response.attempts == 3)
    // Exponential: 0.5 s then 1 s, each times 0.75 with the fixed jitter.
    #expect(recorder.waits == [0.375, 0.75])
  }

  @Test func honoursRetryAfterSecondsAndDates() throws {
    let transport = ScriptedTransport([
      .success(.json(429, "{}", headers: ["Retry-After": "7"])), .success(.json(200, "{}")),
    ])
    let recorder = Recorder()
    _ = try makeClient(transport, recorder: recorder).send(HTTPRequest(url: sampleURL))
    #expect(recorder.waits == [7])

    let now = Date(timeIntervalSince1970: 1_000_000)
    let date = "Mon, 12 Jan 1970 13:46:50 GMT"  // 1_000_010 seconds after the epoch
    #expect(HTTPRetryPolicy.retryAfterSeconds(date, now: now) == 10)
    #expect(HTTPRetryPolicy.retryAfterSeconds("soon") == nil)
    #expect(HTTPRetryPolicy.retryAfterSeconds("-3") == nil)
  }

  @Test func stopsAfterTheLastAttemptAndReturnsTheLastAnswer() throws {
    let transport = ScriptedTransport(Array(repeating: .success(.json(503, "{}")), count: 9))
    let recorder = Recorder()
    let response = try makeClient(transport, recorder: recorder, attempts: 3)
      .send(HTTPRequest(url: sampleURL))
    #expect(response.status == 503)
    #expect(transport.requests.count == 3)
    #expect(recorder.waits.count == 2)
  }

  @Test func aRetryAfterBeyondTheBudgetFailsAtOnce() {
    let transport = ScriptedTransport([
      .success(.json(429, "{}", headers: ["Retry-After": "3600"]))
    ])
    let recorder = Recorder()
    #expect(throws: HTTPError.self) {
      try makeClient(transport, recorder: recorder, overall: 5).send(HTTPRequest(url: sampleURL))
    }
    #expect(recorder.waits.isEmpty)
  }

  @Test func neverRetriesClientErrors() throws {
    let transport = ScriptedTransport([.success(.json(404, "{}")), .success(.json(200, "{}"))])
    let response = try makeClient(transport, recorder: Recorder()).send(HTTPRequest(url: sampleURL))
    #expect(response.status == 404)
    #expect(transport.requests.count == 1)
  }

  @Test func retriesDroppedConnectionsOfIdempotentRequestsOnly() throws {
    let dropped = ScriptedTransport([
      .failure(.connectionLost("Empty reply from server")), .success(.json(200, "{}")),
    ])
    #expect(
      try makeClient(dropped, recorder: Recorder()).send(HTTPRequest(url: sampleURL)).status == 200)

    // A token refresh that may have reached the server is not sent twice.
    let post = ScriptedTransport([
      .failure(.connectionLost("Empty reply from server")), .success(.json(200, "{}")),
    ])
    let request = HTTPRequest(method: "POST", url: sampleURL, isIdempotent: false)
    #expect(throws: HTTPError.self) { try makeClient(post, recorder: Recorder()).send(request) }
    #expect(post.requests.count == 1)

    // …but it is retried when no connection was made at all, and on 503.
    let refused = ScriptedTransport([
      .failure(.cannotConnect("Connection refused")), .success(.json(503, "{}")),
      .success(.json(200, "{}")),
    ])
    #expect(try makeClient(refused, recorder: Recorder()).send(request).status == 200)
    #expect(refused.requests.count == 3)
  }

  @Test func neverRetriesTLSFailures() {
    let transport = ScriptedTransport([
      .failure(.tls("SSL certificate problem: self-signed certificate")),
      .success(.json(200, "{}")),
    ])
    #expect(
      throws: HTTPError.tls(
        method: "GET", path: "/v1/members",
        reason: "SSL certificate problem: self-signed certificate")
    ) {
      try makeClient(transport, recorder: Recorder()).send(HTTPRequest(url: sampleURL))
    }
    #expect(transport.requests.count == 1)
  }

  @Test func logsMethodPathStatusAndDurationButNeverTheQuery() throws {
    let transport = ScriptedTransport([.success(.json(500, "{}")), .success(.json(200, "{}"))])
    let recorder = Recorder()
    var request = HTTPRequest(url: sampleURL)
    request.headers["Authorization"] = "Bearer very-secret"
    _ = try makeClient(transport, recorder: recorder).send(request)

    let lines = recorder.entries.map(\.description)
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("http: GET /v1/members 500 "))
    #expect(lines[0].hasSuffix("; retrying in 0.38 s"))
    #expect(lines[1].hasPrefix("http: GET /v1/members 200 "))
    #expect(lines[1].hasSuffix(" ms (attempt 2)"))
    for line in lines {
      #expect(!line.contains("secret"))
      #expect(!line.contains("limit"))
    }
  }

  @Test func backoffIsBoundedAndJittered() {
    let low = HTTPRetryPolicy(
      configuration: HTTPConfiguration(backoffBase: 1, backoffLimit: 4), random: { 0 })
    let high = HTTPRetryPolicy(
      configuration: HTTPConfiguration(backoffBase: 1, backoffLimit: 4), random: { 0.999 })
    #expect(low.delay(afterAttempt: 1, retryAfter: nil) == 0.5)
    #expect(low.delay(afterAttempt: 10, retryAfter: nil) == 2)
    #expect(high.delay(afterAttempt: 10, retryAfter: nil) < 4.0001)
    #expect(high.delay(afterAttempt: 10, retryAfter: nil) > 3.99)
  }
}
