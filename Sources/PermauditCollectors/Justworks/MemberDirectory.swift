import Foundation

/// Finds one member of the company: by id with `GET /v1/members/{id}`, or by work email
/// (case-insensitively) by walking `GET /v1/members` with cursor pagination, 100 a page.
struct MemberDirectory {
  /// Pages read at most; a company with more members than this is not expected.
  static let maxPages = 10_000
  static let pageSize = 100

  /// The member `target` names: a work email when it contains `@`, otherwise a member id.
  static func find(_ target: String, in session: inout JustworksSession)
    throws(CollectionError) -> [String: Any]
  {
    let trimmed = target.trimmingCharacters(in: .whitespaces)
    return trimmed.contains("@")
      ? try find(email: trimmed, in: &session) : try find(id: trimmed, in: &session)
  }

  private static func find(id: String, in session: inout JustworksSession)
    throws(CollectionError) -> [String: Any]
  {
    let segment =
      id.addingPercentEncoding(
        withAllowedCharacters: .urlPathAllowed
          .subtracting(CharacterSet(charactersIn: "/"))) ?? id
    let response = try session.get("/v1/members/\(segment)")
    if response.status == 404 {
      throw .notFound("no Justworks member has id '\(id)' (check the id after 'justworks:')")
    }
    try check(response, path: "/v1/members/{id}", session: session)
    guard let member = JSONBody.object(response.body) else {
      throw malformed("GET /v1/members/{id} returned malformed JSON")
    }
    return member
  }

  private static func find(email: String, in session: inout JustworksSession)
    throws(CollectionError) -> [String: Any]
  {
    let wanted = email.lowercased()
    var matches: [[String: Any]] = []
    var cursor: String?
    var seenCursors: Set<String> = []
    var scanned = 0
    for _ in 0..<maxPages {
      var query = [URLQueryItem(name: "limit", value: String(pageSize))]
      if let cursor { query.append(URLQueryItem(name: "cursor", value: cursor)) }
      let response = try session.get("/v1/members", query: query)
      try check(response, path: "/v1/members", session: session)
      guard let page = JSONBody.object(response.body),
        let items = page["items"] as? [[String: Any]]
      else {
        throw malformed("GET /v1/members returned malformed JSON or no 'items' list")
      }
      scanned += items.count
      matches += items.filter { member in
        MemberMapping.workEmails(of: member).contains { $0.lowercased() == wanted }
      }
      guard let next = page["next_cursor"] as? String, !next.isEmpty else {
        return try single(matches, email: email, scanned: scanned)
      }
      guard seenCursors.insert(next).inserted else {
        throw malformed("GET /v1/members repeated a pagination cursor")
      }
      cursor = next
    }
    throw malformed("GET /v1/members did not end after \(maxPages) pages")
  }

  private static func single(_ matches: [[String: Any]], email: String, scanned: Int)
    throws(CollectionError) -> [String: Any]
  {
    guard let first = matches.first else {
      throw .notFound(
        "no Justworks member has the work email '\(email)' (searched \(scanned) members; "
          + "check the address after 'justworks:', or give the member id)")
    }
    guard matches.count == 1 else {
      throw .notFound(
        "\(matches.count) Justworks members have the work email '\(email)'; give the "
          + "member id instead")
    }
    return first
  }

  private static func check(
    _ response: HTTPResponse, path: String, session: JustworksSession
  ) throws(CollectionError) {
    guard response.isSuccess else {
      throw .network(
        source: "Justworks",
        .status(method: "GET", path: path, status: response.status, attempts: response.attempts))
    }
  }

  private static func malformed(_ message: String) -> CollectionError {
    .malformedResponse(source: "Justworks", message)
  }
}
