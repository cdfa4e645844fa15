/// The words of an attribute's fix, shared by mismatch findings and `policy show` so that
/// the checklist and the report never give two different instructions.
public enum AttributeFix {
  /// "Set 'Title' to 'Service Account' (where the catalog says it is edited)."
  /// `quotedValues` are the expected values, each already quoted; several are offered as
  /// "one of".
  public static func setting(_ definition: AttributeDefinition, to quotedValues: [String])
    -> String
  {
    let target =
      quotedValues.count == 1 ? quotedValues[0] : "one of " + quotedValues.joined(separator: ", ")
    let place = definition.path.map { " (\($0))" } ?? ""
    return "Set '\(definition.displayName)' to \(target)\(place)."
  }
}
