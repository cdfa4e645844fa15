import Foundation
import PermauditCore
import Testing

@testable import PermauditInput

/// A policies folder with `test-policy.yaml`, `other-policy.json`, a README and the
/// fixture catalog under `catalogs/justworks.yaml`.
private func makeLibraryFolder(_ folder: TemporaryFolder) throws {
  try folder.write("test-policy.yaml", fixturePolicyYAML)
  try folder.write(
    "other-policy.json",
    """
    {"kind": "Policy", "id": "other-policy", "system": "justworks", "title": "Other",
     "steps": [{"id": "s", "title": "S",
                "permissions": [{"id": "edit_company_settings", "reason": "Needed"}]}]}
    """)
  try folder.write("README.md", "Policies live here.")
  try folder.write("catalogs/justworks.yaml", fixtureCatalogYAML)
}

@Suite struct PolicyLibraryTests {
  // MARK: - Finding policies

  @Test func findsAPolicyByIDWithItsCatalog() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      let loaded = try PolicyLibrary(directory: folder.path).loadPolicy("test-policy")
      #expect(loaded.policy.id == "test-policy")
      #expect(loaded.catalog.system == "justworks")
      #expect(
        loaded.policyFile
          == FileDigest(
            path: "\(folder.path)/test-policy.yaml", sha256: Digest.sha256(fixturePolicyYAML)))
      #expect(
        loaded.catalogFile
          == FileDigest(
            path: "\(folder.path)/catalogs/justworks.yaml",
            sha256: Digest.sha256(fixtureCatalogYAML)))
      #expect(loaded.warnings.isEmpty)
    }
  }

  @Test func findsJSONAndYMLPoliciesByID() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      try folder.write("third.yml", fixturePolicyYAML)
      let library = PolicyLibrary(directory: folder.path)
      #expect(try library.loadPolicy("other-policy").policy.id == "other-policy")
      #expect(try library.loadPolicy("third").policyFile.path == "\(folder.path)/third.yml")
    }
  }

  @Test func listsAvailablePolicyIDs() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      #expect(
        PolicyLibrary(directory: folder.path).availablePolicyIDs() == [
          "other-policy", "test-policy",
        ])
    }
  }

  @Test func unknownIDSuggestsTheClosestID() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      expectInputError(
        at: "none", ["no policy 'test-polcy' in '\(folder.path)'"],
        hint: "did you mean 'test-policy'?"
      ) {
        _ = try PolicyLibrary(directory: folder.path).loadPolicy("test-polcy")
      }
    }
  }

  @Test func unknownIDListsTheAvailableIDs() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      expectInputError(
        at: "none", ["no policy 'zzz'"], hint: "available: other-policy, test-policy"
      ) {
        _ = try PolicyLibrary(directory: folder.path).loadPolicy("zzz")
      }
    }
  }

  @Test func unknownIDInAnEmptyFolderSaysWhatToDo() throws {
    try withTemporaryFolder { folder in
      expectInputError(at: "none", ["no policy 'zzz'"], hint: "pass a policy file's path") {
        _ = try PolicyLibrary(directory: folder.path).loadPolicy("zzz")
      }
    }
  }

  @Test func pathReferenceIsReadAsGiven() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      let path = try folder.write("elsewhere/mine.yaml", fixturePolicyYAML)
      let loaded = try PolicyLibrary(directory: folder.path).loadPolicy(path)
      #expect(loaded.policyFile.path == path)
      #expect(loaded.catalogFile.path == "\(folder.path)/catalogs/justworks.yaml")
    }
  }

  @Test func missingPolicyFileIsAnError() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      let missing = folder.path("nope.yaml")
      expectInputError(at: "none", ["policy file '\(missing)' does not exist"]) {
        _ = try PolicyLibrary(directory: folder.path).loadPolicy(missing)
      }
    }
  }

  @Test func policyErrorIsLocatedInThePolicyFile() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      let path = try folder.write(
        "broken.yaml", fixturePolicyYAML.replacingOccurrences(of: "manage_employees", with: "x"))
      expectInputError(
        at: "11:14", ["permission 'x' is not in the 'justworks' catalog"], file: path
      ) {
        _ = try PolicyLibrary(directory: folder.path).loadPolicy("broken")
      }
    }
  }

  @Test func systemThatIsNotAnIdentifierIsLocatedInThePolicy() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      let path = try folder.write(
        "escape.yaml",
        fixturePolicyYAML.replacingOccurrences(
          of: "system: justworks", with: "system: ../catalogs/justworks"))
      expectInputError(
        at: "3:9", ["system '../catalogs/justworks' must be lowercase"], file: path
      ) {
        _ = try PolicyLibrary(directory: folder.path).loadPolicy("escape")
      }
    }
  }

  // MARK: - Finding catalogs

  @Test func findsAJSONCatalogBySystem() throws {
    try withTemporaryFolder { folder in
      try folder.write("test-policy.yaml", fixturePolicyYAML)
      try folder.write(
        "catalogs/justworks.json",
        """
        {"kind": "Catalog", "system": "justworks", "title": "JSON catalog",
         "permissions": [{"id": "manage_employees", "name": "Manage employees"}],
         "attributes": {"member_type": {}}}
        """)
      let loaded = try PolicyLibrary(directory: folder.path).loadPolicy("test-policy")
      #expect(loaded.catalog.title == "JSON catalog")
    }
  }

  @Test func catalogOptionComesFirst() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      let override = try folder.write(
        "mine/catalog.yaml",
        fixtureCatalogYAML.replacingOccurrences(of: "Test catalog", with: "Override"))
      let library = PolicyLibrary(directory: folder.path, extraCatalogs: [override])
      let loaded = try library.loadPolicy("test-policy")
      #expect(loaded.catalog.title == "Override")
      #expect(loaded.catalogFile.path == override)
    }
  }

  @Test func catalogOptionForAnotherSystemIsPassedOver() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      let other = try folder.write(
        "mine/bamboohr.yaml",
        "kind: Catalog\nsystem: bamboohr\ntitle: Other\npermissions: [{id: a, name: A}]\n")
      let library = PolicyLibrary(directory: folder.path, extraCatalogs: [other])
      let loaded = try library.loadPolicy("test-policy")
      #expect(loaded.catalog.title == "Test catalog")
    }
  }

  @Test func missingCatalogOptionFileIsAnError() throws {
    try withTemporaryFolder { folder in
      try makeLibraryFolder(folder)
      let missing = folder.path("none.yaml")
      expectInputError(at: "none", ["catalog file '\(missing)' does not exist"]) {
        _ = try PolicyLibrary(directory: folder.path, extraCatalogs: [missing])
          .loadPolicy("test-policy")
      }
    }
  }

  @Test func noCatalogIsAClearError() throws {
    try withTemporaryFolder { folder in
      try folder.write("test-policy.yaml", fixturePolicyYAML)
      expectInputError(
        at: "none", ["no catalog for system 'justworks' under '\(folder.path)/catalogs'"],
        hint: "add \(folder.path)/catalogs/justworks.yaml or pass --catalog PATH"
      ) {
        _ = try PolicyLibrary(directory: folder.path).loadPolicy("test-policy")
      }
    }
  }

  @Test func catalogErrorIsLocatedInTheCatalogFile() throws {
    try withTemporaryFolder { folder in
      try folder.write("test-policy.yaml", fixturePolicyYAML)
      let path = try folder.write(
        "catalogs/justworks.yaml",
        fixtureCatalogYAML.replacingOccurrences(of: "risk: high}", with: "risk: hihg}"))
      expectInputError(at: "13:68", ["'hihg'"], hint: "did you mean 'high'?", file: path) {
        _ = try PolicyLibrary(directory: folder.path).loadPolicy("test-policy")
      }
    }
  }

  @Test func catalogWarningsReachTheLoadedPolicy() throws {
    try withTemporaryFolder { folder in
      try folder.write("test-policy.yaml", fixturePolicyYAML)
      try folder.write(
        "catalogs/justworks.yaml",
        """
        kind: Catalog
        system: justworks
        title: Cyclic
        attributes: {member_type: {}}
        permissions:
          - {id: manage_employees, name: Manage employees, implies: [edit_employees]}
          - {id: edit_employees, name: Edit employees, implies: [manage_employees]}
        """)
      let loaded = try PolicyLibrary(directory: folder.path).loadPolicy("test-policy")
      #expect(loaded.warnings.count == 1)
      #expect(loaded.warnings.first?.message.contains("cycle") == true)
    }
  }
}

