import Testing

@testable import PermauditCore

extension AccountResult {
  /// The findings of one kind, in the result's order.
  func findings(_ kind: FindingKind) -> [Finding] {
    findings.filter { $0.kind == kind }
  }

  /// `kind subject` for every finding, in order: short to compare, clear when it differs.
  var findingSummary: [String] {
    findings.map { "\($0.kind.rawValue) \($0.subject)" }
  }

  /// The findings other than the default policy's `justified_overgrant` note.
  var findingsBeyondOvergrant: [String] {
    findingSummary.filter { $0 != "justified_overgrant edit_company_settings" }
  }

  /// The subjects of passed checks of one kind.
  func passedSubjects(_ kind: PassedCheck.Kind) -> [String] {
    passed.filter { $0.kind == kind }.map(\.subject)
  }
}

/// The only finding of `kind` about `subject`; records an issue when there is not
/// exactly one.
@discardableResult
func expectSingleFinding(
  _ result: AccountResult, _ kind: FindingKind, subject: String,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> Finding {
  let matches = result.findings.filter { $0.kind == kind && $0.subject == subject }
  #expect(
    matches.count == 1, "findings: \(result.findingSummary)", sourceLocation: sourceLocation)
  return try #require(matches.first, sourceLocation: sourceLocation)
}

/// Records an issue unless `result` has no finding of `kind` (about `subject`, if given).
func expectNoFinding(
  _ result: AccountResult, _ kind: FindingKind, subject: String? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let matches = result.findings.filter {
    $0.kind == kind && (subject == nil || $0.subject == subject)
  }
  #expect(matches.isEmpty, "findings: \(result.findingSummary)", sourceLocation: sourceLocation)
}
