import Foundation

/// Live evidence sources (SPEC §5): `justworks:<work email or member id>` and
/// `https://…` references become evidence bytes, which are then read like a file.
public struct LiveEvidence: Sendable {
  public var environment: [String: String]
  public var http: HTTPClient
  /// Receives warnings (a rotated refresh token that cannot be saved).
  public var warn: @Sendable (String) -> Void
  public var clock: @Sendable () -> Date

  public init(
    environment: [String: String], http: HTTPClient,
    warn: @escaping @Sendable (String) -> Void = { _ in },
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.environment = environment
    self.http = http
    self.warn = warn
    self.clock = clock
  }

  /// Whether `reference` names a live source rather than a path.
  public static func isLive(_ reference: String) -> Bool {
    reference.hasPrefix("justworks:") || reference.contains("://")
  }

  /// How `reference` is shown in messages and provenance: a URL without user information,
  /// query or fragment.
  public static func displayName(of reference: String) -> String {
    guard var components = URLComponents(string: reference), components.host != nil else {
      return reference.hasPrefix("justworks:") ? reference : "the evidence URL"
    }
    components.user = nil
    components.password = nil
    components.query = nil
    components.fragment = nil
    return components.string ?? "the evidence URL"
  }

  /// The evidence bytes behind `reference`, for the catalog of `system`.
  public func collect(_ reference: String, system: String) throws(CollectionError) -> [UInt8] {
    if reference.hasPrefix("justworks:") {
      let target = String(reference.dropFirst("justworks:".count))
      guard !target.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw .configuration(
          "'justworks:' needs the service account's work email or member id, e.g. "
            + "justworks:svc@example.com")
      }
      let settings = try JustworksSettings.from(environment: environment)
      let collector = JustworksCollector(settings: settings, http: http, warn: warn, clock: clock)
      return Array(try collector.collect(target: target, system: system).json.utf8)
    }
    let scheme = reference.prefix { $0 != ":" }.lowercased()
    guard scheme == "https" || scheme == "http" else {
      throw .configuration(
        "evidence source '\(Self.displayName(of: reference))' has an unknown scheme; use a "
          + "path, https://… or justworks:…")
    }
    return try HTTPSEvidenceSource(http: http, environment: environment)
      .fetch(reference, shownAs: Self.displayName(of: reference))
  }
}