/// The files shipped under `Policies/`, which users and outside tests rely on (SPEC §4).
@Suite struct ShippedPolicyTests {
  static let guidePermissions: Set = [
    "edit_company_settings", "manage_employees", "view_all_employee_information",
    "view_basic_employee_information", "upload_and_view_all_documents",
    "view_invoices_and_reporting",
  ]

  private func loadShipped() throws -> LoadedPolicy {
    let policies = repositoryRoot() + "/Policies"
    return try PolicyLibrary(directory: policies).loadPolicy("goprofiles-justworks")
  }

  @Test func policyAndCatalogAreTheShippedFiles() throws {
    let loaded = try loadShipped()
    #expect(loaded.policyFile.path.hasSuffix("Policies/goprofiles-justworks.yaml"))
    #expect(loaded.catalogFile.path.hasSuffix("Policies/catalogs/justworks.yaml"))
    #expect(loaded.warnings.isEmpty)
  }

  @Test func catalogHasTheContractIDsAndNoImplies() throws {
    let catalog = try loadShipped().catalog
    #expect(catalog.system == "justworks")
    let ids = Set(catalog.permissions.map(\.id))
    let contractIDs: Set = Self.guidePermissions.union([
      "edit_employee_permissions", "manage_company_benefits", "manage_all_timecards",
    ])
    #expect(contractIDs.subtracting(ids).isEmpty, "missing: \(contractIDs.subtracting(ids))")
    let attributes = Set(catalog.attributes.map(\.name))
    let contractAttributes: Set = [
      "member_type", "admin_access", "first_name", "last_name", "title", "department",
      "office", "manager", "start_date", "work_email", "invitation",
    ]
    #expect(contractAttributes.subtracting(attributes).isEmpty)
    #expect(catalog.attribute(named: "admin_access")?.type == .boolean)
    #expect(catalog.attribute(named: "work_email")?.type == .email)
    #expect(catalog.permissions.allSatisfy { $0.implies.isEmpty })
  }

  @Test func policyRequiresExactlyTheSixGuidePermissions() throws {
    let policy = try loadShipped().policy
    let required = policy.permissionRequirements.map(\.requirement)
    #expect(required.count == 6)
    #expect(Set(required.map(\.id)) == Self.guidePermissions)
    for requirement in required {
      let reason = requirement.reason.trimmingCharacters(in: .whitespacesAndNewlines)
      let impact = requirement.impact?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      #expect(!reason.isEmpty, "\(requirement.id) has no reason")
      #expect(!impact.isEmpty, "\(requirement.id) has no impact")
    }
    let settings = try #require(required.first { $0.id == "edit_company_settings" })
    #expect(settings.overgrant?.contains("EDIT") == true)
  }

  @Test func policySettingsFollowTheGuide() throws {
    let policy = try loadShipped().policy
    #expect(policy.id == "goprofiles-justworks")
    #expect(policy.excess == .warn)
    for name in ["linking_first_name", "linking_work_email"] {
      #expect(policy.parameter(named: name)?.isRequired == true, "\(name)")
    }
    #expect(policy.parameter(named: "linking_work_email")?.type == .email)
  }
}
