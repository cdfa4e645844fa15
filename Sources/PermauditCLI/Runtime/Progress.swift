import Foundation

/// Shows how far a long audit has got, on standard error, only when that is a terminal:
/// at most five updates a second, and only once the audit has run for a second.
struct Progress {
  let console: Console
  private let start = Date()
  private var lastShown = Date.distantPast
  private var hasShown = false

  init(console: Console) {
    self.console = console
  }

  mutating func update(accounts: Int) {
    guard console.isErrorTerminal else { return }
    let now = Date()
    guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastShown) >= 0.2 else {
      return
    }
    lastShown = now
    hasShown = true
    console.writeError("\rEvaluated \(accounts) accounts…")
  }

  /// Ends the progress line, if one was shown.
  mutating func finish() {
    guard hasShown else { return }
    hasShown = false
    console.writeError("\n")
  }
}
