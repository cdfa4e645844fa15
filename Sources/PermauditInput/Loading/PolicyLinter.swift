import Foundation
import PermauditCore

/// The outcome of linting one file.
public struct LintResult: Sendable {
  public var path: String
  /// What the file is, when it could be read: "catalog 'justworks', 9 permissions".
  public var summary: String?
  public var warnings: [InputError]
  /// The first problem that makes the file unusable.
  public var error: InputError?

  public var isValid: Bool { error == nil }
}

/// Validates catalogs and policies as an audit would read them, without auditing.
///
/// A policy is checked against its catalog, found among the files being linted first, then
/// among `--catalog` files and the policies folder.
public struct PolicyLinter: Sendable {
  public var library: PolicyLibrary

  public init(library: PolicyLibrary) {
    self.library = library
  }

  /// The files to lint under `paths`: files as given, folders searched for `.yaml`, `.yml`
  /// and `.json` files, in name order.
  public static func files(under paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return [path] }
      let entries = FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
      return entries.filter { PolicyLibrary.extensions.contains(($0 as NSString).pathExtension) }
        .sorted()
        .map { (path as NSString).appendingPathComponent($0) }
    }
  }

  /// Lints every file, catalogs first so that policies can be checked against them.
  public func lint(_ paths: [String]) -> [LintResult] {
    let parsed = paths.map { path in (path, Result { () throws(InputError) in try read(path) }) }
    var catalogs: [String: Catalog] = [:]
    var results: [String: LintResult] = [:]

    for (path, outcome) in parsed {
      guard case .success(let node) = outcome, DocumentKind.of(node) == "Catalog" else { continue }
      var warnings: [InputError] = []
      do throws(InputError) {
        let catalog = try CatalogDecoder.decode(node, warnings: &warnings)
        catalogs[catalog.system] = catalog
        results[path] = LintResult(
          path: path,
          summary: "catalog '\(catalog.system)', \(catalog.permissions.count) permissions, "
            + "\(catalog.attributes.count) attributes", warnings: warnings)
      } catch {
        results[path] = LintResult(path: path, warnings: warnings, error: error)
      }
    }

    for (path, outcome) in parsed where results[path] == nil {
      results[path] = lintNonCatalog(path, outcome, catalogs: catalogs)
    }
    return paths.compactMap { results[$0] }
  }

  private func lintNonCatalog(
    _ path: String, _ outcome: Result<Node, InputError>, catalogs: [String: Catalog]
  ) -> LintResult {
    let node: Node
    switch outcome {
    case .failure(let error): return LintResult(path: path, warnings: [], error: error)
    case .success(let parsed): node = parsed
    }
    guard DocumentKind.of(node) == "Policy" else {
      return LintResult(
        path: path, warnings: [],
        error: InputError(
          "not a catalog or policy: 'kind' must be 'Catalog' or 'Policy'", at: node.location))
    }
    var warnings: [InputError] = []
    do throws(InputError) {
      let system = try PolicyDecoder.system(of: node)
      let catalog: Catalog
      if let linted = catalogs[system] {
        catalog = linted
      } else {
        catalog = try library.loadCatalog(
          system: system, nearPolicyAt: path, warnings: &warnings
        ).0
      }
      let policy = try PolicyDecoder.decode(node, catalog: catalog)
      let count = policy.attributeRequirements.count + policy.permissionRequirements.count
      return LintResult(
        path: path,
        summary: "policy '\(policy.id)', \(plural(policy.steps.count, "step")), "
          + plural(count, "requirement"),
        warnings: warnings)
    } catch {
      return LintResult(path: path, warnings: warnings, error: error)
    }
  }

  private func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  private func read(_ path: String) throws(InputError) -> Node {
    let file = try InputFile.read(path, what: "file")
    return try DocumentReader.readOne(file.bytes, file: file.path)
  }
}
