import Dispatch
import Foundation
import PermauditReports
import Synchronization

/// What an interrupted run does on its way out. On SIGINT (Ctrl-C), SIGTERM (a scheduler's
/// timeout) or SIGHUP it removes the run folder whose reports it had not finished (see
/// ``PartialOutputs``), says so in one line, and then dies of the same signal, so that a
/// shell or scheduler sees it was stopped. Scratch files have no name to leave behind.
///
/// A signal the process was started with ignored (`nohup`, a background job) stays ignored.
public enum InterruptHandling {
  /// The signal sources, kept for the life of the process.
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
  private static let installing = NSLock()
  /// Set when a signal arrived: the run's own output goes quiet, since what it would say
  /// next ("cannot write …") is only the echo of the removal.
  private static let isStopping = Atomic(false)

  /// Starts watching for the signals, and returns `console` with its output silenced once
  /// the process is stopping. Call once, from the executable only: tests run the CLI in
  /// their own process, where it must not take over the signals.
  public static func install(on console: Console) -> Console {
    installing.lock()
    defer { installing.unlock() }
    guard sources.isEmpty else { return quiet(console) }

    for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")] {
      let previous = signal(number, SIG_IGN)
      if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
      {
        continue
      }
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      let writeError = console.writeError
      source.setEventHandler {
        // Note: a second signal while the first is handled changes nothing.
        guard !isStopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let removed = PartialOutputs.shared.removeAll()
        let start = isatty(STDERR_FILENO) == 1 ? "\n" : ""
        let tidied = removed > 0 ? "; removed the reports it had not finished" : ""
        writeError("\(start)permaudit: stopped by \(name)\(tidied)\n")
        die(of: number)
      }
      source.resume()
      sources.append(source)
    }
    return quiet(console)
  }

  /// Ends the process with `code`, unless a signal is stopping it: then it waits for the
  /// signal's handler, which ends the process itself.
  public static func exit(_ code: ExitCode) -> Never {
    while isStopping.load(ordering: .sequentiallyConsistent) { sleep(1) }
    Foundation.exit(code.rawValue)
  }

  /// Ends the process by `number`'s default action. The signal is unblocked on this thread
  /// first: a process may start with it blocked (the mask is inherited), and libdispatch's
  /// threads block signals, so raising it would otherwise only leave it pending.
  private static func die(of number: Int32) -> Never {
    signal(number, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, number)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(number)
    // Note: the default action of these signals ends the process; this is only reached if
    // something else holds it back.
    Foundation.exit(128 + number)
  }

  private static func quiet(_ console: Console) -> Console {
    var quiet = console
    let write = console.write
    let writeError = console.writeError
    quiet.write = { text in
      if !isStopping.load(ordering: .sequentiallyConsistent) { write(text) }
    }
    quiet.writeError = { text in
      if !isStopping.load(ordering: .sequentiallyConsistent) { writeError(text) }
    }
    return quiet
  }
}
