/// The exit codes of SPEC §3: a documented contract for scripts and schedulers.
public enum ExitCode: Int32, Sendable {
  /// Every audited account is compliant at the `--fail-on` level.
  case compliant = 0
  /// At least one account is non-compliant or inconclusive.
  case nonCompliant = 1
  /// Usage error or invalid input; nothing was judged.
  case invalidInput = 2
  /// Evidence could not be collected (network, authentication, remote error).
  case collectionFailed = 3
}

extension ExitCode {
  /// The code of a run whose standard output lost what was printed (not a reader that left
  /// early): a judgement's 0 or 1 becomes ``invalidInput``, since the output that was asked
  /// for is incomplete; 2 and 3 stay as they are.
  func losingOutput() -> ExitCode {
    rawValue >= ExitCode.invalidInput.rawValue ? self : .invalidInput
  }
}
