import Foundation

/// RFC 3339 timestamps, as evidence and reports write them.
public enum Timestamp {
  /// Parses `2026-12-03T08:00:00Z` or `2026-12-03T09:00:00.5+01:00`. A time zone offset is
  /// required so that ages are computed in absolute time; `nil` for anything else.
  public static func parse(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20 else { return nil }

    func number(_ start: Int, _ length: Int) -> Int? {
      guard start + length <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[start..<start + length] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }

    guard let year = number(0, 4), bytes[4] == 0x2D, let month = number(5, 2),
      bytes[7] == 0x2D, let day = number(8, 2), bytes[10] == 0x54 || bytes[10] == 0x74,
      let hour = number(11, 2), bytes[13] == 0x3A, let minute = number(14, 2),
      bytes[16] == 0x3A, let second = number(17, 2)
    else { return nil }
    guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      hour < 24, minute < 60, second < 61
    else { return nil }

    var position = 19
    var fraction = 0.0
    if position < bytes.count, bytes[position] == 0x2E {
      position += 1
      var scale = 0.1
      let start = position
      while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
        fraction += Double(bytes[position] - 0x30) * scale
        scale /= 10
        position += 1
      }
      guard position > start else { return nil }
    }

    guard position < bytes.count else { return nil }
    var offsetSeconds = 0
    switch bytes[position] {
    case 0x5A, 0x7A:
      guard position + 1 == bytes.count else { return nil }
    case 0x2B, 0x2D:
      guard position + 6 == bytes.count, let offsetHours = number(position + 1, 2),
        bytes[position + 3] == 0x3A, let offsetMinutes = number(position + 4, 2),
        offsetHours < 24, offsetMinutes < 60
      else { return nil }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[position] == 0x2D ? -1 : 1)
    default:
      return nil
    }

    let days = daysSinceEpoch(year: year, month: month, day: day)
    let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds)
    return Date(timeIntervalSince1970: seconds + fraction)
  }

  /// A compact UTC form for file names: `20261203T120000Z`.
  public static func compact(_ date: Date) -> String {
    // Note: by hand, not with a regular expression, which would load ICU and cost a
    // single-account audit several milliseconds of its start.
    var compact = String.UnicodeScalarView()
    var isInFraction = false
    for scalar in format(date).unicodeScalars {
      switch scalar {
      case "-", ":": continue
      case ".": isInFraction = true
      case "0"..."9" where isInFraction: continue
      default:
        isInFraction = false
        compact.append(scalar)
      }
    }
    return String(compact)
  }

  private static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's method).
  private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian year, month and day of a day counted from 1970-01-01.
  static func civilDate(daysSinceEpoch days: Int) -> (Int, Int, Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
