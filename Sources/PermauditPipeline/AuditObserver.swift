import PermauditCore

/// Sees every account a run judges, besides the reports: the audit history records each
/// one and adds its drift since the previous run.
///
/// The pipeline calls an observer as accounts stream past, so an observer that keeps its
/// own memory bounded keeps the run bounded. A run with two passes over the input (an
/// account's documents were apart) calls ``discard()`` between them.
public protocol AuditObserver: AnyObject, Sendable {
  /// Called on the evaluation threads, in any order, once per account before its report
  /// fragments render; the reports show what it returns. It must be thread-safe and must
  /// not throw: an observer keeps its first failure and throws it from ``record(_:)``.
  func annotate(_ account: AccountResult) -> AccountResult

  /// Called on the pipeline's thread, in report order, once the account's fragments are
  /// written.
  func record(_ account: AccountResult) throws(ObserverError)

  /// Called once after the last account, before the reports are finished: it may add the
  /// run's totals to the report (its drift).
  func finish(_ report: inout AuditReport) throws(ObserverError)

  /// Called when a pass is abandoned, because the run failed or starts over: forget every
  /// account recorded so far.
  func discard()
}

/// Why an observer stopped the run: one clear line, with the file it concerns.
public struct ObserverError: Error, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
