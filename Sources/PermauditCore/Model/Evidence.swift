import Foundation

/// One evidence document: what one account is and holds, according to one source at one
/// time. Several documents about the same account are merged before evaluation.
public struct EvidenceDocument: Sendable, Equatable {
  public var system: String
  public var accountID: String
  public var provenance: Provenance
  /// Parameter values this document supplies for its own account.
  public var parameters: [String: String]
  /// Account fields this document states, typed by the catalog. A field that is absent
  /// here is unknown to this document; a field present with `.empty` is known to be empty.
  public var attributes: [String: AttributeValue]
  /// Permission names as written, or `nil` when this document does not say what the
  /// account holds (an empty list means it holds none).
  public var permissions: [String]?

  public init(
    system: String, accountID: String, provenance: Provenance,
    parameters: [String: String] = [:], attributes: [String: AttributeValue] = [:],
    permissions: [String]?
  ) {
    self.system = system
    self.accountID = accountID
    self.provenance = provenance
    self.parameters = parameters
    self.attributes = attributes
    self.permissions = permissions
  }
}

/// Where a piece of evidence came from and when it was true.
public struct Provenance: Sendable, Hashable {
  /// Who or what produced it: `attestation:it-admin@example.com`, `justworks-api`, ….
  public var source: String
  public var collectedAt: Date
  /// The file and line it was read from (`evidence/profile.json`, `batch.jsonl:12`).
  public var origin: String
  /// SHA-256 of the document's bytes, lowercase hex.
  public var sha256: String

  public init(source: String, collectedAt: Date, origin: String, sha256: String) {
    self.source = source
    self.collectedAt = collectedAt
    self.origin = origin
    self.sha256 = sha256
  }
}

/// A typed account field value.
public enum AttributeValue: Sendable, Hashable, CustomStringConvertible {
  /// Known to be empty (`null` in the evidence).
  case empty
  case text(String)
  case boolean(Bool)

  /// How the value reads in a report.
  public var description: String {
    switch self {
    case .empty: return "empty"
    case .text(let text): return text
    case .boolean(let value): return value ? "true" : "false"
    }
  }
}
