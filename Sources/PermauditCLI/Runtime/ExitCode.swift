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
