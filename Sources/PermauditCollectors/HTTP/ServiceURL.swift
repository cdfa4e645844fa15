import Foundation

/// Checks the addresses that credentials are sent to: `https://`, or `http://` only on the
/// loopback interface (a local fake or sidecar), and never with user information in them.
public enum ServiceURL {
  /// The URL in `text`, checked.
  ///
  /// - Parameter what: how the message names the setting (`JUSTWORKS_API_URL`).
  public static func parse(_ text: String, what: String) throws(CollectionError) -> URL {
    guard let components = URLComponents(string: text), let scheme = components.scheme,
      let host = components.host, !host.isEmpty, let url = components.url
    else {
      throw .configuration("\(what) is not an http(s) URL")
    }
    guard components.user == nil, components.password == nil else {
      throw .configuration(
        "\(what) holds user information; give credentials through environment variables")
    }
    switch scheme.lowercased() {
    case "https": return url
    case "http" where isLoopback(host): return url
    case "http":
      throw .configuration(
        "\(what) uses plain http to '\(host)'; use https (plain http is allowed only on "
          + "loopback, for local tests)")
    default:
      throw .configuration("\(what) must use https, not '\(scheme)'")
    }
  }

  /// Whether `host` is this machine.
  public static func isLoopback(_ host: String) -> Bool {
    let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
    return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
  }

  /// `url` with `path` appended (one slash between) and `query` items, if any.
  static func appending(_ path: String, to url: URL, query: [URLQueryItem] = []) -> URL {
    guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
      return url
    }
    let base = components.percentEncodedPath
    components.percentEncodedPath =
      (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
    if !query.isEmpty { components.queryItems = query }
    return components.url ?? url
  }
}
