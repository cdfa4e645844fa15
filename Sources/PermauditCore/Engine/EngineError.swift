/// A problem with the inputs that the engine finds only once it sees an account: nothing
/// is judged, and the command line exits 2.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Required policy parameters with no value for an account, in the policy's order; all
  /// of them, so that one run tells the user everything to pass.
  case missingParameters([MissingParameter], accountID: String)
  /// Evidence is dated after the audit's time, beyond the allowed clock skew.
  case evidenceFromTheFuture(origin: String, collectedAt: String, now: String)

  public var description: String {
    switch self {
    case .missingParameters(let parameters, let accountID):
      let named = parameters.map { parameter in
        "'\(parameter.name)'" + (parameter.description.map { " (\(Self.clause($0)))" } ?? "")
      }
      let flags = parameters.map { "--param \($0.name)=VALUE" }.joined(separator: " ")
      let (noun, verb, pronoun) =
        parameters.count == 1 ? ("parameter", "has", "it") : ("parameters", "have", "them")
      return "policy \(noun) \(Self.list(named)) \(verb) no value for account '\(accountID)'; "
        + "pass \(flags) or add \(pronoun) to the evidence's 'parameters'"
    case .evidenceFromTheFuture(let origin, let collectedAt, let now):
      return "\(origin): evidence collected_at \(collectedAt) is later than the audit time "
        + "\(now) by more than five minutes; check the source's clock or pass --now"
    }
  }

  /// A description to quote inside parentheses, without its closing full stop.
  private static func clause(_ text: String) -> Substring {
    text.hasSuffix(".") ? text.dropLast() : Substring(text)
  }

  /// `a`, `a and b`, `a, b and c`.
  private static func list(_ items: [String]) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }
}

/// A required policy parameter that has no value, as an error names it.
public struct MissingParameter: Sendable, Equatable {
  public let name: String
  /// The policy's description of the parameter, which says where to find its value.
  public let description: String?

  public init(name: String, description: String?) {
    self.name = name
    self.description = description
  }
}
