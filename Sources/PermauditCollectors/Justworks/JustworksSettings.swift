import Foundation

/// How to reach the Justworks Partner API, from the environment (names fixed by issue 3):
/// `JUSTWORKS_CLIENT_ID`, `JUSTWORKS_CLIENT_SECRET`, `JUSTWORKS_REFRESH_TOKEN` (each also
/// as `<NAME>_FILE`) and `JUSTWORKS_API_URL`.
public struct JustworksSettings: Sendable {
  /// The production base URL, from Justworks' Partner API documentation.
  public static let productionURL = "https://public-api.justworks.com"

  public var baseURL: URL
  public var clientID: Credential
  public var clientSecret: Credential
  public var refreshToken: Credential

  public init(
    baseURL: URL, clientID: Credential, clientSecret: Credential, refreshToken: Credential
  ) {
    self.baseURL = baseURL
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.refreshToken = refreshToken
  }

  /// The settings in `environment`, checked.
  public static func from(environment: [String: String]) throws(CollectionError)
    -> JustworksSettings
  {
    let base = environment["JUSTWORKS_API_URL"].flatMap { $0.isEmpty ? nil : $0 }
    return JustworksSettings(
      baseURL: try ServiceURL.parse(base ?? productionURL, what: "JUSTWORKS_API_URL"),
      clientID: try Credential.read("JUSTWORKS_CLIENT_ID", from: environment),
      clientSecret: try Credential.read("JUSTWORKS_CLIENT_SECRET", from: environment),
      refreshToken: try Credential.read("JUSTWORKS_REFRESH_TOKEN", from: environment))
  }

  /// How provenance names this API: `justworks-api:<host>`.
  public var sourceName: String {
    "justworks-api:\(baseURL.host ?? "unknown")"
  }
}
