import Foundation

extension Timestamp {
  /// `2026-12-03T12:00:00Z`, in UTC, with milliseconds only when the time has them.
  ///
  /// The year has at least four digits (`0001`, `12026`); a year before 1 is written with a
  /// minus sign and at least three digits (`-001`), as `%04d` would.
  public static func format(_ date: Date) -> String {
    String(unsafeUninitializedCapacity: maximumLength) { write(date, into: $0) }
  }

  /// The longest text ``format(_:)`` writes: a sign and ten year digits, then
  /// `-12-31T23:59:59.999Z`.
  public static let maximumLength = 32

  /// Writes ``format(_:)``'s text for `date` as UTF-8 at the start of `buffer`, which has
  /// room for ``maximumLength`` bytes, without making a string.
  ///
  /// - Returns: how many bytes were written.
  public static func write(_ date: Date, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    precondition(buffer.count >= maximumLength, "no room for a timestamp")
    let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    let milliseconds = Int(((totalMilliseconds % 1000) + 1000) % 1000)
    let totalSeconds = (totalMilliseconds - Int64(milliseconds)) / 1000
    var days = Int(totalSeconds / 86_400)
    var secondOfDay = Int(totalSeconds % 86_400)
    if secondOfDay < 0 {
      secondOfDay += 86_400
      days -= 1
    }
    let (year, month, day) = civilDate(daysSinceEpoch: days)

    var text = DigitWriter(buffer: buffer)
    text.year(year)
    text.pair(UInt8(ascii: "-"), month)
    text.pair(UInt8(ascii: "-"), day)
    text.pair(UInt8(ascii: "T"), secondOfDay / 3600)
    text.pair(UInt8(ascii: ":"), secondOfDay / 60 % 60)
    text.pair(UInt8(ascii: ":"), secondOfDay % 60)
    if milliseconds != 0 {
      text.byte(UInt8(ascii: "."))
      text.digits(milliseconds, width: 3)
    }
    text.byte(UInt8(ascii: "Z"))
    return text.count
  }
}

/// Writes ASCII digits into a buffer that has room for them.
private struct DigitWriter {
  let buffer: UnsafeMutableBufferPointer<UInt8>
  private(set) var count = 0

  init(buffer: UnsafeMutableBufferPointer<UInt8>) {
    self.buffer = buffer
  }

  mutating func byte(_ value: UInt8) {
    buffer[count] = value
    count += 1
  }

  /// `separator` and a two-digit number below 100.
  mutating func pair(_ separator: UInt8, _ value: Int) {
    byte(separator)
    byte(UInt8(truncatingIfNeeded: 0x30 + value / 10))
    byte(UInt8(truncatingIfNeeded: 0x30 + value % 10))
  }

  /// A year as `%04d` writes it: zero-padded to four characters, the sign included.
  ///
  /// Note: `String(format:)` read the year as a C `int`; the calendar's years always fit.
  mutating func year(_ value: Int) {
    let year = Int32(truncatingIfNeeded: value)
    if year < 0 {
      byte(UInt8(ascii: "-"))
      digits(year.magnitude, width: 3)
    } else {
      digits(year.magnitude, width: 4)
    }
  }

  /// A non-negative number with at least `width` digits, zero-padded.
  mutating func digits<Number: BinaryInteger>(_ value: Number, width: Int) {
    var length = 1
    var rest = value / 10
    while rest > 0 {
      length += 1
      rest /= 10
    }
    length = max(length, width)
    var remaining = value
    for position in stride(from: count + length - 1, through: count, by: -1) {
      buffer[position] = UInt8(truncatingIfNeeded: 0x30 + remaining % 10)
      remaining /= 10
    }
    count += length
  }
}
