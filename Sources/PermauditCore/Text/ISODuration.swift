/// ISO-8601 durations such as `P7D`, `PT12H` or `P1DT6H30M`, for `max_evidence_age`.
///
/// Years and months have no fixed length, so they are refused: write days instead.
public enum ISODuration {
  /// The duration in seconds, or `nil` if `text` is not a supported duration.
  public static func seconds(in text: String) -> Double? {
    var scalars = Substring(text.uppercased()).unicodeScalars[...]
    guard scalars.first == "P" else { return nil }
    scalars = scalars.dropFirst()
    var total = 0.0
    var inTime = false
    var number = ""
    var sawComponent = false
    var lastUnitRank = 0

    for scalar in scalars {
      if scalar == "T" {
        guard !inTime, number.isEmpty else { return nil }
        inTime = true
        lastUnitRank = 0
        continue
      }
      if ("0"..."9").contains(scalar) || scalar == "." {
        number.unicodeScalars.append(scalar)
        continue
      }
      guard let value = Double(number) else { return nil }
      let unit: (seconds: Double, rank: Int)
      switch (scalar, inTime) {
      case ("W", false): unit = (604_800, 1)
      case ("D", false): unit = (86_400, 2)
      case ("H", true): unit = (3_600, 1)
      case ("M", true): unit = (60, 2)
      case ("S", true): unit = (1, 3)
      default: return nil
      }
      guard unit.rank > lastUnitRank else { return nil }
      lastUnitRank = unit.rank
      total += value * unit.seconds
      number = ""
      sawComponent = true
    }
    guard sawComponent, number.isEmpty, !(inTime && lastUnitRank == 0) else { return nil }
    return total
  }
}
