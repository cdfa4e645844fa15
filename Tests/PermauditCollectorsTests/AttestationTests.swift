import Foundation
import PermauditCore
import Testing

@testable import PermauditCollectors

@Suite struct AttestationTests {
  static let catalog = Catalog(
    system: "demo", title: "Demo",
    attributes: [
      AttributeDefinition(name: "admin", type: .boolean, label: "Admin"),
      AttributeDefinition(name: "email", type: .email),
    ],
    permissions: [
      PermissionDefinition(id: "a", name: "Alpha", group: "First"),
      PermissionDefinition(id: "b", name: "Beta", group: "Second"),
      PermissionDefinition(id: "c", name: "Gamma", group: "First"),
    ])

  static let policy = Policy(
    id: "demo", system: "demo", title: "Demo",
    steps: [
      PolicyStep(
        id: "one", title: "Account",
        attributes: [
          AttributeRequirement(attribute: "admin", rule: .any),
          AttributeRequirement(attribute: "email", rule: .any),
        ]),
      PolicyStep(
        id: "two", title: "Permissions",
        permissions: [PermissionRequirement(id: "b", reason: "needed")]),
    ])

  @Test func asksAttributesThenThePermissionScreenByGroupInCatalogOrder() {
    let plan = AttestationPlan(policy: Self.policy, catalog: Self.catalog)
    #expect(
      plan.sections.map(\.title) == [
        "Account", "Permissions · First", "Permissions · Second", "Permissions · anything else",
      ])
    #expect(
      plan.questions.map(\.prompt).filter { $0.hasPrefix("Holds") } == [
        "Holds 'Alpha'? [yes/no]", "Holds 'Gamma'? [yes/no]", "Holds 'Beta'? [yes/no]",
      ])
  }

  @Test func recordsAnswersAsEvidenceOnlyWhenComplete() throws {
    var recorder = AttestationRecorder(
      plan: AttestationPlan(policy: Self.policy, catalog: Self.catalog))
    let time = Date(timeIntervalSince1970: 0)
    for answer in ["yes", "svc@example.com", "y", "no", "no"] {
      try recorder.answer(answer)
      #expect(recorder.evidence(accountID: "x", attestor: "me", at: time) == nil)
    }
    try recorder.answer("Delta, Epsilon")
    let evidence = try #require(recorder.evidence(accountID: "x", attestor: "me", at: time))
    #expect(evidence.source == "attestation:me")
    #expect(evidence.permissions == ["Alpha", "Delta", "Epsilon"])
    #expect(evidence.attributes.map(\.1) == [.bool(true), .string("svc@example.com")])
  }

  @Test(arguments: ["", "maybe"])
  func refusesAnswersThatDoNotFit(answer: String) {
    var recorder = AttestationRecorder(
      plan: AttestationPlan(policy: Self.policy, catalog: Self.catalog))
    #expect(throws: AttestationAnswerError.self) { try recorder.answer(answer) }
    #expect(recorder.answered == 0)
  }

  @Test func aDashMeansEmpty() throws {
    var recorder = AttestationRecorder(
      plan: AttestationPlan(policy: Self.policy, catalog: Self.catalog))
    try recorder.answer("-")
    try recorder.answer("-")
    #expect(throws: AttestationAnswerError.self) { try recorder.answer("-") }
  }

  /// "No" to "other permissions held?" means none, not a permission called "no".
  @Test(arguments: ["-", "no", "No", "none"])
  func noOtherPermissionsIsNotAPermissionName(answer: String) throws {
    var recorder = AttestationRecorder(
      plan: AttestationPlan(policy: Self.policy, catalog: Self.catalog))
    for earlier in ["yes", "svc@example.com", "y", "no", "no"] { try recorder.answer(earlier) }
    try recorder.answer(answer)
    let evidence = try #require(
      recorder.evidence(accountID: "x", attestor: "me", at: Date(timeIntervalSince1970: 0)))
    #expect(evidence.permissions == ["Alpha"])
  }
}
