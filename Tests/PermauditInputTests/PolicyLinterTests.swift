import Foundation
import PermauditCore
import Testing

@testable import PermauditInput

/// A catalog and a policy for a system that no policies folder knows.
private let acmeCatalog = """
  kind: Catalog
  system: acme
  title: Acme
  permissions: [{id: admin, name: Admin}]

  """

private let acmePolicy = """
  kind: Policy
  id: acme-policy
  system: acme
  title: Acme policy
  steps:
    - id: access
      title: Access
      permissions: [{id: admin, reason: Needed}]

  """

@Suite struct PolicyLinterTests {
  @Test func shippedPoliciesLintWithoutErrors() throws {
    let policies = repositoryRoot() + "/Policies"
    let files = PolicyLinter.files(under: [policies])
    #expect(files.contains("\(policies)/catalogs/justworks.yaml"))
    #expect(files.contains("\(policies)/goprofiles-justworks.yaml"))

    let results = PolicyLinter(library: PolicyLibrary(directory: policies)).lint(files)
    #expect(results.map(\.path) == files)
    for result in results {
      #expect(result.error == nil, "\(result.path): \(result.error?.description ?? "")")
      #expect(result.warnings.isEmpty, "\(result.path): \(result.warnings)")
    }
    let summaries = results.compactMap(\.summary)
    #expect(summaries.contains { $0.hasPrefix("catalog 'justworks', 9 permissions") })
    #expect(
      summaries.contains { $0.hasPrefix("policy 'goprofiles-justworks', 3 steps, 17 requirements") }
    )
  }

  @Test func filesUnderAFolderAreItsCatalogsAndPoliciesInNameOrder() throws {
    try withTemporaryFolder { folder in
      try folder.write("b.yaml", "")
      try folder.write("a.json", "")
      try folder.write("catalogs/c.yml", "")
      try folder.write("README.md", "")
      try folder.write("notes.txt", "")
      let given = folder.path("given.txt")
      #expect(
        PolicyLinter.files(under: [folder.path, given]) == [
          folder.path("a.json"), folder.path("b.yaml"), folder.path("catalogs/c.yml"), given,
        ])
    }
  }

  @Test func brokenPolicyGivesALocatedError() throws {
    try withTemporaryFolder { folder in
      try folder.write("catalogs/justworks.yaml", fixtureCatalogYAML)
      let path = try folder.write(
        "broken.yaml",
        fixturePolicyYAML.replacingOccurrences(of: "manage_employees", with: "manage_employee"))
      let results = PolicyLinter(library: PolicyLibrary(directory: folder.path))
        .lint(PolicyLinter.files(under: [folder.path]))

      #expect(results.map(\.path) == [path, folder.path("catalogs/justworks.yaml")])
      let broken = try #require(results.first)
      let error = try #require(broken.error)
      #expect(!broken.isValid)
      #expect(error.location?.file == path)
      #expect(place(error.location) == "11:14")
      #expect(error.message.contains("permission 'manage_employee' is not in the 'justworks'"))
      #expect(error.hint == "did you mean 'manage_employees'?")
      #expect(results[1].isValid)
    }
  }

  @Test func catalogsInTheSameRunAreUsedForPolicies() throws {
    try withTemporaryFolder { folder in
      let policy = try folder.write("acme-policy.yaml", acmePolicy)
      let catalog = try folder.write("acme-catalog.yaml", acmeCatalog)
      let emptyLibrary = PolicyLibrary(directory: try folder.makeFolder("empty"))
      let linter = PolicyLinter(library: emptyLibrary)

      let results = linter.lint([policy, catalog])
      #expect(results.map(\.path) == [policy, catalog])
      #expect(results.map(\.error) == [nil, nil])
      #expect(results[0].summary == "policy 'acme-policy', 1 step, 1 requirement")
      #expect(results[1].summary == "catalog 'acme', 1 permissions, 0 attributes")

      let alone = try #require(linter.lint([policy]).first?.error)
      #expect(alone.message.contains("no catalog for system 'acme'"))
    }
  }

  @Test func catalogOfTheLibraryIsUsedWhenNotLinted() throws {
    try withTemporaryFolder { folder in
      try folder.write("catalogs/acme.yaml", acmeCatalog)
      let policy = try folder.write("elsewhere/acme-policy.yaml", acmePolicy)
      let results = PolicyLinter(library: PolicyLibrary(directory: folder.path)).lint([policy])
      #expect(results.map(\.isValid) == [true])
    }
  }

  @Test func cycleIsAWarningNotAnError() throws {
    try withTemporaryFolder { folder in
      let path = try folder.write(
        "cyclic.yaml",
        """
        kind: Catalog
        system: acme
        title: Acme
        permissions:
          - {id: admin, name: Admin, implies: [owner]}
          - {id: owner, name: Owner, implies: [admin]}
        """)
      let result = try #require(
        PolicyLinter(library: PolicyLibrary(directory: folder.path)).lint([path]).first)
      #expect(result.isValid)
      #expect(result.warnings.count == 1)
      #expect(place(result.warnings.first?.location) == "5:5")
      #expect(result.warnings.first?.location?.file == path)
    }
  }

  @Test(arguments: [
    DecodingErrorCase(
      "an evidence document",
      "system: acme\ncollected_at: 2026-12-01T09:00:00Z\nsource: x\naccount: {id: a}\n",
      at: "1:1", ["not a catalog or policy: 'kind' must be 'Catalog' or 'Policy'"]),
    DecodingErrorCase(
      "a misspelt kind", "kind: Catalogue\nsystem: acme\n",
      at: "1:1", ["not a catalog or policy"]),
    DecodingErrorCase(
      "unparsable YAML", "kind: Catalog\nsystem: [acme\n", at: "3:1", []),
    DecodingErrorCase(
      "a broken catalog", "kind: Catalog\nsystem: acme\ntitel: Acme\n",
      at: "3:1", ["unknown key 'titel' in the catalog"], hint: "did you mean 'title'?"),
  ])
  func rejects(_ errorCase: DecodingErrorCase) throws {
    try withTemporaryFolder { folder in
      let path = try folder.write("file.yaml", errorCase.text)
      let results = PolicyLinter(library: PolicyLibrary(directory: folder.path)).lint([path])
      let error = try #require(results.first?.error)
      #expect(error.location?.file == path)
      #expect(place(error.location) == errorCase.place, "\(error)")
      for word in errorCase.words {
        #expect(error.message.contains(word), "\(error)")
      }
      if let hint = errorCase.hint {
        #expect(error.hint?.contains(hint) == true, "\(error)")
      }
    }
  }

  @Test func missingFileIsAnError() throws {
    try withTemporaryFolder { folder in
      let missing = folder.path("missing.yaml")
      let results = PolicyLinter(library: PolicyLibrary(directory: folder.path)).lint([missing])
      #expect(results.count == 1)
      #expect(results.first?.error?.message.contains("'\(missing)' does not exist") == true)
    }
  }
}
