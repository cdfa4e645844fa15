import Foundation

@testable import PermauditCollectors

/// A network that answers from a script, one step per attempt, and records what was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
  // Note: @unchecked because every access goes through `lock`.
  private let lock = NSLock()
  private var steps: [Result<HTTPResponse, TransportFailure>]
  private var sent: [HTTPRequest] = []

  init(_ steps: [Result<HTTPResponse, TransportFailure>]) {
    self.steps = steps
  }

  func send(_ request: HTTPRequest, timeout: Double, connectTimeout: Double)
    -> Result<HTTPResponse, TransportFailure>
  {
    lock.withLock {
      sent.append(request)
      return steps.isEmpty ? .failure(.cannotConnect("script ended")) : steps.removeFirst()
    }
  }

  var requests: [HTTPRequest] { lock.withLock { sent } }
}

/// Records waits instead of sleeping, and log entries.
final class Recorder: @unchecked Sendable {
  private let lock = NSLock()
  private var waitList: [Double] = []
  private var entryList: [HTTPLogEntry] = []

  func wait(_ seconds: Double) { lock.withLock { waitList.append(seconds) } }
  func log(_ entry: HTTPLogEntry) { lock.withLock { entryList.append(entry) } }
  var waits: [Double] { lock.withLock { waitList } }
  var entries: [HTTPLogEntry] { lock.withLock { entryList } }
}

extension HTTPResponse {
  static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> Self {
    HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
  }
}

/// A client over `transport` that never sleeps, with fixed jitter.
func makeClient(
  _ transport: ScriptedTransport, recorder: Recorder, attempts: Int = 4,
  overall: Double = 60
) -> HTTPClient {
  HTTPClient(
    configuration: HTTPConfiguration(
      requestTimeout: 5, overallTimeout: overall, maxAttempts: attempts, backoffBase: 0.5,
      backoffLimit: 8),
    transport: transport, log: { recorder.log($0) }, sleep: { recorder.wait($0) },
    random: { 0.5 })
}

let sampleURL = URL(string: "https://api.example/v1/members?limit=100&cursor=secret-cursor")!
