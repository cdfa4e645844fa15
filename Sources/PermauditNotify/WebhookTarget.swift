import Foundation

/// A webhook address. The whole address is a secret (incoming webhooks carry their token
/// in the path), so only ``redacted`` may be printed, logged or stored.
public struct WebhookTarget: Sendable {
  public let url: URL
  /// `scheme://host[:port]`: all that may be shown of the address.
  public let redacted: String

  /// Checks that `text` is an `http` or `https` address with a host.
  public init(_ text: String) throws(NotifyError) {
    guard let components = URLComponents(string: text),
      let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
      let host = components.host, !host.isEmpty, let url = components.url
    else {
      // Note: the value is not repeated: it may be a secret that was mistyped.
      throw NotifyError("--notify needs an http:// or https:// address with a host")
    }
    self.url = url
    redacted = scheme + "://" + host + (components.port.map { ":\($0)" } ?? "")
  }
}

/// Why a notification could not be set up or delivered; never holds the address.
public struct NotifyError: Error, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// When a run sends a notification (`--notify-on`).
public enum NotifyOn: String, Sendable, CaseIterable {
  /// When any account changed since its previous run (new accounts included).
  case change
  /// When the run fails (its exit code is not 0).
  case fail
  /// After every run.
  case always

  /// Whether a run with this drift and verdict sends one.
  public func shouldNotify(drift: DriftState, isFailing: Bool) -> Bool {
    switch self {
    case .change: return drift == .changed
    case .fail: return isFailing
    case .always: return true
    }
  }

  /// What the run knows about drift.
  public enum DriftState: Sendable, Equatable {
    case changed, unchanged
  }
}
