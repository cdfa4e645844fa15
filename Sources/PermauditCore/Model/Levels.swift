/// How much a finding matters to a reader. Severity ranks findings; status decides.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
  case critical, high, medium, low, info

  /// Higher is more severe, for sorting.
  public var rank: Int {
    switch self {
    case .critical: return 4
    case .high: return 3
    case .medium: return 2
    case .low: return 1
    case .info: return 0
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// How dangerous holding a permission is, from the catalog.
public enum Risk: String, Sendable, CaseIterable, Comparable, Codable {
  case low, medium, high, critical

  public var rank: Int {
    switch self {
    case .low: return 1
    case .medium: return 2
    case .high: return 3
    case .critical: return 4
    }
  }

  /// The severity an excess permission of this risk is reported with.
  public var severity: Severity {
    switch self {
    case .low: return .low
    case .medium: return .medium
    case .high: return .high
    case .critical: return .critical
    }
  }

  public static func < (lhs: Risk, rhs: Risk) -> Bool { lhs.rank < rhs.rank }
}

/// What a permission lets its holder do, from the catalog.
public enum AccessLevel: String, Sendable, CaseIterable, Codable {
  case read, write, admin
}

/// The outcome of one check.
public enum CheckStatus: String, Sendable, CaseIterable, Codable {
  case pass, fail, warn, info, waived
}

/// What a policy does with permissions held beyond what it requires.
public enum ExcessTreatment: String, Sendable, CaseIterable, Codable {
  case ignore, info, warn, fail

  /// The status an excess finding gets, or `nil` when excess is not reported.
  public var findingStatus: CheckStatus? {
    switch self {
    case .ignore: return nil
    case .info: return .info
    case .warn: return .warn
    case .fail: return .fail
    }
  }
}

/// Which findings make an account non-compliant and the exit code non-zero.
public enum FailOn: String, Sendable, CaseIterable, Codable {
  /// Findings with status `fail` (the default).
  case fail
  /// Findings with status `fail` or `warn`.
  case warn
  /// Nothing: statuses are reported as under `fail`, but the exit code stays 0.
  case never
}

/// An audited account's verdict.
public enum AccountStatus: String, Sendable, CaseIterable, Codable {
  case compliant
  case nonCompliant = "non_compliant"
  case inconclusive
}
