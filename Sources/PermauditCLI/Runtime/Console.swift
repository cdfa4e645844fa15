import Foundation
import PermauditCore

/// Where a command's output goes and what it knows about its surroundings. Tests pass a
/// recording console; the executable passes ``Console/standard``.
public struct Console: Sendable {
  /// Writes to standard output.
  public var write: @Sendable (String) -> Void
  /// Writes to standard error.
  public var writeError: @Sendable (String) -> Void
  /// Reads all of standard input.
  public var readInput: @Sendable () -> [UInt8]
  /// Reads the next piece of standard input; `nil` at the end. A batch on standard input
  /// is read this way, so it never has to sit in memory whole.
  public var readInputChunk: @Sendable () -> [UInt8]?
  /// Reads the next line of standard input without its line end; `nil` at the end.
  public var readLine: @Sendable () -> String?
  /// Whether standard input is a terminal: a person answering, not a script.
  public var isInputTerminal: Bool
  public var isOutputTerminal: Bool
  public var isErrorTerminal: Bool
  public var environment: [String: String]
  /// The current time, used only when `--now` is not given.
  public var clock: @Sendable () -> Date
  /// Why standard output lost some of what was written to it, if it did (a full disk, an
  /// I/O error; not a reader that left early). Checked once the command is done.
  public var outputFailure: @Sendable () -> String?

  public init(
    write: @escaping @Sendable (String) -> Void,
    writeError: @escaping @Sendable (String) -> Void,
    readInput: @escaping @Sendable () -> [UInt8] = { [] },
    isOutputTerminal: Bool = false, isErrorTerminal: Bool = false,
    environment: [String: String] = [:], clock: @escaping @Sendable () -> Date = { Date() },
    readLine: (@Sendable () -> String?)? = nil, isInputTerminal: Bool = false,
    readInputChunk: (@Sendable () -> [UInt8]?)? = nil,
    outputFailure: @escaping @Sendable () -> String? = { nil }
  ) {
    self.write = write
    self.writeError = writeError
    self.readInput = readInput
    self.readInputChunk = readInputChunk ?? InputChunks(read: readInput).next
    self.readLine = readLine ?? InputLines(read: readInput).next
    self.isInputTerminal = isInputTerminal
    self.isOutputTerminal = isOutputTerminal
    self.isErrorTerminal = isErrorTerminal
    self.environment = environment
    self.clock = clock
    self.outputFailure = outputFailure
  }

  /// The process's own standard streams and environment.
  public static var standard: Console {
    Console(
      write: { StandardOutput.shared.write($0) },
      // Note: standard error is where a failure would be told; if it fails too, nothing can.
      writeError: { try? FileHandle.standardError.write(contentsOf: Data($0.utf8)) },
      readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
      isOutputTerminal: isatty(STDOUT_FILENO) == 1,
      isErrorTerminal: isatty(STDERR_FILENO) == 1,
      environment: ProcessInfo.processInfo.environment,
      readLine: { Swift.readLine(strippingNewline: true) },
      isInputTerminal: isatty(STDIN_FILENO) == 1,
      readInputChunk: {
        let data = FileHandle.standardInput.readData(ofLength: 1 << 20)
        return data.isEmpty ? nil : [UInt8](data)
      },
      outputFailure: { StandardOutput.shared.failure })
  }

  /// Prints one error line: `permaudit: error: …`.
  public func error(_ message: String) {
    writeError("permaudit: error: \(Self.oneLine(message))\n")
  }

  /// Prints one warning line: `permaudit: warning: …`.
  public func warning(_ message: String) {
    writeError("permaudit: warning: \(Self.oneLine(message))\n")
  }

  /// `message` kept to one line. Messages quote user values (keys and names from evidence,
  /// paths, arguments), so line breaks, terminal escapes and bidirectional overrides in them
  /// are shown as `\u{HEX}`: they can neither split the line nor drive the terminal.
  static func oneLine(_ message: String) -> String {
    VisibleText.escapingLineBreaks(message)
  }
}

/// Standard input given whole (tests), handed out as one chunk and then the end.
private final class InputChunks: @unchecked Sendable {
  private let read: @Sendable () -> [UInt8]
  private var isDone = false
  private let lock = NSLock()

  init(read: @escaping @Sendable () -> [UInt8]) {
    self.read = read
  }

  func next() -> [UInt8]? {
    lock.lock()
    defer { lock.unlock() }
    guard !isDone else { return nil }
    isDone = true
    return read()
  }
}
