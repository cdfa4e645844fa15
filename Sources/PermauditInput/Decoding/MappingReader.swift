import PermauditCore

/// Reads one mapping of an input document strictly: every key must be one the format
/// knows, so that a typo is an error with a suggestion instead of a silently skipped check.
struct MappingReader {
  let node: Node
  /// What the mapping is, for messages: "catalog", "permission 'edit_company_settings'".
  /// A caller may make it more precise once it has read the mapping's id.
  var context: String
  /// The entries in document order. Note: mappings here hold a dozen keys at most, where a
  /// linear search beats building a dictionary for every record of a batch.
  private let entries: [MappingEntry]
  /// The keys in document order.
  var keys: [String] { entries.map(\.key) }

  /// Reads `node` as a mapping whose keys are all in `allowedKeys`.
  init(_ node: Node, context: String, allowedKeys: [String]) throws(InputError) {
    guard case .mapping(let entries) = node.value else {
      throw InputError(
        "\(context) must be a mapping of keys to values, found \(node.value.kindDescription)",
        at: node.location)
    }
    for entry in entries where !allowedKeys.contains(entry.key) {
      let suggestion = Suggestion.closest(to: entry.key, among: allowedKeys)
      throw InputError(
        "unknown key '\(entry.key)' in \(context)", at: entry.keyLocation,
        hint: suggestion.map { "did you mean '\($0)'?" }
          ?? "allowed keys: \(allowedKeys.joined(separator: ", "))")
    }
    self.node = node
    self.context = context
    self.entries = entries
  }

  /// The value under `key`, if present (a present `null` is returned as a null node).
  func optional(_ key: String) -> Node? {
    entry(key)?.value
  }

  /// The value under `key`; an error naming the key when it is absent.
  func required(_ key: String) throws(InputError) -> Node {
    guard let value = entry(key)?.value else {
      throw InputError("\(context) is missing the required key '\(key)'", at: node.location)
    }
    return value
  }

  /// Text under `key`, required.
  func text(_ key: String) throws(InputError) -> String {
    try Scalars.text(required(key), field: "'\(key)' of \(context)")
  }

  /// Text under `key`, or `nil` when absent or null.
  func optionalText(_ key: String) throws(InputError) -> String? {
    guard let value = optional(key) else { return nil }
    return try Scalars.optionalText(value, field: "'\(key)' of \(context)")
  }

  /// A boolean under `key`, or `defaultValue` when absent.
  func boolean(_ key: String, default defaultValue: Bool) throws(InputError) -> Bool {
    guard let value = optional(key) else { return defaultValue }
    return try Scalars.boolean(value, field: "'\(key)' of \(context)")
  }

  /// A list of text under `key`, or `[]` when absent.
  func textList(_ key: String) throws(InputError) -> [String] {
    guard let value = optional(key) else { return [] }
    return try Scalars.textList(value, field: "'\(key)' of \(context)")
  }

  /// One of an enumeration's raw values under `key`, or `defaultValue` when absent.
  func choice<Choice: RawRepresentable & CaseIterable>(
    _ key: String, default defaultValue: Choice
  ) throws(InputError) -> Choice where Choice.RawValue == String {
    guard let value = optional(key) else { return defaultValue }
    return try Scalars.choice(value, field: "'\(key)' of \(context)")
  }

  /// Where the value under `key` is, or else where the mapping is.
  func location(of key: String) -> SourceLocation {
    entry(key)?.value.location ?? node.location
  }

  /// Where the key `key` itself is written.
  func keyLocation(of key: String) -> SourceLocation {
    entry(key)?.keyLocation ?? node.location
  }

  private func entry(_ key: String) -> MappingEntry? {
    entries.first { $0.key == key }
  }
}
