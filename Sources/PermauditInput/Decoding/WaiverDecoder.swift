import Foundation
import PermauditCore

/// Decodes a waivers file (`kind: Waivers`), as strictly as a policy: unknown keys, missing
/// fields, unknown finding kinds, bad dates and duplicates are located errors.
///
/// ```yaml
/// kind: Waivers
/// waivers:
///   - account: m_7302            # or "*" for every account
///     kind: excess_permission
///     subject: edit_employee_permissions
///     reason: Needed for the payroll migration until March.
///     owner: hr-systems@contoso.example
///     approved_by: security@contoso.example
///     expires: 2027-03-31        # the last day it applies (UTC), or an RFC 3339 time
/// ```
public enum WaiverDecoder {
  static let topLevelKeys = ["kind", "description", "waivers"]
  static let waiverKeys = [
    "account", "kind", "subject", "reason", "owner", "approved_by", "expires",
  ]

  /// The waivers in `node`, in file order, with their subjects resolved by `subjects`
  /// (display names to identifiers) before repeats are looked for: `Title` and `title`
  /// are one waiver written twice.
  public static func decode(_ node: Node, subjects: WaiverSubjects? = nil) throws(InputError)
    -> [Waiver]
  {
    try DocumentKind.expect("Waivers", in: node, context: "the waivers file")
    let root = try MappingReader(node, context: "the waivers file", allowedKeys: topLevelKeys)
    try DocumentKind.expect("Waivers", in: root)
    _ = try root.optionalText("description")
    let list = try root.required("waivers")
    if case .null = list.value { return [] }
    guard case .sequence(let items) = list.value else {
      throw InputError(
        "'waivers' must be a list of waivers, found \(list.value.kindDescription)",
        at: list.location)
    }

    var waivers: [Waiver] = []
    for (position, item) in items.enumerated() {
      var waiver = try decodeWaiver(item, number: position + 1)
      if let subjects { waiver = subjects.resolved(waiver) }
      if let earlier = waivers.first(where: {
        $0.account == waiver.account && $0.kind == waiver.kind && $0.subject == waiver.subject
      }) {
        throw InputError(
          "waiver \(position + 1) repeats the waiver at \(earlier.origin) (\(waiver.summary))",
          at: item.location, hint: "keep one waiver per account, kind and subject")
      }
      waivers.append(waiver)
    }
    return waivers
  }

  /// Reads and decodes the waivers file at `path`; see ``decode(_:subjects:)``.
  public static func load(_ path: String, subjects: WaiverSubjects? = nil) throws(InputError)
    -> LoadedWaivers
  {
    let file = try InputFile.read(path, what: "waivers file")
    let node = try DocumentReader.readOne(file.bytes, file: file.path)
    return LoadedWaivers(
      waivers: try decode(node, subjects: subjects),
      file: FileDigest(path: file.path, sha256: file.sha256))
  }

  private static func decodeWaiver(_ node: Node, number: Int) throws(InputError) -> Waiver {
    let reader = try MappingReader(node, context: "waiver \(number)", allowedKeys: waiverKeys)
    let kindNode = try reader.required("kind")
    guard try Scalars.text(kindNode, field: "'kind' of waiver \(number)") != "expired_waiver"
    else {
      throw InputError(
        "waiver \(number) cannot waive 'expired_waiver'", at: reader.location(of: "kind"),
        hint: "renew the expired waiver instead")
    }
    let kind: FindingKind = try Scalars.choice(
      kindNode, field: "'kind' of waiver \(number)",
      among: FindingKind.allCases.filter { $0 != .expiredWaiver })
    let expiresText = try reader.text("expires")
    guard let expiresAt = expiry(of: expiresText) else {
      throw InputError(
        "'expires' of waiver \(number) must be a date such as 2027-03-31 or a time with a "
          + "zone such as 2027-03-31T17:00:00Z, found '\(expiresText)'",
        at: reader.location(of: "expires"))
    }
    return Waiver(
      account: try nonEmpty(reader, "account"), kind: kind,
      subject: try nonEmpty(reader, "subject"), reason: try nonEmpty(reader, "reason"),
      owner: try nonEmpty(reader, "owner"), approvedBy: try nonEmpty(reader, "approved_by"),
      expiresText: expiresText, expiresAt: expiresAt, origin: node.location.description)
  }

  /// Text under `key`, trimmed; an error when it is missing or blank.
  private static func nonEmpty(_ reader: MappingReader, _ key: String) throws(InputError)
    -> String
  {
    let text = try reader.text(key).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else {
      throw InputError(
        "'\(key)' of \(reader.context) must not be blank", at: reader.location(of: key))
    }
    return text
  }

  /// The first instant a waiver no longer applies: the day after a `YYYY-MM-DD` date
  /// (so the date itself is the last day, in UTC), or the time itself.
  static func expiry(of text: String) -> Date? {
    let isDate =
      text.utf8.count == 10
      && text.utf8.enumerated().allSatisfy { offset, byte in
        offset == 4 || offset == 7 ? byte == 0x2D : (0x30...0x39).contains(byte)
      }
    guard isDate else { return Timestamp.parse(text) }
    return Timestamp.parse(text + "T00:00:00Z").map { $0.addingTimeInterval(86_400) }
  }
}

/// Waivers read from a file, with the file's digest for the reports.
public struct LoadedWaivers: Sendable {
  public var waivers: [Waiver]
  public var file: FileDigest
}
