import PermauditCollectors
import PermauditCore
import PermauditInput
import PermauditPipeline
import PermauditReports

/// Why a command stopped before finishing, with the exit code it maps to.
enum CommandFailure: Error {
  /// The command line is wrong.
  case usage(String)
  /// An input file is wrong.
  case input(InputError)
  /// The inputs cannot be judged.
  case engine(EngineError)
  /// A report could not be written.
  case output(AtomicFile.WriteError)
  /// The audit history could not be read, written or verified.
  case history(String)
  /// Live evidence could not be collected (network, authentication, remote error).
  case collection(CollectionError)

  /// A failed audit run, as the command line reports it.
  init(_ failure: AuditFailure) {
    switch failure {
    case .input(let error): self = .input(error)
    case .engine(let error): self = .engine(error)
    case .output(let error): self = .output(error)
    case .observer(let error): self = .history(error.message)
    case .collection(let error): self = .collection(error)
    }
  }

  var exitCode: ExitCode {
    switch self {
    case .usage, .input, .engine: return .invalidInput
    // Note: a report that cannot be written means nothing reliable was produced, which is
    // reported as an input problem (the reports folder is an input of the run).
    case .output: return .invalidInput
    // Note: like the reports folder, the history file is an input of the run.
    case .history: return .invalidInput
    case .collection(let error): return error.isConfiguration ? .invalidInput : .collectionFailed
    }
  }

  var message: String {
    switch self {
    case .usage(let message): return message
    case .input(let error): return error.description
    case .engine(let error): return error.description
    case .output(let error): return error.description
    case .history(let message): return message
    case .collection(let error): return error.description
    }
  }
}
