/// A place in an input file, 1-based, for error messages a user can jump to.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file as the user named it (or `<stdin>`).
  public var file: String
  /// 1-based line, or 0 when the input has no lines to point at.
  public var line: Int
  /// 1-based column counted in Unicode scalars, or 0 when unknown.
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, leaving out the parts that are unknown.
  public var description: String {
    guard line > 0 else { return file }
    guard column > 0 else { return "\(file):\(line)" }
    return "\(file):\(line):\(column)"
  }
}

/// One value of a parsed YAML or JSON document, with where it stood in the file.
///
/// Both formats produce the same tree so that decoding and validation are written once.
/// Scalars keep enough of their spelling for the typing rules of the product contract:
/// a YAML plain scalar keeps its text until a typed field decides what it means, while a
/// JSON number stays a number so that a number where text is expected can be refused.
public struct Node: Sendable {
  public var value: NodeValue
  public var location: SourceLocation

  public init(_ value: NodeValue, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

/// The shape of a ``Node``.
public enum NodeValue: Sendable {
  /// JSON `null`, or a YAML null form (`null`, `Null`, `NULL`, `~`, or nothing).
  case null
  /// JSON `true` or `false`.
  case bool(Bool)
  /// A JSON number, exactly as written.
  case number(String)
  /// A JSON string, or a quoted or block YAML scalar: always text.
  case string(String)
  /// A YAML plain scalar that is not a null form, exactly as written. Typed fields
  /// interpret it: text for strings, `true`/`false`/`yes`/`no` for booleans.
  case plain(String)
  /// A sequence, in document order.
  case sequence([Node])
  /// A mapping, in document order, with keys unique (readers reject duplicates).
  case mapping([MappingEntry])
}

/// One key and value of a mapping.
public struct MappingEntry: Sendable {
  public var key: String
  public var keyLocation: SourceLocation
  public var value: Node

  public init(key: String, keyLocation: SourceLocation, value: Node) {
    self.key = key
    self.keyLocation = keyLocation
    self.value = value
  }
}

extension NodeValue {
  /// A short name of the shape, for messages such as "expected a string, found a number".
  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string, .plain: return "a string"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }
}
