import PermauditCore

/// Typed reading of scalar nodes under the product's typing rules (SPEC §4, §6).
///
/// A YAML plain scalar keeps its text in a text field (`title: 1234` is "1234"); only the
/// YAML null forms mean null. In JSON, a number or boolean where text is expected is an
/// error, so that a value is never silently reinterpreted.
enum Scalars {
  /// Text; null is an error.
  static func text(_ node: Node, field: String) throws(InputError) -> String {
    guard let text = try optionalText(node, field: field) else {
      throw InputError("\(field) must not be empty (null)", at: node.location)
    }
    return text
  }

  /// Text, or `nil` for null.
  static func optionalText(_ node: Node, field: String) throws(InputError) -> String? {
    switch node.value {
    case .null: return nil
    case .string(let text), .plain(let text): return text
    case .number(let text):
      throw InputError(
        "\(field) must be text, found the number \(text)", at: node.location,
        hint: "quote it: \"\(text)\"")
    case .bool(let value):
      throw InputError(
        "\(field) must be text, found the boolean \(value)", at: node.location,
        hint: "quote it: \"\(value)\"")
    case .sequence, .mapping:
      throw InputError(
        "\(field) must be text, found \(node.value.kindDescription)", at: node.location)
    }
  }

  /// A boolean: `true`/`false`, or `yes`/`no`/`true`/`false` written as text in any case.
  static func boolean(_ node: Node, field: String) throws(InputError) -> Bool {
    switch node.value {
    case .bool(let value): return value
    case .string(let text), .plain(let text):
      switch text.lowercased() {
      case "true", "yes": return true
      case "false", "no": return false
      default:
        throw InputError(
          "\(field) must be true or false, found '\(text)'", at: node.location,
          hint: "write true, false, yes or no")
      }
    default:
      throw InputError(
        "\(field) must be true or false, found \(node.value.kindDescription)",
        at: node.location)
    }
  }

  /// A list of non-empty text values.
  static func textList(_ node: Node, field: String) throws(InputError) -> [String] {
    guard case .sequence(let items) = node.value else {
      throw InputError(
        "\(field) must be a list, found \(node.value.kindDescription)", at: node.location)
    }
    var texts: [String] = []
    texts.reserveCapacity(items.count)
    for item in items {
      texts.append(try text(item, field: "an item of \(field)"))
    }
    return texts
  }

  /// One of an enumeration's raw values, with a suggestion for a near miss. `among` limits
  /// the values accepted and listed (all of them unless given).
  static func choice<Choice: RawRepresentable & CaseIterable>(
    _ node: Node, field: String, among allowed: [Choice] = Array(Choice.allCases)
  ) throws(InputError) -> Choice where Choice.RawValue == String {
    let written = try text(node, field: field)
    if let choice = allowed.first(where: { $0.rawValue == written }) { return choice }
    let names = allowed.map(\.rawValue)
    let suggestion = Suggestion.closest(to: written, among: names)
    throw InputError(
      "\(field) must be one of \(names.joined(separator: ", ")), found '\(written)'",
      at: node.location, hint: suggestion.map { "did you mean '\($0)'?" })
  }

  /// Whether `text` is an identifier of lowercase ASCII letters, digits, `_` and (when
  /// `allowingHyphen`) `-`, starting with a letter.
  static func isIdentifier(_ text: String, allowingHyphen: Bool = false) -> Bool {
    guard let first = text.utf8.first, first >= 0x61, first <= 0x7A else { return false }
    return text.utf8.allSatisfy { byte in
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
        || (allowingHyphen && byte == 0x2D)
    }
  }
}
