/// A problem with the inputs that the engine finds only once it sees an account: nothing
/// is judged, and the command line exits 2.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A required policy parameter has no value for an account.
  case missingParameter(name: String, accountID: String, description: String?)
  /// Evidence is dated after the audit's time, beyond the allowed clock skew.
  case evidenceFromTheFuture(origin: String, collectedAt: String, now: String)

  public var description: String {
    switch self {
    case .missingParameter(let name, let accountID, let description):
      let about = description.map { " (\($0))" } ?? ""
      return "policy parameter '\(name)'\(about) has no value for account '\(accountID)'; "
        + "pass --param \(name)=VALUE or add it to the evidence's 'parameters'"
    case .evidenceFromTheFuture(let origin, let collectedAt, let now):
      return "\(origin): evidence collected_at \(collectedAt) is later than the audit time "
        + "\(now) by more than five minutes; check the source's clock or pass --now"
    }
  }
}
