import Testing

@testable import PermauditCore

@Suite struct PermissionOrdinalTests {
  /// 150 permissions `p000`…`p149`: every fifth implies the one 70 further on, every
  /// eleventh from 66 on implies the one 66 back, and `p003` and `p140` imply each other,
  /// so `implies` crosses the 64-ordinal word boundary both ways and through a cycle.
  static let largeCatalog = Catalog(
    system: "large", title: "Large",
    permissions: (0..<150).map { position in
      var implies: [String] = []
      if position % 5 == 0, position + 70 < 150 { implies.append(id(position + 70)) }
      if position % 11 == 0, position >= 66 { implies.append(id(position - 66)) }
      if position == 3 { implies.append(id(140)) }
      if position == 140 { implies.append(id(3)) }
      return PermissionDefinition(
        id: id(position), name: "Permission \(position)", implies: implies)
    })

  static func id(_ position: Int) -> String {
    "p" + String(repeating: "0", count: 3 - String(position).count) + String(position)
  }

  struct CatalogCase: CustomTestStringConvertible, Sendable {
    var name: String
    var catalog: Catalog
    var testDescription: String { name }
  }

  /// One catalog whose closures are bits of one word, and one that needs further words.
  static let catalogs: [CatalogCase] = [
    .init(name: "nine permissions", catalog: Fixtures.catalog),
    .init(name: "150 permissions", catalog: largeCatalog),
  ]

  @Test(arguments: catalogs)
  func ordinalClosuresMatchTheClosuresOfIds(_ entry: CatalogCase) {
    let index = PermissionIndex(catalog: entry.catalog)
    for permission in index.catalog.permissions {
      let ordinal = index.ordinal(of: permission.id)
      let byOrdinal = ordinal.map { index.closure(ofOrdinals: [$0]) } ?? OrdinalSet()
      let ids = Set(byOrdinal.map { index.ids[$0] })
      #expect(ids == index.closure(of: [permission.id]), "\(permission.id)")
      for other in index.catalog.permissions {
        guard let ordinal, let otherOrdinal = index.ordinal(of: other.id) else { continue }
        #expect(index.grants(ordinal, otherOrdinal) == ids.contains(other.id))
      }
    }
  }

  @Test func largeCatalogClosureCrossesTheWordBoundary() throws {
    let index = PermissionIndex(catalog: Self.largeCatalog)
    #expect(index.closureWords.isEmpty)
    let start = try #require(index.ordinal(of: "p066"))
    let closure = index.closure(ofOrdinals: [start])
    #expect(Set(closure.map { index.ids[$0] }) == ["p066", "p000", "p070", "p140", "p003"])
    #expect(Set(closure.map { index.ids[$0] }) == index.closure(of: ["p066"]))
  }

  @Test func spellingsGiveOrdinalsOrUnknownKeys() {
    let index = PermissionIndex(catalog: Fixtures.catalog)
    #expect(index.spelling(of: "Manage  EMPLOYEES") == .known(2))
    #expect(index.ids[2] == "manage_employees")
    #expect(index.spelling(of: "Payroll  Wizard") == .unknown("payroll wizard"))
    #expect(index.id(forName: "Payroll Wizard") == nil)
  }

  @Test func idsOnlyImpliesNamesHaveOrdinalsButNoDefinition() {
    // Note: catalog files cannot say this (the decoder refuses it), but a catalog built in
    // code can, and holding the implying permission still grants the named id.
    let catalog = Catalog(
      system: "demo", title: "Ghost",
      permissions: [PermissionDefinition(id: "parent", name: "Parent", implies: ["ghost"])])
    let index = PermissionIndex(catalog: catalog)
    #expect(index.ordinal(of: "ghost") == 1)
    #expect(index.definition(for: "ghost") == nil)
    #expect(index.ids == ["parent", "ghost"])
    #expect(index.grants(0, 1))
    #expect(!index.grants(1, 0))
  }
}
