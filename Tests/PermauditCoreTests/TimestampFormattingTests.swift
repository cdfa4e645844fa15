import Foundation
import Testing

@testable import PermauditCore

/// ``Timestamp/format(_:)`` writes its digits by hand; these pin it to what the earlier
/// `String(format: "%04d-%02d-…")` version wrote, far-off and pre-1970 times included.
@Suite struct TimestampFormattingTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var seconds: Double
    var text: String
    var testDescription: String { text }
  }

  /// Outputs of the `String(format:)` version, recorded before it was replaced.
  static let recorded: [Case] = [
    .init(seconds: 0, text: "1970-01-01T00:00:00Z"),
    .init(seconds: 0.0005, text: "1970-01-01T00:00:00Z"),
    .init(seconds: -0.0005, text: "1969-12-31T23:59:59.999Z"),
    .init(seconds: -0.001, text: "1969-12-31T23:59:59.998Z"),
    .init(seconds: 0.999, text: "1970-01-01T00:00:00.998Z"),
    .init(seconds: 0.9999, text: "1970-01-01T00:00:00.999Z"),
    .init(seconds: 1.5, text: "1970-01-01T00:00:01.500Z"),
    .init(seconds: -1.5, text: "1969-12-31T23:59:58.500Z"),
    .init(seconds: 59.001, text: "1970-01-01T00:00:59.001Z"),
    .init(seconds: 86_399.999, text: "1970-01-01T23:59:59.998Z"),
    .init(seconds: -86_400.001, text: "1969-12-30T23:59:59.998Z"),
    .init(seconds: 1_796_299_200, text: "2026-12-03T12:00:00Z"),
    .init(seconds: 1_796_299_200.123, text: "2026-12-03T12:00:00.123Z"),
    .init(seconds: 1_234_567_890.0625, text: "2009-02-13T23:31:30.062Z"),
    .init(seconds: 951_782_400, text: "2000-02-29T00:00:00Z"),
    .init(seconds: 4_107_542_400, text: "2100-03-01T00:00:00Z"),
    .init(seconds: -2_203_891_200, text: "1900-03-01T00:00:00Z"),
    .init(seconds: -11_676_096_000.01, text: "1599-12-31T23:59:59.990Z"),
    .init(seconds: -12_219_292_800, text: "1582-10-15T00:00:00Z"),
    .init(seconds: -62_135_596_800, text: "0001-01-01T00:00:00Z"),
    .init(seconds: -62_135_596_801, text: "0000-12-31T23:59:59Z"),
    .init(seconds: -62_167_219_200, text: "0000-01-01T00:00:00Z"),
    .init(seconds: -62_198_755_200, text: "-001-01-01T00:00:00Z"),
    .init(seconds: -62_198_755_199.25, text: "-001-01-01T00:00:00.750Z"),
    .init(seconds: -65_000_000_000_000, text: "-2057799-12-31T04:26:40Z"),
    .init(seconds: 253_402_300_799.999, text: "9999-12-31T23:59:59.999Z"),
    .init(seconds: 253_402_300_800, text: "10000-01-01T00:00:00Z"),
    .init(seconds: 10_000_000_000_000, text: "318857-05-20T17:46:40Z"),
    .init(seconds: 9_200_000_000_000_000, text: "291538364-04-06T11:33:20Z"),
    .init(seconds: -9_200_000_000_000_000, text: "-291534425-09-27T12:26:40Z"),
  ]

  @Test(arguments: recorded)
  func formatsAsTheFormatStringVersionDid(_ entry: Case) {
    let date = Date(timeIntervalSince1970: entry.seconds)
    #expect(Timestamp.format(date) == entry.text)
    #expect(Self.written(date) == entry.text)
  }

  @Test func matchesTheFormatStringVersionAcrossTheRange() {
    var random = SeededRandom(seed: 0x5EED)
    let scales: [Double] = [1, 1e3, 1e6, 1e9, 1e10, 1e11, 1e12, 1e14, 9e15]
    for round in 0..<20_000 {
      let scale = scales[round % scales.count]
      var seconds = (random.unit() * 2 - 1) * scale
      if round % 3 == 0 { seconds = (seconds * 1000).rounded() / 1000 }
      let date = Date(timeIntervalSince1970: seconds)
      let expected = Self.formatStringVersion(date)
      #expect(Timestamp.format(date) == expected, "\(seconds)")
      #expect(Self.written(date) == expected, "\(seconds)")
    }
  }

  @Test(arguments: [-9_200_000_000_000_000, -9_000_000_000_000.125, 9_200_000_000_000_000])
  func theLongestTextsFit(_ seconds: Double) {
    let date = Date(timeIntervalSince1970: seconds)
    #expect(Timestamp.format(date).utf8.count <= Timestamp.maximumLength)
    #expect(Timestamp.format(date) == Self.formatStringVersion(date))
  }

  private static func written(_ date: Date) -> String {
    var bytes = [UInt8](repeating: 0, count: Timestamp.maximumLength)
    let count = bytes.withUnsafeMutableBufferPointer { Timestamp.write(date, into: $0) }
    return String(decoding: bytes[..<count], as: UTF8.self)
  }

  /// The implementation ``Timestamp/format(_:)`` replaced, kept as the reference.
  private static func formatStringVersion(_ date: Date) -> String {
    let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    let milliseconds = Int(((totalMilliseconds % 1000) + 1000) % 1000)
    let totalSeconds = (totalMilliseconds - Int64(milliseconds)) / 1000
    var days = Int(totalSeconds / 86_400)
    var secondOfDay = Int(totalSeconds % 86_400)
    if secondOfDay < 0 {
      secondOfDay += 86_400
      days -= 1
    }
    let (year, month, day) = Timestamp.civilDate(daysSinceEpoch: days)
    var text = String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
      secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    if milliseconds != 0 { text += String(format: ".%03d", milliseconds) }
    return text + "Z"
  }
}

/// A small deterministic generator (SplitMix64), so a failing value can be reproduced.
struct SeededRandom {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// A number in `0..<1`.
  mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }
}
