import PermauditCore
import Testing

@testable import PermauditInput

@Suite struct CatalogDecoderTests {
  // MARK: - Valid catalogs

  @Test func decodesEveryField() throws {
    let (catalog, warnings) = try decodeCatalog(
      """
      kind: Catalog
      system: justworks
      title: Justworks admin permissions
      description: What the test knows.
      source: {title: Help Center, url: "https://example.com/help"}
      permission_screen: Company → Permissions
      attributes:
        member_type: {type: string, label: Member Type, path: Employees → Add}
        admin_access: {type: boolean}
        work_email: {type: email, description: Where invitations go}
        start_date: {type: date}
        nickname: {}
      permissions:
        - id: edit_company_settings
          name: Edit company settings
          aliases: [Edit Company Settings, Company settings]
          group: Settings
          access: write
          risk: critical
          implies: [view_invoices_and_reporting]
          description: Change settings.
          path: Company → Settings
        - id: view_invoices_and_reporting
          name: "View invoices & reporting"
      """)

    #expect(warnings.isEmpty)
    #expect(catalog.system == "justworks")
    #expect(catalog.title == "Justworks admin permissions")
    #expect(catalog.source == DocumentSource(title: "Help Center", url: "https://example.com/help"))
    #expect(catalog.permissionScreen == "Company → Permissions")

    #expect(
      catalog.attributes.map(\.name) == [
        "member_type", "admin_access", "work_email", "start_date", "nickname",
      ])
    #expect(catalog.attributes.map(\.type) == [.string, .boolean, .email, .date, .string])
    #expect(catalog.attributes[0].label == "Member Type")
    #expect(catalog.attributes[0].path == "Employees → Add")

    let settings = try #require(catalog.permission(id: "edit_company_settings"))
    #expect(settings.name == "Edit company settings")
    #expect(settings.aliases == ["Edit Company Settings", "Company settings"])
    #expect(settings.group == "Settings")
    #expect(settings.access == .write)
    #expect(settings.risk == .critical)
    #expect(settings.implies == ["view_invoices_and_reporting"])
    #expect(settings.description == "Change settings.")
    #expect(settings.path == "Company → Settings")

