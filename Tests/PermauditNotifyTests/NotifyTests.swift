import Foundation
import Testing

@testable import PermauditNotify

/// The parts of notifications that need no network: redaction, backoff, triggers.
@Suite struct NotifyTests {
  @Test func onlySchemeHostAndPortOfTheAddressMayBeShown() throws {
    let target = try WebhookTarget(
      "https://user:pass@hooks.example.com:8443/services/T000/B000/SECRET?token=x#y")
    #expect(target.redacted == "https://hooks.example.com:8443")
    #expect(try WebhookTarget("http://127.0.0.1/hook").redacted == "http://127.0.0.1")
  }

  @Test func anAddressThatIsNotHTTPIsRefusedWithoutRepeatingIt() {
    for text in ["ftp://host/SECRET", "SECRET", "https:///SECRET", "file:///SECRET"] {
      #expect(throws: NotifyError.self) { try WebhookTarget(text) }
      do {
        _ = try WebhookTarget(text)
      } catch {
        #expect(!error.message.contains("SECRET"))
      }
    }
  }

  @Test func backoffDoublesFromTheInitialDelay() {
    let policy = RetryPolicy(attempts: 5, initialDelay: .milliseconds(100))
    #expect((2...5).map(policy.delay(before:)) == [100, 200, 400, 800].map(Duration.milliseconds))
    #expect(RetryPolicy(attempts: 0).attempts == 1)
  }

  @Test func triggersFollowNotifyOn() {
    #expect(NotifyOn.change.shouldNotify(drift: .changed, isFailing: false))
    #expect(!NotifyOn.change.shouldNotify(drift: .unchanged, isFailing: true))
    #expect(NotifyOn.fail.shouldNotify(drift: .unchanged, isFailing: true))
    #expect(!NotifyOn.fail.shouldNotify(drift: .changed, isFailing: false))
    #expect(NotifyOn.always.shouldNotify(drift: .unchanged, isFailing: false))
  }

  @Test func aRefusedConnectionIsRetriedThenReportedWithoutTheAddress() {
    // Note: port 1 on the loopback refuses at once, so this takes only the waits.
    let waits = WaitLog()
    let sender = WebhookSender(
      policy: RetryPolicy(attempts: 3, timeout: .seconds(2), initialDelay: .milliseconds(10)),
      sleep: { waits.append($0) })
    let delivery = sender.send(
      Array("{}".utf8), to: try! WebhookTarget("http://127.0.0.1:1/SECRET"))
    #expect(!delivery.delivered)
    #expect(delivery.attempts == 3)
    #expect(waits.values == [.milliseconds(10), .milliseconds(20)])
    #expect(!(delivery.detail ?? "").contains("SECRET"))
  }
}

/// Waits a sender asked for, recorded instead of slept.
final class WaitLog: @unchecked Sendable {
  // Note: @unchecked because every access goes through `lock`.
  private let lock = NSLock()
  private var stored: [Duration] = []

  func append(_ value: Duration) { lock.withLock { stored.append(value) } }
  var values: [Duration] { lock.withLock { stored } }
}
