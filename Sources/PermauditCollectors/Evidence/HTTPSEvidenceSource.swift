import Foundation

/// Fetches an evidence document (JSON, YAML or JSON Lines) from an `https://` URL, with
/// `Authorization: Bearer <token>` when `PERMAUDIT_EVIDENCE_TOKEN` (or
/// `PERMAUDIT_EVIDENCE_TOKEN_FILE`) is set. The bytes are then read like a file.
public struct HTTPSEvidenceSource: Sendable {
  /// The environment variable holding the bearer token.
  public static let tokenVariable = "PERMAUDIT_EVIDENCE_TOKEN"

  let http: HTTPClient
  let environment: [String: String]

  public init(http: HTTPClient, environment: [String: String]) {
    self.http = http
    self.environment = environment
  }

  /// The answer's body; `shownAs` is the URL without query or user information.
  public func fetch(_ reference: String, shownAs: String) throws(CollectionError) -> [UInt8] {
    let url = try ServiceURL.parse(reference, what: "evidence URL '\(shownAs)'")
    var headers = ["Accept": "application/json, application/x-ndjson, application/yaml"]
    if let token = try bearerToken() {
      headers["Authorization"] = "Bearer \(token.exposedValue)"
    }
    let request = HTTPRequest(url: url, headers: headers)
    let response: HTTPResponse
    do {
      response = try http.send(request)
    } catch {
      throw .network(source: shownAs, error)
    }
    switch response.status {
    case 200..<300:
      return response.body
    case 401, 403:
      throw .authentication(
        "\(shownAs) answered HTTP \(response.status); check \(Self.tokenVariable)")
    default:
      throw .network(
        source: shownAs,
        .status(
          method: "GET", path: request.loggedPath, status: response.status,
          attempts: response.attempts))
    }
  }

  private func bearerToken() throws(CollectionError) -> Secret? {
    let names = [Self.tokenVariable, Self.tokenVariable + "_FILE"]
    guard names.contains(where: { !(environment[$0] ?? "").isEmpty }) else { return nil }
    return try Credential.read(Self.tokenVariable, from: environment).secret
  }
}
