import Foundation

/// An authorized conversation with the Partner API: the OAuth 2.0 refresh-token grant at
/// `POST /oauth/token`, then GETs with the access token, refreshed once on a 401.
///
/// A refresh token the server rotates is saved back where it came from (its `_FILE`)
/// before anything else can fail, because the old one may no longer work.
struct JustworksSession {
  private(set) var settings: JustworksSettings
  let http: HTTPClient
  /// Called with a warning line (never holding a credential).
  let warn: @Sendable (String) -> Void
  private var accessToken: Secret?
  private var hasRefreshedOnUnauthorized = false
  /// The scopes the token response granted, or `nil` when it did not say.
  private(set) var grantedScopes: [String]?

  init(settings: JustworksSettings, http: HTTPClient, warn: @escaping @Sendable (String) -> Void) {
    self.settings = settings
    self.http = http
    self.warn = warn
  }

  /// Exchanges the refresh token for an access token.
  mutating func refresh() throws(CollectionError) {
    let fields = [
      ("grant_type", "refresh_token"),
      ("refresh_token", settings.refreshToken.secret.exposedValue),
      ("client_id", settings.clientID.secret.exposedValue),
      ("client_secret", settings.clientSecret.secret.exposedValue),
    ]
    let request = HTTPRequest(
      method: "POST", url: ServiceURL.appending("/oauth/token", to: settings.baseURL),
      headers: [
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
      ],
      body: Array(FormEncoding.encode(fields).utf8), isIdempotent: false)
    let response = try send(request)

    guard response.isSuccess else {
      if [400, 401, 403].contains(response.status) {
        let code = OAuthErrorCode.read(response.body).map { ", \($0)" } ?? ""
        throw .authentication(
          "Justworks refused the refresh-token grant (HTTP \(response.status)\(code)); check "
            + "JUSTWORKS_CLIENT_ID, JUSTWORKS_CLIENT_SECRET and JUSTWORKS_REFRESH_TOKEN "
            + "(a refresh token is single-use and expires)")
      }
      throw .network(source: "Justworks", statusError(request, response))
    }
    let token = try TokenResponse(response.body)
    accessToken = token.accessToken
    grantedScopes = token.scopes
    if let rotated = token.refreshToken, rotated != settings.refreshToken.secret {
      try saveRotated(rotated)
    }
  }

  private mutating func saveRotated(_ rotated: Secret) throws(CollectionError) {
    settings.refreshToken.secret = rotated
    switch settings.refreshToken.origin {
    case .file(let path):
      try SecretFile.replace(path, with: rotated)
    case .environment(let name):
      warn(
        "Justworks rotated the refresh token, but it came from \(name) and cannot be saved; "
          + "the next run needs the new one: use \(name)_FILE so permaudit can save it")
    }
  }

  /// `GET <base><path>` with the access token; a 401 triggers one refresh and one retry.
  mutating func get(_ path: String, query: [URLQueryItem] = []) throws(CollectionError)
    -> HTTPResponse
  {
    if accessToken == nil { try refresh() }
    let url = ServiceURL.appending(path, to: settings.baseURL, query: query)
    var response = try send(authorized(url))
    if response.status == 401 && !hasRefreshedOnUnauthorized {
      hasRefreshedOnUnauthorized = true
      try refresh()
      response = try send(authorized(url))
    }
    switch response.status {
    case 401:
      throw .authentication(
        "the Partner API refused the access token for GET \(url.path) even after a refresh")
    case 403:
      throw .authentication(
        "the token's scopes do not allow GET \(url.path) (HTTP 403); grant the scope it "
          + "needs (see the justworks-partner-api catalog)")
    default:
      return response
    }
  }

  private func authorized(_ url: URL) -> HTTPRequest {
    HTTPRequest(
      url: url,
      headers: [
        "Authorization": "Bearer \(accessToken?.exposedValue ?? "")",
        "Accept": "application/json",
      ])
  }

  private func send(_ request: HTTPRequest) throws(CollectionError) -> HTTPResponse {
    do {
      return try http.send(request)
    } catch {
      throw .network(source: "Justworks", error)
    }
  }

  func statusError(_ request: HTTPRequest, _ response: HTTPResponse) -> HTTPError {
    .status(
      method: request.method, path: request.loggedPath, status: response.status,
      attempts: response.attempts)
  }
}

/// `application/x-www-form-urlencoded` bodies.
enum FormEncoding {
  private static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  static func encode(_ fields: [(String, String)]) -> String {
    fields.map { name, value in
      escape(name) + "=" + escape(value)
    }.joined(separator: "&")
  }

  private static func escape(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
  }
}
