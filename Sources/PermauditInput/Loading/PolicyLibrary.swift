import Foundation
import PermauditCore

/// A policy ready to apply: the policy, its catalog, and the digests of both files.
public struct LoadedPolicy: Sendable {
  public var policy: Policy
  public var catalog: Catalog
  public var policyFile: FileDigest
  public var catalogFile: FileDigest
  /// Problems that do not stop the audit (such as a cycle in `implies`).
  public var warnings: [InputError]
}

/// A file an audit used, with its SHA-256.
public struct FileDigest: Sendable, Equatable {
  public var path: String
  public var sha256: String
}

/// Finds policies by id or path and catalogs by system, under a policies folder.
///
/// Layout: policies as `<folder>/<id>.yaml` (or `.yml`, `.json`), catalogs as
/// `<folder>/catalogs/<system>.yaml`. Catalogs named with `--catalog` come first.
public struct PolicyLibrary: Sendable {
  public var directory: String
  public var extraCatalogs: [String]

  static let extensions = ["yaml", "yml", "json"]

  public init(directory: String, extraCatalogs: [String] = []) {
    self.directory = directory
    self.extraCatalogs = extraCatalogs
  }

  /// Loads the policy named by `reference` (an id or a path) with its catalog.
  public func loadPolicy(_ reference: String) throws(InputError) -> LoadedPolicy {
    let file = try InputFile.read(try policyPath(for: reference), what: "policy file")
    let node = try DocumentReader.readOne(file.bytes, file: file.path)
    let system = try PolicyDecoder.system(of: node)
    var warnings: [InputError] = []
    let (catalog, catalogFile) = try loadCatalog(
      system: system, nearPolicyAt: file.path, warnings: &warnings)
    let policy = try PolicyDecoder.decode(node, catalog: catalog)
    return LoadedPolicy(
      policy: policy, catalog: catalog,
      policyFile: FileDigest(path: file.path, sha256: file.sha256),
      catalogFile: catalogFile, warnings: warnings)
  }

  /// The catalog for `system`: from `--catalog` files first, then the `catalogs` folder
  /// beside the policy file (when it is outside the policies folder), then the policies
  /// folder's own.
  public func loadCatalog(
    system: String, nearPolicyAt policyPath: String? = nil, warnings: inout [InputError]
  ) throws(InputError) -> (Catalog, FileDigest) {
    var folders = ["\(directory)/catalogs"]
    if let policyPath {
      let beside = PathText.folder(of: policyPath)
      let folder = (beside.isEmpty ? "." : beside) + "/catalogs"
      if folder != folders[0] { folders.insert(folder, at: 0) }
    }
    var candidates = extraCatalogs
    for folder in folders {
      candidates += Self.extensions.map { "\(folder)/\(system).\($0)" }
        .filter { FileManager.default.fileExists(atPath: $0) }
    }

    for path in candidates {
      let file = try InputFile.read(path, what: "catalog file")
      let node = try DocumentReader.readOne(file.bytes, file: file.path)
      var catalogWarnings: [InputError] = []
      let catalog = try CatalogDecoder.decode(node, warnings: &catalogWarnings)
      guard catalog.system == system else { continue }
      warnings += catalogWarnings
      return (catalog, FileDigest(path: file.path, sha256: file.sha256))
    }
    throw InputError(
      "no catalog for system '\(system)' under '\(directory)/catalogs'",
      hint: "add \(directory)/catalogs/\(system).yaml or pass --catalog PATH")
  }

  /// The file a policy reference points at.
  func policyPath(for reference: String) throws(InputError) -> String {
    let looksLikePath =
      reference.contains("/")
      || Self.extensions.contains((reference as NSString).pathExtension.lowercased())
    if looksLikePath { return reference }

    for fileExtension in Self.extensions {
      let path = "\(directory)/\(reference).\(fileExtension)"
      if FileManager.default.fileExists(atPath: path) { return path }
    }
    let known = availablePolicyIDs()
    throw InputError(
      "no policy '\(reference)' in '\(directory)'",
      hint: Suggestion.closest(to: reference, among: known).map { "did you mean '\($0)'?" }
        ?? (known.isEmpty
          ? "pass a policy file's path, or --policies-dir"
          : "available: \(known.joined(separator: ", "))"))
  }

  /// The ids of the policies in the folder, by file name.
  public func availablePolicyIDs() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { Self.extensions.contains(($0 as NSString).pathExtension) }
      .map { ($0 as NSString).deletingPathExtension }
      .sorted()
  }
}
