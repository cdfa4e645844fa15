import PermauditCore

/// The JSON fields of findings and waivers, shared by the JSON report and SARIF's property
/// bags so that both spell them the same way.
extension JSONWriter {
  /// A finding's fields, from its kind to its suggestion, in report order.
  ///
  /// - Parameter kindKey: the key the kind is written under (`finding_kind` in SARIF,
  ///   where `kind` means something else).
  mutating func findingFields(_ finding: Finding, kindKey: StaticString = "kind") {
    field(kindKey, finding.kind.rawValue)
    field("status", finding.status.rawValue)
    field("severity", finding.severity.rawValue)
    field("subject", finding.subject)
    field("step", finding.step)
    field("expected", finding.expected)
    field("actual", finding.actual)
    field("reason", finding.reason)
    field("impact", finding.impact)
    field("remediation", finding.remediation)
    field("risk", finding.risk?.rawValue)
    field("suggestion", finding.suggestion)
  }

  /// A waiver as an object, with whatever `extra` adds before it closes.
  mutating func waiverObject(_ waiver: Waiver, extra: (inout JSONWriter) -> Void = { _ in }) {
    beginObject()
    field("account", waiver.account)
    field("kind", waiver.kind.rawValue)
    field("subject", waiver.subject)
    field("reason", waiver.reason)
    field("owner", waiver.owner)
    field("approved_by", waiver.approvedBy)
    field("expires", waiver.expiresText)
    field("origin", waiver.origin)
    extra(&self)
    endObject()
  }
}