    let invoices = try #require(catalog.permission(id: "view_invoices_and_reporting"))
    #expect(invoices.aliases.isEmpty)
    #expect(invoices.access == nil)
    #expect(invoices.implies.isEmpty)
  }

  @Test func riskDefaultsToMediumAndAttributesAreOptional() throws {
    let (catalog, _) = try decodeCatalog(
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name: Edit
      """)
    #expect(catalog.attributes.isEmpty)
    #expect(catalog.permissions.map(\.risk) == [.medium])
    #expect(catalog.source == nil)
    #expect(catalog.permissionScreen == nil)
  }

  @Test func nullAttributesMeanNone() throws {
    let (catalog, _) = try decodeCatalog(
      """
      kind: Catalog
      system: justworks
      title: Test
      attributes:
      permissions: [{id: edit, name: Edit}]
      """)
    #expect(catalog.attributes.isEmpty)
  }

  @Test func aliasMayRepeatItsOwnNameInAnotherSpelling() throws {
    let (catalog, _) = try decodeCatalog(
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: upload_documents
          name: "Upload & view all documents"
          aliases: [Upload and View all Documents, upload_documents]
      """)
    #expect(catalog.permissions.count == 1)
  }

  @Test func jsonCatalogDecodesLikeYAML() throws {
    let (catalog, _) = try decodeCatalog(
      """
      {"kind": "Catalog", "system": "justworks", "title": "Test",
       "attributes": {"admin_access": {"type": "boolean"}},
       "permissions": [{"id": "edit", "name": "Edit", "risk": "low"}]}
      """, file: "catalog.json")
    #expect(catalog.attributes.map(\.type) == [.boolean])
    #expect(catalog.permissions.map(\.risk) == [.low])
  }

  @Test func jsonNumberWhereTextIsExpectedIsRefused() {
    expectInputError(
      at: "1:53", ["'title' of the catalog must be text", "number 12"], hint: "quote it",
      file: "catalog.json"
    ) {
      _ = try decodeCatalog(
        """
        {"kind": "Catalog", "system": "justworks", "title": 12,
         "permissions": [{"id": "edit", "name": "Edit"}]}
        """, file: "catalog.json")
    }
  }

  // MARK: - Cycles are warnings

  @Test func cycleInImpliesIsAWarningNotAnError() throws {
    let (catalog, warnings) = try decodeCatalog(
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: manage_employees
          name: Manage employees
          implies: [edit_employees]
        - id: edit_employees
          name: Edit employees
          implies: [manage_employees]
        - id: view_reports
          name: View reports
      """)
    #expect(catalog.permissions.count == 3)
    let warning = try #require(warnings.first)
    #expect(warnings.count == 1)
    #expect(place(warning.location) == "5:5")
    #expect(warning.message.contains("'manage_employees', 'edit_employees'"))
    #expect(warning.message.contains("cycle"))
    #expect(warning.hint?.contains("remove an 'implies' entry") == true)
  }

  @Test func permissionImplyingItselfIsACycleWarning() throws {
    let (_, warnings) = try decodeCatalog(
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - {id: edit, name: Edit, implies: [edit]}
      """)
    #expect(warnings.map { place($0.location) } == ["5:5"])
  }

  // MARK: - Errors

  static let errorCases: [DecodingErrorCase] = [
    DecodingErrorCase(
      "unknown top-level key",
      """
      kind: Catalog
      system: justworks
      titel: Test
      permissions: [{id: a, name: A}]
      """, at: "3:1", ["unknown key 'titel' in the catalog"], hint: "did you mean 'title'?"),
    DecodingErrorCase(
      "unknown permission key",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name: Edit
          rsik: high
      """, at: "7:5", ["unknown key 'rsik' in a permission"], hint: "did you mean 'risk'?"),
    DecodingErrorCase(
      "unknown attribute key",
      """
      kind: Catalog
      system: justworks
      title: Test
      attributes:
        member_type:
          tpye: string
      permissions: [{id: edit, name: Edit}]
      """, at: "6:5", ["unknown key 'tpye' in attribute 'member_type'"],
      hint: "did you mean 'type'?"),
    DecodingErrorCase(
      "unknown source key",
      """
      kind: Catalog
      system: justworks
      title: Test
      source: {title: Guide, ulr: "https://example.com"}
      permissions: [{id: edit, name: Edit}]
      """, at: "4:24", ["unknown key 'ulr' in 'source' of the catalog"],
      hint: "did you mean 'url'?"),
    DecodingErrorCase(
      "far-off key lists the allowed keys",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name: Edit
          colour: red
      """, at: "7:5", ["unknown key 'colour'"], hint: "allowed keys: id, name, aliases"),
    DecodingErrorCase(
      "missing title",
      """
      kind: Catalog
      system: justworks
      permissions: [{id: edit, name: Edit}]
      """, at: "1:1", ["the catalog is missing the required key 'title'"]),
    DecodingErrorCase(
      "missing permissions",
      """
      kind: Catalog
      system: justworks
      title: Test
      """, at: "1:1", ["the catalog is missing the required key 'permissions'"]),
    DecodingErrorCase(
      "missing kind",
      """
      system: justworks
      title: Test
      permissions: [{id: edit, name: Edit}]
      """, at: "1:1", ["the catalog is missing the required key 'kind'"]),
    DecodingErrorCase(
      "missing system",
      """
      kind: Catalog
      title: Test
      permissions: [{id: edit, name: Edit}]
      """, at: "1:1", ["the catalog is missing the required key 'system'"]),
    DecodingErrorCase(
      "permission without name",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          risk: high
      """, at: "5:5", ["permission 'edit' is missing the required key 'name'"]),
    DecodingErrorCase(
      "permission without id",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - name: Edit
      """, at: "5:5", ["a permission is missing the required key 'id'"]),
    DecodingErrorCase(
      "kind Policy",
      """
      kind: Policy
      system: justworks
      title: Test
      permissions: [{id: edit, name: Edit}]
      """, at: "1:7", ["expected a document of kind 'Catalog'", "found kind 'Policy'"]),
    DecodingErrorCase(
      "a whole policy document", fixturePolicyYAML,
      at: "1:7", ["expected a document of kind 'Catalog'", "found kind 'Policy'"]),
    DecodingErrorCase(
      "document that is a list",
      """
      - kind: Catalog
      """, at: "1:1", ["the catalog must be a mapping", "found a list"]),
    DecodingErrorCase(
      "empty permission list",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions: []
      """, at: "4:14", ["'permissions' must be a non-empty list"]),
    DecodingErrorCase(
      "system not an identifier",
      """
      kind: Catalog
      system: Just Works
      title: Test
      permissions: [{id: edit, name: Edit}]
      """, at: "2:9", ["system 'Just Works' must be lowercase"]),
    DecodingErrorCase(
      "permission id not an identifier",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: Edit-Settings
          name: Edit
      """, at: "5:9", ["permission id 'Edit-Settings' must be lowercase"]),
    DecodingErrorCase(
      "attribute name not an identifier",
      """
      kind: Catalog
      system: justworks
      title: Test
      attributes:
        Member Type: {type: string}
      permissions: [{id: edit, name: Edit}]
      """, at: "5:3", ["attribute name 'Member Type' must be lowercase"]),
    DecodingErrorCase(
      "attributes given as a list",
      """
      kind: Catalog
      system: justworks
      title: Test
      attributes: [member_type]
      permissions: [{id: edit, name: Edit}]
      """, at: "4:13", ["'attributes' must map attribute names to their types", "a list"]),
    DecodingErrorCase(
      "bad attribute type with suggestion",
      """
      kind: Catalog
      system: justworks
      title: Test
      attributes:
        work_email: {type: emial}
      permissions: [{id: edit, name: Edit}]
      """, at: "5:22",
      ["'type' of attribute 'work_email' must be one of string, boolean, email, date", "'emial'"],
      hint: "did you mean 'email'?"),
    DecodingErrorCase(
      "bad risk with suggestion",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name: Edit
          risk: hihg
      """, at: "7:11",
      ["'risk' of permission 'edit' must be one of low, medium, high, critical", "'hihg'"],
      hint: "did you mean 'high'?"),
    DecodingErrorCase(
      "bad access with suggestion",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name: Edit
          access: wirte
      """, at: "7:13", ["'access' of permission 'edit' must be one of read, write, admin"],
      hint: "did you mean 'write'?"),
    DecodingErrorCase(
      "duplicate permission ids",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name: Edit
        - id: edit
          name: Edit again
      """, at: "7:9", ["permission id 'edit' is declared twice", "first at line 5"]),
    DecodingErrorCase(
      "alias reads like another permission's name",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: upload_documents
          name: "Upload & view all documents"
        - id: view_documents
          name: View documents
          aliases: [View documents only, "upload AND  View all Documents"]
      """, at: "9:36",
      [
        "'upload AND  View all Documents' of permission 'view_documents'",
        "reads the same as a spelling of 'upload_documents'",
      ], hint: "each name and alias must match one permission only"),
    DecodingErrorCase(
      "names differing only in case and spaces",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit_settings
          name: Edit company settings
        - id: edit_company
          name: edit Company  Settings
      """, at: "8:11", ["reads the same as a spelling of 'edit_settings'"]),
    DecodingErrorCase(
      "name equal to another permission's id",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name: Edit settings
        - id: edit_all
          name: EDIT
      """, at: "8:11", ["'EDIT' of permission 'edit_all'", "a spelling of 'edit'"]),
    DecodingErrorCase(
      "implies names an unknown id",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: manage_employees
          name: Manage employees
        - id: edit_settings
          name: Edit settings
          implies: [manage_employees, manage_employee]
      """, at: "9:33",
      ["'implies' names 'manage_employee'", "not a permission of this catalog"],
      hint: "did you mean 'manage_employees'?"),
    DecodingErrorCase(
      "implies given as text",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name: Edit
          implies: manage_employees
      """, at: "7:14", ["'implies' of permission 'edit' must be a list", "found a string"]),
    DecodingErrorCase(
      "null alias",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name: Edit
          aliases: [~]
      """, at: "7:15", ["an item of 'aliases' of permission 'edit' must not be empty"]),
    DecodingErrorCase(
      "null name",
      """
      kind: Catalog
      system: justworks
      title: Test
      permissions:
        - id: edit
          name:
      """, at: "6:9", ["'name' of permission 'edit' must not be empty"]),
  ]

  @Test(arguments: errorCases)
  func rejects(_ errorCase: DecodingErrorCase) {
    expectInputError(errorCase) { _ = try decodeCatalog(errorCase.text) }
  }

  @Test func errorsNameTheFile() {
    expectInputError(at: "3:1", ["unknown key"], file: "catalogs/justworks.yaml") {
      _ = try decodeCatalog(
        "kind: Catalog\nsystem: justworks\ntitel: Test\n", file: "catalogs/justworks.yaml")
    }
  }
}
