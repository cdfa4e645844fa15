import Foundation
import Testing

@testable import PermauditCore

@Suite struct TimestampTests {
  struct ParseCase: CustomTestStringConvertible, Sendable {
    var text: String
    var seconds: Double
    var testDescription: String { text }
  }

  static let valid: [ParseCase] = [
    .init(text: "1970-01-01T00:00:00Z", seconds: 0),
    .init(text: "2026-12-03T12:00:00Z", seconds: 1_796_299_200),
    .init(text: "2026-12-03t12:00:00z", seconds: 1_796_299_200),
    .init(text: "2026-12-03T12:00:00+00:00", seconds: 1_796_299_200),
    .init(text: "2026-12-03T12:00:00-00:00", seconds: 1_796_299_200),
    .init(text: "2026-12-03T13:00:00+01:00", seconds: 1_796_299_200),
    .init(text: "2026-12-03T06:30:00-05:30", seconds: 1_796_299_200),
    .init(text: "2026-12-04T01:45:00+13:45", seconds: 1_796_299_200),
    .init(text: "2026-12-03T12:00:00.5Z", seconds: 1_796_299_200.5),
    .init(text: "2026-12-03T12:00:00.250+00:00", seconds: 1_796_299_200.25),
    .init(text: "2024-02-29T00:00:00Z", seconds: 1_709_164_800),
    .init(text: "2000-02-29T23:59:59Z", seconds: 951_868_799),
    .init(text: "1969-12-31T23:59:59Z", seconds: -1),
    .init(text: "0001-01-01T00:00:00Z", seconds: -62_135_596_800),
    .init(text: "9999-12-31T23:59:59Z", seconds: 253_402_300_799),
  ]

  @Test(arguments: valid)
  func parsesRFC3339WithAnOffset(_ entry: ParseCase) throws {
    let date = try #require(Timestamp.parse(entry.text))
    #expect(date.timeIntervalSince1970 == entry.seconds)
  }

  static let invalid: [String] = [
    "", "2026-12-03", "2026-12-03T12:00:00", "2026-12-03T12:00:00.5",
    "2026-12-03 12:00:00Z", "2026-12-03T12:00Z", "2026-12-03T12:00:00+0100",
    "2026-12-03T12:00:00+01", "2026-12-03T12:00:00+24:00", "2026-12-03T12:00:00+01:60",
    "2026-12-03T12:00:00.Z", "2026-12-03T12:00:00ZZ", "2026-12-03T12:00:00Z ",
    " 2026-12-03T12:00:00Z", "2026-02-30T00:00:00Z", "2026-04-31T00:00:00Z",
    "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
    "2026-00-10T00:00:00Z", "2026-12-00T00:00:00Z", "2026-12-03T24:00:00Z",
    "2026-12-03T12:60:00Z", "2026-12-03T12:00:61Z", "2026-1-03T12:00:00Z",
    "２０２６-12-03T12:00:00Z", "2026/12/03T12:00:00Z", "2026-12-03T12:00:00UTC",
  ]

  @Test(arguments: invalid)
  func refusesAnythingElse(_ text: String) {
    #expect(Timestamp.parse(text) == nil)
  }

  struct FormatCase: CustomTestStringConvertible, Sendable {
    var seconds: Double
    var text: String
    var testDescription: String { text }
  }

  static let formatted: [FormatCase] = [
    .init(seconds: 0, text: "1970-01-01T00:00:00Z"),
    .init(seconds: 1_796_299_200, text: "2026-12-03T12:00:00Z"),
    .init(seconds: 1_796_299_200.5, text: "2026-12-03T12:00:00.500Z"),
    .init(seconds: 1_709_164_800, text: "2024-02-29T00:00:00Z"),
    .init(seconds: -1, text: "1969-12-31T23:59:59Z"),
    .init(seconds: -0.5, text: "1969-12-31T23:59:59.500Z"),
    .init(seconds: -62_135_596_800, text: "0001-01-01T00:00:00Z"),
  ]

  @Test(arguments: formatted)
  func formatsInUTC(_ entry: FormatCase) {
    #expect(Timestamp.format(Date(timeIntervalSince1970: entry.seconds)) == entry.text)
  }

  static let roundTrips: [String] = [
    "2026-12-03T12:00:00Z", "2024-02-29T23:59:59Z", "2026-12-03T12:00:00.123Z",
    "2026-12-03T12:00:00.001Z", "2026-12-03T12:00:00.999Z", "1999-12-31T23:59:59.010Z",
  ]

  @Test(arguments: roundTrips)
  func formatRoundTripsWhatParseReads(_ text: String) throws {
    let date = try #require(Timestamp.parse(text))
    #expect(Timestamp.format(date) == text)
    #expect(Timestamp.parse(Timestamp.format(date)) == date)
  }

  @Test func formatWritesOffsetsAsUTC() throws {
    let date = try #require(Timestamp.parse("2026-12-03T09:00:00+01:00"))
    #expect(Timestamp.format(date) == "2026-12-03T08:00:00Z")
  }

  @Test func compactDropsSeparatorsAndFractions() throws {
    let date = try #require(Timestamp.parse("2026-12-03T12:00:00.750Z"))
    #expect(Timestamp.compact(date) == "20261203T120000Z")
  }
}
