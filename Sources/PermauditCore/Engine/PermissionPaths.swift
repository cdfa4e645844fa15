/// Builds the click paths that grant or remove a permission.
public struct PermissionPaths: Sendable {
  let index: PermissionIndex
  let system: String

  public init(index: PermissionIndex, system: String) {
    self.index = index
    self.system = system
  }

  /// How to grant `permission`, as one sentence.
  public func grant(_ permission: PermissionDefinition) -> String {
    "\(place(of: permission)) open '\(permission.name)', add the service account and save."
  }

  /// How to remove `permission`, as one sentence.
  public func revoke(_ permission: PermissionDefinition) -> String {
    "\(place(of: permission)) open '\(permission.name)', remove the service account and "
      + "save, unless a documented need exists (then add it to the policy with its reason)."
  }

  private func place(of permission: PermissionDefinition) -> String {
    let screen =
      permission.path ?? index.catalog.permissionScreen
      ?? "the \(system) permission screen"
    let group = permission.group.map { ", under '\($0)'," } ?? ","
    return "In \(screen)\(group)"
  }
}
