/// The policy's parameters, worked out once per run: a slot for each name, and the command
/// line's value for it, so an account's values are an array rather than a dictionary.
struct ParameterPlan: Sendable {
  /// Past this many names, a name's slot is looked up in a dictionary instead of a scan.
  private static let scanLimit = 8

  /// The declared names, each once, by slot.
  let names: [String]
  private let slotsByName: [String: Int]
  /// Each declared parameter with its slot, in declaration order.
  let declared: [(definition: ParameterDefinition, slot: Int)]
  /// The command line's value for each slot; it applies to every account and wins.
  let commandLine: [String?]
  /// Whether some parameter takes its value from the evidence.
  let readsEvidence: Bool

  init(policy: Policy, commandLine values: [String: String]) {
    let names = policy.parameters.map(\.name).uniqued()
    let slotsByName = Dictionary(
      names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    self.names = names
    self.slotsByName = slotsByName
    declared = policy.parameters.map { ($0, slotsByName[$0.name] ?? 0) }
    commandLine = names.map { values[$0] }
    readsEvidence = commandLine.contains(nil)
  }

  /// The slot of the parameter called `name`, if the policy declares it.
  func slot(named name: String) -> Int? {
    if names.count > Self.scanLimit { return slotsByName[name] }
    return names.firstIndex(of: name)
  }
}

/// The parameter values that apply to one account.
struct ResolvedParameters {
  /// Values by slot; command-line values win over evidence values.
  private(set) var values: [String?]
  /// Parameters whose evidence values disagree across the account's documents (and that
  /// the command line does not settle), with every value seen; usually none.
  private(set) var conflicts: [(slot: Int, values: [String])] = []

  /// No values at all, for expected values that name no parameter.
  static let none = ResolvedParameters(values: [])

  private init(values: [String?]) {
    self.values = values
  }

  /// Resolves the policy's parameters for an account.
  ///
  /// - Throws: ``EngineError/missingParameters(_:accountID:)`` when required
  ///   parameters have no value from either place, naming every one.
  init(plan: ParameterPlan, documents: [EvidenceDocument], accountID: String)
    throws(EngineError)
  {
    values = plan.commandLine
    if plan.readsEvidence {
      for document in documents {
        for (name, value) in document.parameters {
          guard let slot = plan.slot(named: name), plan.commandLine[slot] == nil else { continue }
          guard let first = values[slot] else {
            values[slot] = value
            continue
          }
          noteConflict(slot: slot, first: first, value: value)
        }
      }
    }
    let missing = plan.declared.filter { values[$0.slot] == nil && $0.definition.isRequired }
    guard missing.isEmpty else {
      throw .missingParameters(
        missing.map {
          MissingParameter(name: $0.definition.name, description: $0.definition.description)
        },
        accountID: accountID)
    }
  }

  /// The value in `slot`; `nil` for no value or for a name the policy does not declare.
  func value(at slot: Int?) -> String? {
    guard let slot, slot < values.count else { return nil }
    return values[slot]
  }

  /// Every value the evidence gives for the parameter in `slot`, when they disagree.
  func conflict(at slot: Int?) -> [String]? {
    guard let slot else { return nil }
    return conflicts.first { $0.slot == slot }?.values
  }

  /// Records `value` next to the `first` one seen for `slot`, unless it was seen already.
  private mutating func noteConflict(slot: Int, first: String, value: String) {
    guard value != first else { return }
    if let known = conflicts.firstIndex(where: { $0.slot == slot }) {
      if !conflicts[known].values.contains(value) { conflicts[known].values.append(value) }
    } else {
      conflicts.append((slot, [first, value]))
    }
  }
}
