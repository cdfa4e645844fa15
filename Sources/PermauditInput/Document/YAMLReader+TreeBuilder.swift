import CYAML

/// Builds located nodes from libyaml's events, one event at a time.
///
/// Open lists and mappings live on an explicit stack whose height is checked before each
/// push, so the depth limit holds however deep the input goes.
struct YAMLTreeBuilder {
  /// Whether more events are to come.
  enum Progress {
    case more
    case streamEnded
  }

  let file: String
  let maxDepth: Int
  /// The root of every document finished so far.
  private(set) var documents: [Node] = []
  private var stack: [YAMLFrame] = []
  /// Where the previous event ended; an empty scalar is located there, next to its key.
  private var previousEnd: SourceLocation?

  init(file: String, maxDepth: Int) {
    self.file = file
    self.maxDepth = maxDepth
  }

  /// Takes one event into the tree.
  mutating func handle(_ event: yaml_event_t) throws(InputError) -> Progress {
    defer { previousEnd = location(of: event.end_mark) }
    let start = location(of: event.start_mark)

    switch event.type {
    case YAML_SCALAR_EVENT:
      try addScalar(event.data.scalar, at: start)
    case YAML_SEQUENCE_START_EVENT:
      try open(isMapping: false, tag: event.data.sequence_start.tag, at: start)
    case YAML_MAPPING_START_EVENT:
      try open(isMapping: true, tag: event.data.mapping_start.tag, at: start)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      close()
    case YAML_ALIAS_EVENT:
      throw aliasRefused(anchor: event.data.alias.anchor, at: start)
    case YAML_STREAM_END_EVENT:
      return .streamEnded
    default:
      // Stream and document starts and ends carry nothing the tree needs.
      break
    }
    return .more
  }

  private var isExpectingKey: Bool {
    guard let top = stack.last else { return false }
    return top.isMapping && top.pendingKey == nil
  }

  private mutating func addScalar(
    _ scalar: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar,
    at start: SourceLocation
  ) throws(InputError) {
    let text = String(
      decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)

    let value: NodeValue
    if let tag = scalar.tag {
      guard String(cString: tag) == Self.stringTag else { throw tagRefused(tag, at: start) }
      value = .string(text)
    } else if scalar.style == YAML_PLAIN_SCALAR_STYLE {
      value = Self.nullForms.contains(text) ? .null : .plain(text)
    } else {
      value = .string(text)
    }

    if isExpectingKey {
      try setKey(text, at: start)
      return
    }
    // Note: libyaml places an empty value at the next token, often on the next line;
    // right after the key's colon is where a reader looks for it.
    let isEmpty = scalar.length == 0 && scalar.style == YAML_PLAIN_SCALAR_STYLE
    attach(Node(value, at: isEmpty ? previousEnd ?? start : start))
  }

  private mutating func setKey(_ key: String, at location: SourceLocation) throws(InputError) {
    guard var frame = stack.popLast() else { return }
    if let first = frame.mapping.firstLocation(of: key) {
      throw .duplicateKey(key, at: location, first: first)
    }
    frame.pendingKey = key
    frame.keyLocation = location
    stack.append(frame)
  }

  private mutating func open(
    isMapping: Bool, tag: UnsafeMutablePointer<yaml_char_t>?, at start: SourceLocation
  ) throws(InputError) {
    let kind = isMapping ? "a mapping" : "a list"
    if isExpectingKey {
      throw InputError(
        "a key must be text, found \(kind)", at: start,
        hint: "write the key as plain or quoted text")
    }
    if let tag, String(cString: tag) != (isMapping ? Self.mappingTag : Self.sequenceTag) {
      throw tagRefused(tag, at: start)
    }
    guard stack.count < maxDepth else { throw .nestingTooDeep(maxDepth: maxDepth, at: start) }

    stack.append(YAMLFrame(isMapping: isMapping, location: start))
  }

  private mutating func close() {
    guard let frame = stack.popLast() else { return }
    attach(frame.makeNode())
  }

  /// Adds a finished value to the open list or mapping, or as a document's root.
  private mutating func attach(_ node: Node) {
    guard var frame = stack.popLast() else {
      documents.append(node)
      return
    }
    if let key = frame.pendingKey {
      frame.mapping.append(MappingEntry(key: key, keyLocation: frame.keyLocation, value: node))
      frame.pendingKey = nil
    } else {
      frame.items.append(node)
    }
    stack.append(frame)
  }

  private func location(of mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
  }

  private static let nullForms: Set<String> = ["", "null", "Null", "NULL", "~"]
  private static let stringTag = "tag:yaml.org,2002:str"
  private static let sequenceTag = "tag:yaml.org,2002:seq"
  private static let mappingTag = "tag:yaml.org,2002:map"

  private func aliasRefused(
    anchor: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation
  ) -> InputError {
    let name = anchor.map { String(cString: $0) } ?? ""
    return InputError(
      "YAML aliases such as '*\(name)' are not supported", at: location,
      hint: "write the value out in full; aliases can blow a small file up to a huge one")
  }

  private func tagRefused(
    _ tag: UnsafeMutablePointer<yaml_char_t>, at location: SourceLocation
  ) -> InputError {
    var name = String(cString: tag)
    let standardPrefix = "tag:yaml.org,2002:"
    if name.hasPrefix(standardPrefix) { name = "!!" + name.dropFirst(standardPrefix.count) }
    return InputError(
      "the YAML tag '\(name)' is not supported", at: location,
      hint: "remove the tag; quote a value to make it text")
  }
}

/// One list or mapping that is open while its contents arrive.
struct YAMLFrame {
  let isMapping: Bool
  let location: SourceLocation
  var items: [Node] = []
  var mapping = DocumentMappingBuilder()
  /// The key whose value is awaited, in a mapping.
  var pendingKey: String?
  var keyLocation: SourceLocation

  init(isMapping: Bool, location: SourceLocation) {
    self.isMapping = isMapping
    self.location = location
    self.keyLocation = location
  }

  func makeNode() -> Node {
    Node(isMapping ? .mapping(mapping.entries) : .sequence(items), at: location)
  }
}
