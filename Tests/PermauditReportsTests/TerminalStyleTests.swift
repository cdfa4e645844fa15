import Testing

@testable import PermauditReports

@Suite struct TerminalStyleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let isTerminal: Bool
    let environment: [String: String]
    let style: TerminalStyle
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "terminal", isTerminal: true, environment: ["TERM": "xterm"], style: .color),
    Case(name: "pipe or file", isTerminal: false, environment: [:], style: .plain),
    Case(name: "NO_COLOR set", isTerminal: true, environment: ["NO_COLOR": "1"], style: .plain),
    Case(name: "NO_COLOR empty", isTerminal: true, environment: ["NO_COLOR": ""], style: .color),
    Case(name: "dumb terminal", isTerminal: true, environment: ["TERM": "dumb"], style: .plain),
  ]

  @Test(arguments: cases)
  func colorsOnlyOnATerminalWithoutNoColor(_ example: Case) {
    let style = TerminalStyle.detect(
      isTerminal: example.isTerminal, environment: example.environment)
    #expect(style == example.style)
  }

  @Test func paintsOnlyInColorStyle() {
    #expect(TerminalStyle.plain.paint("✓", .pass) == "✓")
    #expect(TerminalStyle.color.paint("✓", .pass) == "\u{1B}[32m✓\u{1B}[0m")
  }
}
