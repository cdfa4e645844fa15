import Testing

@testable import PermauditCore

@Suite struct ISODurationTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var seconds: Double
    var testDescription: String { text }
  }

  static let valid: [Case] = [
    .init(text: "P7D", seconds: 7 * 86_400),
    .init(text: "p7d", seconds: 7 * 86_400),
    .init(text: "PT12H", seconds: 12 * 3_600),
    .init(text: "PT30M", seconds: 1_800),
    .init(text: "PT45S", seconds: 45),
    .init(text: "P1DT6H30M", seconds: 86_400 + 6 * 3_600 + 30 * 60),
    .init(text: "P1W", seconds: 604_800),
    .init(text: "P2W3D", seconds: 17 * 86_400),
    .init(text: "PT1.5H", seconds: 5_400),
    .init(text: "P0D", seconds: 0),
    .init(text: "P1DT1S", seconds: 86_401),
  ]

  @Test(arguments: valid)
  func readsDaysWeeksAndTimes(_ entry: Case) {
    #expect(ISODuration.seconds(in: entry.text) == entry.seconds)
  }

  static let refused: [String] = [
    "P1M", "P1Y", "P1Y2D", "P1MT1H", "", "P", "PT", "P1DT", "7D", "P7", "PT7D", "P7H",
    "P1D2D", "PT30M6H", "P3D1W", "P-1D", "P1..5D", "P.D", " P7D", "P7D ", "P7 D", "PTT1H",
    "P1DT1HT1M", "P7Dx", "week",
  ]

  @Test(arguments: refused)
  func refusesMonthsYearsAndJunk(_ text: String) {
    #expect(ISODuration.seconds(in: text) == nil)
  }
}
