import PermauditInput
import Testing

/// A compact, comparable spelling of a node tree: `{key: value}`, `[items]`,
/// `"string"`, `plain(text)`, `#number`, `true`, `null`.
func dump(_ node: Node) -> String {
  switch node.value {
  case .null: return "null"
  case .bool(let value): return String(value)
  case .number(let text): return "#" + text
  case .string(let text): return text.debugDescription
  case .plain(let text): return "plain(\(text))"
  case .sequence(let items): return "[" + items.map(dump).joined(separator: ", ") + "]"
  case .mapping(let entries):
    return "{" + entries.map { "\($0.key): \(dump($0.value))" }.joined(separator: ", ") + "}"
  }
}

/// `line:column` of a location, for short assertions.
func place(_ location: PermauditInput.SourceLocation?) -> String {
  guard let location, location.line > 0 else { return "none" }
  return "\(location.line):\(location.column)"
}

/// The value at a path of mapping keys and list indexes, or `nil`.
func child(_ node: Node, _ path: [PathStep]) -> Node? {
  var current = node
  for step in path {
    switch (step, current.value) {
    case (.key(let key), .mapping(let entries)):
      guard let entry = entries.first(where: { $0.key == key }) else { return nil }
      current = entry.value
    case (.index(let index), .sequence(let items)):
      guard items.indices.contains(index) else { return nil }
      current = items[index]
    default:
      return nil
    }
  }
  return current
}

/// The location of a key in a mapping.
func keyLocation(_ node: Node, _ key: String) -> PermauditInput.SourceLocation? {
  guard case .mapping(let entries) = node.value else { return nil }
  return entries.first { $0.key == key }?.keyLocation
}

/// One step into a tree: a mapping key or a list index.
enum PathStep: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
  case key(String)
  case index(Int)

  init(stringLiteral value: String) { self = .key(value) }
  init(integerLiteral value: Int) { self = .index(value) }
}

/// UTF-8 bytes of a text.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A UTF-8 byte-order mark.
let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

/// A rejected input, with where and how the error must point.
struct RejectionCase: CustomTestStringConvertible, Sendable {
  let name: String
  let input: [UInt8]
  /// `line:column`, or `none` when the error has no line.
  let place: String
  let message: String
  /// The advice the error must give, when the case checks it.
  let hint: String?

  init(_ name: String, _ text: String, at place: String, _ message: String, hint: String? = nil) {
    self.init(name, bytes: Array(text.utf8), at: place, message, hint: hint)
  }

  init(
    _ name: String, bytes: [UInt8], at place: String, _ message: String, hint: String? = nil
  ) {
    self.name = name
    self.input = bytes
    self.place = place
    self.message = message
    self.hint = hint
  }

  var testDescription: String { name }
}

/// Runs `body`, expecting an ``InputError`` whose place and message match the case.
func expectRejection(
  _ rejection: RejectionCase, file: String = "in.json",
  sourceLocation: Testing.SourceLocation = #_sourceLocation,
  _ body: () throws -> Void
) {
  let error = #expect(throws: InputError.self, sourceLocation: sourceLocation) { try body() }
  guard let error else { return }
  #expect(place(error.location) == rejection.place, "\(error)", sourceLocation: sourceLocation)
  #expect(error.location?.file == file, sourceLocation: sourceLocation)
  #expect(
    error.message.contains(rejection.message), "\(error)", sourceLocation: sourceLocation)
  if let hint = rejection.hint {
    #expect(error.hint == hint, "\(error)", sourceLocation: sourceLocation)
  }
  #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
}
