import Foundation
import PermauditCore

/// The names a reader knows things by: permission names and attribute labels from the
/// catalog, falling back to the id when the catalog does not know it.
struct ReportNames {
  let catalog: Catalog

  /// The permission's name as the system shows it.
  func permission(_ id: String) -> String {
    catalog.permission(id: id)?.name ?? id
  }

  /// The attribute's label as the system shows it.
  func attribute(_ name: String) -> String {
    catalog.attribute(named: name)?.displayName ?? name
  }

  /// What `finding` is about, in the reader's words.
  func subject(of finding: Finding) -> String {
    switch finding.kind {
    case .missingPermission, .excessPermission, .justifiedOvergrant:
      return permission(finding.subject)
    case .attributeMismatch:
      return attribute(finding.subject)
    case .unrecognizedPermission, .staleEvidence:
      return finding.subject
    case .missingEvidence, .conflictingEvidence, .expiredWaiver:
      // Note: these name either a permission or an attribute; the catalog tells which.
      if let definition = catalog.permission(id: finding.subject) { return definition.name }
      return attribute(finding.subject)
    }
  }

  /// What was expected and found, each passed through `quoted`:
  /// `expected 'held', found 'not held'`.
  static func comparison(_ finding: Finding, quoting quoted: (String) -> String) -> String {
    switch (finding.expected, finding.actual) {
    case (let expected?, let actual?):
      return "expected " + quoted(expected) + ", found " + quoted(actual)
    case (let expected?, nil): return "expected " + quoted(expected)
    case (nil, let actual?): return "found " + quoted(actual)
    case (nil, nil): return kind(finding.kind)
    }
  }

  /// The finding kind in words: `missing permission`.
  static func kind(_ kind: FindingKind) -> String {
    kind.rawValue.replacingOccurrences(of: "_", with: " ")
  }
}
