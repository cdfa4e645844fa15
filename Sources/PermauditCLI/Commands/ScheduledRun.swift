import Foundation
import PermauditCore
import PermauditHistory
import PermauditNotify
import PermauditPipeline

/// What `permaudit audit` does around the pipeline for a scheduled run: opens the history
/// (which adds drift as accounts stream), records the run once its reports are out, and
/// sends the notification. A notification that fails is reported and logged but never
/// changes the exit code.
struct ScheduledRun {
  let options: ScheduleOptions
  let console: Console
  let isQuiet: Bool

  /// Set in tests that kill a run while it appends to the history: the run prints a line
  /// on standard error and waits this many seconds before it commits.
  static let pauseVariable = "PERMAUDIT_TEST_PAUSE_BEFORE_HISTORY_COMMIT"

  /// Prepares `request`: shard, per-account files and the history as its observer.
  func prepare(_ request: inout AuditRequest) throws(CommandFailure) -> HistoryRecorder? {
    request.shard = options.shard
    request.perAccount = options.perAccount
    guard let path = options.historyPath else { return nil }
    var pause: (@Sendable () -> Void)?
    if let seconds = console.environment[Self.pauseVariable].flatMap(Double.init) {
      let console = self.console
      pause = {
        console.writeError("permaudit: test: paused before the history commit\n")
        Thread.sleep(forTimeInterval: seconds)
      }
    }
    do throws(HistoryError) {
      let recorder = try HistoryRecorder(
        path: path, policyID: request.policy.policy.id, pauseBeforeCommit: pause)
      request.observer = recorder
      return recorder
    } catch {
      throw .history(error.description)
    }
  }

  /// Appends the finished run to the history.
  func record(_ outcome: AuditOutcome, in recorder: HistoryRecorder?) throws(CommandFailure)
    -> HistoryRun?
  {
    guard let recorder else { return nil }
    do throws(HistoryError) {
      return try recorder.commit(runFolder: outcome.runFolder, recordedAt: console.clock())
    } catch {
      throw .history(
        error.description + (outcome.runFolder.map { " (the reports are in \($0))" } ?? ""))
    }
  }

  /// Sends the notification when `--notify-on` says so, and logs how it went.
  func notify(_ outcome: AuditOutcome, exitCode: ExitCode, recorded: HistoryRun?) {
    guard let target = options.notify else { return }
    let changed = outcome.report.drift?.hasChanges ?? false
    guard
      options.notifyOn.shouldNotify(
        drift: changed ? .changed : .unchanged, isFailing: exitCode != .compliant)
    else { return }
    let message = WebhookMessage.render(
      outcome.report, exitCode: exitCode.rawValue,
      recorded: recorded.map { .init(run: $0.id, sha256: $0.recordSHA256) },
      reportFolder: outcome.runFolder)
    let attemptedAt = console.clock()
    let delivery = WebhookSender(policy: options.retry).send(message, to: target)
    if delivery.delivered {
      if !isQuiet {
        console.writeError("permaudit: notified \(target.redacted)\n")
      }
    } else {
      console.warning(
        "notification to \(target.redacted) failed after \(delivery.attempts) "
          + "\(delivery.attempts == 1 ? "try" : "tries"): \(delivery.detail ?? "unknown error"); "
          + "the audit itself is complete")
    }
    guard let recorded, let path = options.historyPath else { return }
    do {
      try NotificationLog.record(
        .init(
          run: recorded.id, attemptedAt: attemptedAt, target: target.redacted,
          outcome: delivery.delivered ? "delivered" : "failed", attempts: delivery.attempts,
          detail: delivery.detail),
        path: path)
    } catch {
      console.warning("cannot log the notification: \(error.description)")
    }
  }
}
