import Testing

@testable import PermauditCore

/// Accounts and catalogs past the sizes the engine keeps inline: more than 64 documents,
/// more than 64 permissions, and more names than a list is scanned for.
@Suite struct LargeAccountTests {
  /// The default document, but from source `source-n` in file `evidence/n.json`.
  static func document(
    _ number: Int, permissions: [String]? = Fixtures.requiredPermissionNames,
    changing changes: [String: AttributeValue?] = [:]
  ) -> EvidenceDocument {
    Fixtures.document(
      source: "source-\(number)", origin: "evidence/\(number).json", changing: changes,
      permissions: permissions)
  }

  @Test func disputeAmongMoreThan64DocumentsNamesEachSide() throws {
    var documents = (0..<70).map { Self.document($0) }
    documents[67] = Self.document(
      67, permissions: Fixtures.requiredPermissionNames.filter { $0 != "Manage Employees" })
    documents[68] = Self.document(68, changing: ["last_name": .text("Integration User")])
    let result = try Fixtures.engine().evaluate(
      AccountEvidence(accountID: Fixtures.accountID, documents: documents))
    let provenance = documents.map(\.provenance)

    let permission = try expectSingleFinding(
      result, .conflictingEvidence, subject: "manage_employees")
    #expect(permission.evidence == provenance.filter { $0 != provenance[67] } + [provenance[67]])
    #expect(
      permission.actual?.hasSuffix("not held according to source-67 (evidence/67.json)") == true)

    let attribute = try expectSingleFinding(result, .conflictingEvidence, subject: "last_name")
    #expect(attribute.evidence == provenance.filter { $0 != provenance[68] } + [provenance[68]])
    #expect(result.evidence == provenance)
    let agreed = try #require(result.passed.first { $0.subject == "first_name" })
    #expect(agreed.evidence == provenance)
  }

  @Test func manyUnrecognizedNamesAcrossDocumentsAreEachReportedOnce() throws {
    let unknown = (0..<40).map { "Unknown permission \($0)" }
    let first = Self.document(1, permissions: Fixtures.requiredPermissionNames + unknown)
    let second = Self.document(
      2,
      permissions: unknown.reversed().map { $0.uppercased() } + Fixtures.requiredPermissionNames
        + ["Unknown permission 3"])
    let result = try Fixtures.evaluate(first, second)

    let unrecognized = result.findings(.unrecognizedPermission)
    #expect(unrecognized.map(\.subject) == unknown)
    #expect(unrecognized.allSatisfy { $0.evidence == [first.provenance, second.provenance] })
    expectNoFinding(result, .conflictingEvidence)
  }

  @Test func manyNamesOnlySomeDocumentsListAreDisputed() throws {
    let unknown = (0..<40).map { "Unknown permission \($0)" }
    let first = Self.document(1, permissions: Fixtures.requiredPermissionNames + unknown)
    let second = Self.document(2, permissions: Fixtures.requiredPermissionNames + unknown.prefix(5))
    let result = try Fixtures.evaluate(first, second)

    #expect(result.findings(.unrecognizedPermission).map(\.subject) == Array(unknown.prefix(5)))
    let disputed = result.findings(.conflictingEvidence)
    #expect(disputed.map(\.subject) == Array(unknown.dropFirst(5)))
    #expect(disputed.allSatisfy { $0.evidence == [first.provenance, second.provenance] })
  }

  /// 100 permissions; `p010` implies `p090`, and the risks rise with every 25.
  static let catalog = Catalog(
    system: Fixtures.system, title: "Large",
    permissions: (0..<100).map { position in
      let risks: [Risk] = [.low, .medium, .high, .critical]
      return PermissionDefinition(
        id: "p\(position)", name: "Permission \(position)", risk: risks[position / 25],
        implies: position == 10 ? ["p90"] : [])
    })

  @Test func permissionsBeyondTheFirst64WorkLikeAnyOther() throws {
    let policy = Policy(
      id: "large", system: Fixtures.system, title: "Large",
      steps: [
        PolicyStep(
          id: "permissions", title: "Permissions",
          permissions: [
            PermissionRequirement(id: "p90", reason: "Needed."),
            PermissionRequirement(id: "p95", reason: "Needed too."),
          ])
      ])
    let engine = AuditEngine(policy: policy, catalog: Self.catalog, now: Fixtures.now)
    let document = Self.document(
      1, permissions: ["Permission 80", "Permission 10", "p70", "Permission 5", "P99"])
    let result = try engine.evaluate(
      AccountEvidence(accountID: Fixtures.accountID, documents: [document]))

    let held = try #require(result.passed.first { $0.subject == "p90" })
    #expect(held.actual == "held through p10")
    try expectSingleFinding(result, .missingPermission, subject: "p95")
    #expect(
      result.findings(.excessPermission).map(\.subject) == ["p80", "p99", "p70", "p5", "p10"])
  }
}
