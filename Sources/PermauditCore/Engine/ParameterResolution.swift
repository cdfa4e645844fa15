/// The parameter values that apply to one account.
struct ResolvedParameters {
  /// Values by name; command-line values win over evidence values.
  var values: [String: String]
  /// Parameters whose evidence values disagree across the account's documents (and that
  /// the command line does not settle), with every value seen.
  var conflicts: [String: [String]]

  /// Resolves the policy's parameters for an account.
  ///
  /// - Throws: ``EngineError/missingParameter(name:accountID:description:)`` when a
  ///   required parameter has no value from either place.
  init(
    policy: Policy, commandLine: [String: String], evidence: [String: [String]],
    accountID: String
  ) throws(EngineError) {
    values = [:]
    conflicts = [:]
    for parameter in policy.parameters {
      if let value = commandLine[parameter.name] {
        values[parameter.name] = value
      } else if let seen = evidence[parameter.name], let first = seen.first {
        values[parameter.name] = first
        if seen.count > 1 { conflicts[parameter.name] = seen }
      } else if parameter.isRequired {
        throw .missingParameter(
          name: parameter.name, accountID: accountID, description: parameter.description)
      }
    }
  }
}
