import Foundation
import PermauditCore

/// The delivery log of webhook notifications: one row per notification, written after the
/// run it reports is recorded. Operational metadata, outside the hash chain.
public enum NotificationLog {
  /// How one notification went.
  public struct Delivery: Sendable, Equatable {
    /// The run it reported.
    public var run: Int
    public var attemptedAt: Date
    /// Where it went, redacted to scheme and host: the full address is a secret.
    public var target: String
    /// `delivered` or `failed`.
    public var outcome: String
    public var attempts: Int
    /// Why it failed, if it did.
    public var detail: String?

    public init(
      run: Int, attemptedAt: Date, target: String, outcome: String, attempts: Int,
      detail: String?
    ) {
      self.run = run
      self.attemptedAt = attemptedAt
      self.target = target
      self.outcome = outcome
      self.attempts = attempts
      self.detail = detail
    }
  }

  /// Appends one delivery to the history at `path`.
  public static func record(_ delivery: Delivery, path: String) throws(HistoryError) {
    let database = try HistoryFile.open(path, create: false, busyTimeout: 60_000)
    try database.prepare("INSERT INTO notifications VALUES (?1, ?2, ?3, ?4, ?5, ?6)").run([
      .integer(delivery.run), .text(Timestamp.format(delivery.attemptedAt)),
      .text(delivery.target), .text(delivery.outcome), .integer(delivery.attempts),
      .optional(delivery.detail),
    ])
  }

  /// Every delivery recorded, oldest first.
  public static func deliveries(path: String) throws(HistoryError) -> [Delivery] {
    let database = try HistoryFile.open(path, create: false, busyTimeout: 60_000)
    let rows = try database.prepare(
      "SELECT run_id, attempted_at, target, outcome, attempts, detail FROM notifications "
        + "ORDER BY rowid")
    var deliveries: [Delivery] = []
    while try rows.step() {
      deliveries.append(
        Delivery(
          run: rows.integer(0),
          attemptedAt: rows.text(1).flatMap(Timestamp.parse) ?? Date(timeIntervalSince1970: 0),
          target: rows.text(2) ?? "", outcome: rows.text(3) ?? "", attempts: rows.integer(4),
          detail: rows.text(5)))
    }
    return deliveries
  }
}
