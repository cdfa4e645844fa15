import Testing

@testable import PermauditCore

@Suite struct PermissionIndexTests {
  let index = PermissionIndex(catalog: Fixtures.catalog)

  struct Case: CustomTestStringConvertible, Sendable {
    var written: String
    var id: String?
    var testDescription: String { written }
  }

  static let names: [Case] = [
    .init(written: "Edit Company Settings", id: "edit_company_settings"),
    .init(written: "edit_company_settings", id: "edit_company_settings"),
    .init(written: "EDIT_COMPANY_SETTINGS", id: "edit_company_settings"),
    .init(written: "Company settings (edit)", id: "edit_company_settings"),
    .init(written: "  edit\u{3000}company   SETTINGS\u{200B} ", id: "edit_company_settings"),
    .init(written: "Upload & View All Documents", id: "upload_and_view_all_documents"),
    .init(written: "upload and view all documents", id: "upload_and_view_all_documents"),
    .init(written: "Upload and View All Documents", id: "upload_and_view_all_documents"),
    .init(written: "View Invoices & Reporting", id: "view_invoices_and_reporting"),
    .init(written: "Edit Company Setting", id: nil),
    .init(written: "Édit Company Settings", id: nil),
    .init(written: "Edit C\u{043E}mpany Settings", id: nil),
    .init(written: "edit company settings view", id: nil),
    .init(written: "", id: nil),
  ]

  @Test(arguments: names)
  func matchesIdsNamesAndAliases(_ entry: Case) {
    #expect(index.id(forName: entry.written) == entry.id)
  }

  @Test func closureFollowsImpliesTransitively() {
    #expect(
      index.closure(of: ["company_admin"])
        == ["company_admin", "edit_company_settings", "view_company_settings", "manage_employees"])
    #expect(index.closure(of: ["view_company_settings"]) == ["view_company_settings"])
    #expect(index.closure(of: [String]()).isEmpty)
  }

  @Test func closureOfOneCycleMemberHoldsTheWholeCycle() {
    let expected: Set = ["manage_all_timecards", "approve_timecards"]
    #expect(index.closure(of: ["manage_all_timecards"]) == expected)
    #expect(index.closure(of: ["approve_timecards"]) == expected)
  }

  @Test func findsCycleGroupsInCatalogOrder() {
    #expect(index.impliesCycles() == [["manage_all_timecards", "approve_timecards"]])

    let catalog = Catalog(
      system: "demo", title: "Cycles",
      permissions: [
        permission("d", implies: ["a"]),
        permission("c", implies: ["a"]),
        permission("a", implies: ["b"]),
        permission("b", implies: ["c", "e"]),
        permission("e"),
        permission("f", implies: ["g"]),
        permission("g", implies: ["f"]),
        permission("self", implies: ["self"]),
      ])
    #expect(
      PermissionIndex(catalog: catalog).impliesCycles() == [
        ["c", "a", "b"], ["f", "g"], ["self"],
      ])
  }

  @Test func catalogWithoutImpliesHasNoCycles() {
    let catalog = Catalog(
      system: "demo", title: "Flat", permissions: [permission("a"), permission("b")])
    #expect(PermissionIndex(catalog: catalog).impliesCycles().isEmpty)
  }

  @Test func firstPermissionInCatalogOrderKeepsASharedSpelling() {
    let catalog = Catalog(
      system: "demo", title: "Shared",
      permissions: [
        PermissionDefinition(id: "first", name: "Admin"),
        PermissionDefinition(id: "second", name: "Second", aliases: ["admin"]),
      ])
    #expect(PermissionIndex(catalog: catalog).id(forName: "ADMIN") == "first")
  }

  @Test func knowsCatalogPositionsAndDefinitions() {
    #expect(index.catalogPosition(of: "edit_company_settings") == 0)
    #expect(index.catalogPosition(of: "company_admin") == 10)
    #expect(index.catalogPosition(of: "unknown") == Int.max)
    #expect(index.definition(for: "manage_employees")?.name == "Manage Employees")
    #expect(index.definition(for: "Manage Employees") == nil)
  }

  @Test func suggestsTheClosestCatalogName() {
    #expect(index.suggestion(for: "Manage  Employes") == "Manage Employees")
    #expect(index.suggestion(for: "Aprove Timecards") == "Approve Timecards")
    #expect(index.suggestion(for: "Payroll Wizard") == nil)
  }

  private func permission(_ id: String, implies: [String] = []) -> PermissionDefinition {
    PermissionDefinition(id: id, name: id.uppercased(), implies: implies)
  }
}
