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

  /// `waiver` with its subject as findings carry it. Subjects that already are
  /// identifiers, that the catalog does not know, or that name what was held as written
  /// (`unrecognized_permission`, `stale_evidence`) are left as they are.
  public func resolved(_ waiver: Waiver) -> Waiver {
    guard waiver.kind != .unrecognizedPermission, waiver.kind != .staleEvidence else {
      return waiver
    }
    let subject = waiver.subject
    guard catalog.permission(id: subject) == nil, catalog.attribute(named: subject) == nil
    else { return waiver }

    var resolved = waiver
    if let id = index.id(forName: subject) {
      resolved.subject = id
    } else if let attribute = catalog.attributes.first(where: {
      TextNormalization.caseInsensitiveValue($0.displayName)
        == TextNormalization.caseInsensitiveValue(subject)
    }) {
      resolved.subject = attribute.name
    }
    return resolved
  }
}
