import PermauditInput

/// Finds and loads a policy as the `--policies-dir` and `--catalog` options say, for the
/// commands that explain policies.
struct PolicyLookup {
  let library: PolicyLibrary

  init(_ parsed: ParsedArguments) {
    library = PolicyLibrary(
      directory: parsed.value(for: "policies-dir") ?? "Policies",
      extraCatalogs: parsed.values(for: "catalog"))
  }

  /// The policy named by `reference` (an id or a path) with its catalog.
  func load(_ reference: String) throws(CommandFailure) -> LoadedPolicy {
    do {
      return try library.loadPolicy(reference)
    } catch {
      throw .input(error)
    }
  }
}
