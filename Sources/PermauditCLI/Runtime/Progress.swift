import Foundation

/// Shows how far a long audit has got, on standard error, only when that is a terminal.
struct Progress {
  let console: Console
  let total: Int
  private var done = 0
  private var lastShown = Date.distantPast
  private var hasShown = false

  /// Below this many accounts an audit is quick enough to need no progress.
  static let threshold = 2_000

  init(console: Console, total: Int) {
    self.console = console
    self.total = total
  }

  private var isEnabled: Bool { console.isErrorTerminal && total >= Self.threshold }

  mutating func advance() {
    done += 1
    guard isEnabled, done % 256 == 0 else { return }
    let now = Date()
    guard now.timeIntervalSince(lastShown) >= 0.2 else { return }
    lastShown = now
    hasShown = true
    console.writeError("\rEvaluated \(done) of \(total) accounts…")
  }

  mutating func finish() {
    guard hasShown else { return }
    console.writeError("\rEvaluated \(total) of \(total) accounts.\n")
  }
}
