/// A credential's value. It prints as `REDACTED` wherever it is interpolated, so that a
/// message, a log line or a report can never show it by accident; code that must send it
/// reads ``exposedValue`` explicitly.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The value itself; read it only to put it on the wire or into its own file.
  public let exposedValue: String

  public init(_ value: String) {
    self.exposedValue = value
  }

  public var description: String { "REDACTED" }
  public var debugDescription: String { "REDACTED" }
}

/// Where a credential came from, so a rotated value can be saved back there.
public enum CredentialOrigin: Sendable, Equatable {
  /// An environment variable, by name.
  case environment(String)
  /// A file, by path (from `<NAME>_FILE`).
  case file(String)
}

/// A named credential with its origin.
public struct Credential: Sendable {
  public var name: String
  public var secret: Secret
  public var origin: CredentialOrigin

  /// Reads `name` from the environment, or the file that `<name>_FILE` names (its content
  /// trimmed of surrounding white space). Setting both is an error, so that it is always
  /// clear which one is used.
  public static func read(_ name: String, from environment: [String: String])
    throws(CollectionError) -> Credential
  {
    let fileVariable = name + "_FILE"
    let direct = environment[name].flatMap { $0.isEmpty ? nil : $0 }
    let path = environment[fileVariable].flatMap { $0.isEmpty ? nil : $0 }
    switch (direct, path) {
    case (.some, .some):
      throw .configuration(
        "both \(name) and \(fileVariable) are set; set one of them")
    case (.some(let value), nil):
      return Credential(name: name, secret: Secret(value), origin: .environment(name))
    case (nil, .some(let path)):
      let value = try SecretFile.read(path, variable: fileVariable)
      return Credential(name: name, secret: Secret(value), origin: .file(path))
    case (nil, nil):
      throw .configuration(
        "\(name) is not set; set it, or \(fileVariable) to a file holding it")
    }
  }
}
