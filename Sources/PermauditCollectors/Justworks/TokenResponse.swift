import Foundation

/// The token endpoint's answer (RFC 6749 §5.1): `access_token`, and optionally a rotated
/// `refresh_token` and the granted `scope` (space-separated).
struct TokenResponse {
  var accessToken: Secret
  var refreshToken: Secret?
  var scopes: [String]?

  init(_ body: [UInt8]) throws(CollectionError) {
    guard let object = JSONBody.object(body) else {
      throw .malformedResponse(
        source: "Justworks", "POST /oauth/token returned malformed JSON")
    }
    guard let access = object["access_token"] as? String, !access.isEmpty else {
      throw .malformedResponse(
        source: "Justworks", "POST /oauth/token returned no access_token")
    }
    accessToken = Secret(access)
    refreshToken = (object["refresh_token"] as? String).flatMap {
      $0.isEmpty ? nil : Secret($0)
    }
    if let scope = object["scope"] as? String {
      scopes = scope.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    } else if let list = object["scope"] as? [String] {
      scopes = list
    }
  }
}

/// The `error` code of an OAuth error answer, when it is one of RFC 6749's: only these
/// fixed words are ever quoted, never the server's free text.
enum OAuthErrorCode {
  static let known: Set<String> = [
    "invalid_request", "invalid_client", "invalid_grant", "unauthorized_client",
    "unsupported_grant_type", "invalid_scope",
  ]

  static func read(_ body: [UInt8]) -> String? {
    guard let code = JSONBody.object(body)?["error"] as? String, known.contains(code) else {
      return nil
    }
    return code
  }
}

/// JSON answers parsed with Foundation.
enum JSONBody {
  static func object(_ body: [UInt8]) -> [String: Any]? {
    try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
  }
}
