import Foundation

/// Collects evidence from the Justworks Partner API for one of two catalogs:
///
/// - `justworks`: the service account's member record, found by work email or member id
///   (`justworks:<work email or member id>`), mapped by ``MemberMapping``;
/// - `justworks-partner-api`: the scopes granted to the OAuth token, as permissions of the
///   account the part after `justworks:` names (the token itself; no member is looked up).
public struct JustworksCollector: Sendable {
  /// The systems this collector can produce evidence for.
  public static let systems = ["justworks", "justworks-partner-api"]

  let settings: JustworksSettings
  let http: HTTPClient
  let warn: @Sendable (String) -> Void
  let clock: @Sendable () -> Date

  public init(
    settings: JustworksSettings, http: HTTPClient,
    warn: @escaping @Sendable (String) -> Void = { _ in },
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.settings = settings
    self.http = http
    self.warn = warn
    self.clock = clock
  }

  /// The evidence document for `target` in `system`.
  public func collect(target: String, system: String) throws(CollectionError)
    -> CollectedEvidence
  {
    guard Self.systems.contains(system) else {
      throw .configuration(
        "the Justworks collector has no evidence for system '\(system)' (it collects for "
          + Self.systems.joined(separator: " and ") + ")")
    }
    var session = JustworksSession(settings: settings, http: http, warn: warn)
    try session.refresh()

    if system == "justworks-partner-api" {
      return CollectedEvidence(
        system: system, collectedAt: clock(), source: settings.sourceName + "/oauth/token",
        accountID: target, permissions: session.grantedScopes)
    }
    let member = try MemberDirectory.find(target, in: &session)
    guard let id = member["id"] as? String, !id.isEmpty else {
      throw .malformedResponse(source: "Justworks", "the member record has no 'id'")
    }
    return CollectedEvidence(
      system: system, collectedAt: clock(), source: settings.sourceName, accountID: id,
      attributes: MemberMapping.attributes(of: member))
  }
}
