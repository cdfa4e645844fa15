import Foundation
import PermauditCore

/// A JSON value, written with keys in the order given, so that collected evidence reads
/// the way the SPEC shows it (`system`, `collected_at`, `source`, `account`, …).
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.rendered(indent: nil) == rhs.rendered(indent: nil)
  }

  /// The text, pretty-printed with two spaces, or on one line when `indent` is `nil`.
  public func rendered(indent: Int? = 0) -> String {
    var text = ""
    write(to: &text, indent: indent)
    return text
  }

  private func write(to text: inout String, indent: Int?) {
    let inner = indent.map { $0 + 2 }
    let newline = indent == nil ? "" : "\n"
    let pad = { (level: Int?) in String(repeating: " ", count: level ?? 0) }
    switch self {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    case .string(let value): text += JSONText.quoted(value)
    case .array(let items):
      guard !items.isEmpty else {
        text += "[]"
        return
      }
      text += "[" + newline
      for (index, item) in items.enumerated() {
        text += pad(inner)
        item.write(to: &text, indent: inner)
        text += (index + 1 < items.count ? "," : "") + newline
      }
      text += pad(indent) + "]"
    case .object(let entries):
      guard !entries.isEmpty else {
        text += "{}"
        return
      }
      text += "{" + newline
      for (index, entry) in entries.enumerated() {
        text += pad(inner) + JSONText.quoted(entry.0) + (indent == nil ? ":" : ": ")
        entry.1.write(to: &text, indent: inner)
        text += (index + 1 < entries.count ? "," : "") + newline
      }
      text += pad(indent) + "}"
    }
  }
}

/// One evidence document (SPEC §5) as collectors write it.
public struct CollectedEvidence: Sendable {
  public var system: String
  public var collectedAt: Date
  public var source: String
  public var accountID: String
  /// Account fields in the order they are written; absent fields are unknown.
  public var attributes: [(String, JSONValue)]
  /// Held permission names, or `nil` when the source cannot tell.
  public var permissions: [String]?

  public init(
    system: String, collectedAt: Date, source: String, accountID: String,
    attributes: [(String, JSONValue)] = [], permissions: [String]? = nil
  ) {
    self.system = system
    self.collectedAt = collectedAt
    self.source = source
    self.accountID = accountID
    self.attributes = attributes
    self.permissions = permissions
  }

  /// The document as JSON with a final newline.
  public var json: String {
    var entries: [(String, JSONValue)] = [
      ("system", .string(system)),
      ("collected_at", .string(Timestamp.format(collectedAt))),
      ("source", .string(source)),
      ("account", .object([("id", .string(accountID))] + attributes)),
    ]
    if let permissions {
      entries.append(("permissions", .array(permissions.map(JSONValue.string))))
    }
    return JSONValue.object(entries).rendered() + "\n"
  }
}
