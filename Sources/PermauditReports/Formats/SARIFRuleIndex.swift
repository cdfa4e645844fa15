import PermauditCore

/// Where each rule of ``SARIFRules`` sits in the rule list, by id: all that a result needs.
///
/// Note: it is built from the policy alone, in the order ``SARIFRules`` lists the rules, so
/// that each account's results can find their rules without the rules' help texts (which
/// need the catalog's permission index, too costly to build for every account).
struct SARIFRuleIndex {
  private let positions: [String: Int]

  init(policy: Policy) {
    var ids: [String] = []
    for step in policy.steps {
      ids += step.attributes.map { SARIFRules.attributeRule($0.attribute) }
      ids += step.permissions.map { SARIFRules.permissionRule($0.id) }
    }
    ids += FindingKind.allCases.map(\.rawValue)
    positions = Dictionary(
      ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
  }

  /// The rule a finding reports against, and its position in the rule list.
  func rule(for finding: Finding) -> (id: String, index: Int) {
    var candidates: [String] = []
    if finding.step != nil {
      switch finding.kind {
      case .missingPermission, .justifiedOvergrant:
        candidates = [SARIFRules.permissionRule(finding.subject)]
      case .attributeMismatch:
        candidates = [SARIFRules.attributeRule(finding.subject)]
      case .missingEvidence, .conflictingEvidence, .expiredWaiver:
        candidates = [
          SARIFRules.permissionRule(finding.subject), SARIFRules.attributeRule(finding.subject),
        ]
      case .excessPermission, .unrecognizedPermission, .staleEvidence:
        break
      }
    }
    for id in candidates + [finding.kind.rawValue] {
      if let index = positions[id] { return (id, index) }
    }
    return (finding.kind.rawValue, 0)
  }

  /// The position of the rule with `id`, if there is one.
  func position(of id: String) -> Int? { positions[id] }
}
