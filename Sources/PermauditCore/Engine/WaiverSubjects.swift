/// Turns the subject a waiver gives into the subject findings carry, so that a waiver
/// may name a permission or attribute as the reports show it ("View invoices & reporting",
/// "Title") as well as by its identifier.
public struct WaiverSubjects: Sendable {
  private let catalog: Catalog
  private let index: PermissionIndex

  public init(catalog: Catalog) {
    self.catalog = catalog
    self.index = PermissionIndex(catalog: catalog)
  }

  /// `waiver` with its subject as findings carry it. A name is looked up only among what
  /// the waiver's kind can be about: permissions for the permission kinds, attributes for
  /// `attribute_mismatch`, either for `missing_evidence` and `conflicting_evidence`.
  /// Subjects that already are identifiers, that the catalog does not know, or that name
  /// what was held as written (`unrecognized_permission`, `stale_evidence`) are left as
  /// they are.
  public func resolved(_ waiver: Waiver) -> Waiver {
    let subject = waiver.subject
    var resolved = waiver
    switch waiver.kind {
    case .unrecognizedPermission, .staleEvidence, .expiredWaiver:
      return waiver
    case .missingPermission, .excessPermission, .justifiedOvergrant:
      resolved.subject = permissionID(subject) ?? subject
    case .attributeMismatch:
      resolved.subject = catalog.attribute(matching: subject)?.name ?? subject
    case .missingEvidence, .conflictingEvidence:
      resolved.subject = identifier(of: subject) ?? subject
    }
    return resolved
  }

  /// The permission id or attribute name `subject` names, whichever it is: an exact
  /// identifier of either first, then a permission's name in any spelling, then an
  /// attribute's label; `nil` when the catalog knows no such thing.
  private func identifier(of subject: String) -> String? {
    if catalog.attribute(named: subject) != nil { return subject }
    return permissionID(subject) ?? catalog.attribute(matching: subject)?.name
  }

  /// For a waiver that named no finding: the known subject its subject is a near miss of
  /// ("Titel" → "Title"), or `nil` when it names something the catalog knows (then the
  /// account or kind is what is wrong) or nothing close.
  public func closestSubject(to waiver: Waiver) -> String? {
    var permissions: [String] { catalog.permissions.flatMap { [$0.id, $0.name] } }
    var attributes: [String] { catalog.attributes.flatMap { [$0.name, $0.displayName] } }
    let candidates: [String]
    switch waiver.kind {
    case .unrecognizedPermission, .staleEvidence, .expiredWaiver: return nil
    case .missingPermission, .excessPermission, .justifiedOvergrant: candidates = permissions
    case .attributeMismatch: candidates = attributes
    case .missingEvidence, .conflictingEvidence: candidates = permissions + attributes
    }
    guard !candidates.contains(waiver.subject) else { return nil }
    return Suggestion.closest(to: waiver.subject, among: candidates)
  }

  /// The id of the permission `subject` names, by id or display name.
  private func permissionID(_ subject: String) -> String? {
    if catalog.permission(id: subject) != nil { return subject }
    return index.id(forName: subject)
  }
}
