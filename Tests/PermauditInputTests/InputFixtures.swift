import Foundation
import PermauditCore
import Testing

@testable import PermauditInput

// Shared fixtures for the decoding and loading tests: inline documents, parsing helpers,
// located-error assertions and temporary folders.

/// A small Justworks catalog that policy and evidence tests decode against.
let fixtureCatalogYAML = """
  kind: Catalog
  system: justworks
  title: Test catalog
  attributes:
    member_type: {type: string}
    admin_access: {type: boolean}
    first_name: {type: string}
    title: {type: string}
    work_email: {type: email}
    manager: {type: string}
    start_date: {type: date}
  permissions:
    - {id: edit_company_settings, name: Edit company settings, risk: high}
    - {id: manage_employees, name: Manage employees, risk: high}
    - {id: view_invoices_and_reporting, name: "View invoices & reporting"}

  """

/// A valid policy for ``fixtureCatalogYAML``.
let fixturePolicyYAML = """
  kind: Policy
  id: test-policy
  system: justworks
  title: Test policy
  steps:
    - id: account
      title: Account
      attributes:
        member_type: {equals: "3rd Party Admin / Accountant"}
      permissions:
        - {id: manage_employees, reason: Needed to read people}

  """

/// One parsed document; the file name decides between YAML and JSON.
func parseDocument(_ text: String, file: String = "in.yaml") throws -> Node {
  try DocumentReader.readOne(Array(text.utf8), file: file)
}

/// The catalog in `text`, with the warnings its decoding produced.
func decodeCatalog(_ text: String, file: String = "in.yaml") throws -> (Catalog, [InputError]) {
  var warnings: [InputError] = []
  let catalog = try CatalogDecoder.decode(parseDocument(text, file: file), warnings: &warnings)
  return (catalog, warnings)
}

/// ``fixtureCatalogYAML``, decoded.
func fixtureCatalog() throws -> Catalog {
  try decodeCatalog(fixtureCatalogYAML, file: "catalog.yaml").0
}

/// The policy in `text`, decoded against ``fixtureCatalogYAML``.
func decodePolicy(_ text: String, file: String = "in.yaml") throws -> Policy {
  try PolicyDecoder.decode(parseDocument(text, file: file), catalog: fixtureCatalog())
}

/// A decoding problem a test expects: where it must point and what it must say.
struct DecodingErrorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let text: String
  /// `line:column` of the error, or `none`.
  let place: String
  /// Words the message must contain.
  let words: [String]
  /// Words the hint must contain, or `nil` when any hint (or none) will do.
  let hint: String?

  init(_ name: String, _ text: String, at place: String, _ words: [String], hint: String? = nil) {
    self.name = name
    self.text = text
    self.place = place
    self.words = words
    self.hint = hint
  }

  var testDescription: String { name }
}

/// Runs `body` expecting an ``InputError`` at `place` (`line:column`, or `none`) whose
/// message contains every one of `words` and whose hint contains `hint`.
@discardableResult
func expectInputError(
  at expectedPlace: String, _ words: [String], hint: String? = nil, file: String? = nil,
  sourceLocation: Testing.SourceLocation = #_sourceLocation,
  _ body: () throws -> Void
) -> InputError? {
  let error = #expect(throws: InputError.self, sourceLocation: sourceLocation) { try body() }
  guard let error else { return nil }
  #expect(place(error.location) == expectedPlace, "\(error)", sourceLocation: sourceLocation)
  for word in words {
    #expect(error.message.contains(word), "\(error)", sourceLocation: sourceLocation)
  }
  if let hint {
    #expect(error.hint?.contains(hint) == true, "\(error)", sourceLocation: sourceLocation)
  }
  if let file {
    #expect(error.location?.file == file, "\(error)", sourceLocation: sourceLocation)
  }
  #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
  return error
}

/// Runs `body` expecting the error `errorCase` describes.
func expectInputError(
  _ errorCase: DecodingErrorCase, sourceLocation: Testing.SourceLocation = #_sourceLocation,
  _ body: () throws -> Void
) {
  expectInputError(
    at: errorCase.place, errorCase.words, hint: errorCase.hint, sourceLocation: sourceLocation,
    body)
}

/// A folder under the temporary directory, removed when the test body returns.
struct TemporaryFolder {
  let path: String

  /// `path/name`.
  func path(_ name: String) -> String {
    (path as NSString).appendingPathComponent(name)
  }

  /// Writes `text` to `name` (creating folders on the way) and returns the file's path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let file = path(name)
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  /// Creates the folder `name` and returns its path.
  @discardableResult
  func makeFolder(_ name: String) throws -> String {
    let folder = path(name)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }
}

/// Runs `body` with a fresh temporary folder and removes the folder afterwards.
@discardableResult
func withTemporaryFolder<Result>(_ body: (TemporaryFolder) throws -> Result) throws -> Result {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("permaudit-tests-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: path) }
  return try body(TemporaryFolder(path: path))
}

/// The repository's root folder, found from this file's path.
func repositoryRoot(filePath: String = #filePath) -> String {
  var url = URL(fileURLWithPath: filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  return url.path
}
