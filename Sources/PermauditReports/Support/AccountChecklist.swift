import PermauditCore

/// One account's results laid out like the setup guide: each policy step with every
/// requirement of that step in policy order, then what lies beyond the policy.
///
/// Findings are tied to requirements by their `step` and `subject`; a finding that matches
/// no requirement (its `step` is `nil`, or names a step or subject the policy lacks) goes
/// beyond the policy, so nothing in the result is left out.
struct AccountChecklist {
  struct Step {
    /// 1-based position in the policy.
    let number: Int
    let step: PolicyStep
    let rows: [Row]
  }

  /// One requirement and how it came out.
  struct Row {
    enum Subject: Equatable {
      case attribute(String)
      case permission(String)
    }

    enum Outcome {
      case passed(PassedCheck)
      /// A finding on the requirement itself (failed, warned or waived).
      case finding(Finding)
      /// `missing_evidence` or `conflicting_evidence`: nothing decides the requirement.
      case unknown(Finding)
      /// The result holds neither a check nor a finding for the requirement.
      case notEvaluated
    }

    let subject: Subject
    /// The catalog's name or label.
    let name: String
    let outcome: Outcome
    /// Further findings on the requirement, such as a justified over-grant.
    let notes: [Finding]

    var isMet: Bool {
      if case .passed = outcome { return true }
      return false
    }
  }

  let steps: [Step]
  /// Findings about nothing the policy requires, in the result's order.
  let beyond: [Finding]

  init(account: AccountResult, policy: Policy, names: ReportNames) {
    var matcher = Matcher(account: account)
    steps = policy.steps.enumerated().map { index, step in
      let attributes = step.attributes.map { requirement in
        matcher.row(
          for: .attribute(requirement.attribute), in: step.id,
          name: names.attribute(requirement.attribute))
      }
      let permissions = step.permissions.map { requirement in
        matcher.row(
          for: .permission(requirement.id), in: step.id, name: names.permission(requirement.id))
      }
      return Step(number: index + 1, step: step, rows: attributes + permissions)
    }
    beyond = matcher.unusedFindings
  }

  var rows: [Row] { steps.flatMap(\.rows) }
}

/// Hands out each finding and passed check to at most one requirement.
private struct Matcher {
  let account: AccountResult
  var usedFindings: [Bool]
  var usedChecks: [Bool]

  init(account: AccountResult) {
    self.account = account
    usedFindings = Array(repeating: false, count: account.findings.count)
    usedChecks = Array(repeating: false, count: account.passed.count)
  }

  var unusedFindings: [Finding] {
    account.findings.indices.filter { !usedFindings[$0] }.map { account.findings[$0] }
  }

  mutating func row(
    for subject: AccountChecklist.Row.Subject, in step: String, name: String
  ) -> AccountChecklist.Row {
    let subjectID: String
    let checkKind: PassedCheck.Kind
    switch subject {
    case .attribute(let attribute): (subjectID, checkKind) = (attribute, .attribute)
    case .permission(let id): (subjectID, checkKind) = (id, .permission)
    }

    var matched: [Finding] = []
    for index in account.findings.indices where !usedFindings[index] {
      let finding = account.findings[index]
      guard finding.step == step, finding.subject == subjectID,
        Self.kinds(for: subject).contains(finding.kind)
      else { continue }
      usedFindings[index] = true
      matched.append(finding)
    }
    let check = takeCheck(kind: checkKind, subject: subjectID, step: step)

    let primaryIndex = matched.firstIndex { $0.status != .info && $0.status != .pass }
    let outcome: AccountChecklist.Row.Outcome
    var notes = matched
    if let primaryIndex {
      let primary = notes.remove(at: primaryIndex)
      let isUnknown =
        primary.status == .fail
        && (primary.kind == .missingEvidence || primary.kind == .conflictingEvidence)
      outcome = isUnknown ? .unknown(primary) : .finding(primary)
    } else if let check {
      outcome = .passed(check)
    } else {
      outcome = .notEvaluated
    }
    return AccountChecklist.Row(subject: subject, name: name, outcome: outcome, notes: notes)
  }

  private mutating func takeCheck(kind: PassedCheck.Kind, subject: String, step: String)
    -> PassedCheck?
  {
    let index = account.passed.indices.first { index in
      let check = account.passed[index]
      return !usedChecks[index] && check.kind == kind && check.subject == subject
        && check.step == step
    }
    guard let index else { return nil }
    usedChecks[index] = true
    return account.passed[index]
  }

  private static func kinds(for subject: AccountChecklist.Row.Subject) -> Set<FindingKind> {
    switch subject {
    case .attribute: return [.attributeMismatch, .missingEvidence, .conflictingEvidence]
    case .permission:
      return [.missingPermission, .missingEvidence, .conflictingEvidence, .justifiedOvergrant]
    }
  }
}
