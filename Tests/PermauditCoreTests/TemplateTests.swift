import Testing

@testable import PermauditCore

@Suite struct TemplateTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var segments: [Template.Segment]
    var testDescription: String { text.isEmpty ? "(empty)" : text }
  }

  static let parsed: [Case] = [
    .init(text: "", segments: []),
    .init(text: "Service Account", segments: [.literal("Service Account")]),
    .init(text: "${name}", segments: [.parameter("name")]),
    .init(
      text: "Hi ${first_name}!",
      segments: [.literal("Hi "), .parameter("first_name"), .literal("!")]),
    .init(text: "${a}${b2}", segments: [.parameter("a"), .parameter("b2")]),
    .init(text: "costs $5 or $", segments: [.literal("costs $5 or $")]),
    .init(text: "$${a}", segments: [.literal("$"), .parameter("a")]),
    .init(text: "{a} $ {b}", segments: [.literal("{a} $ {b}")]),
    .init(text: "${_x}-é", segments: [.parameter("_x"), .literal("-é")]),
  ]

  @Test(arguments: parsed)
  func parsesLiteralsAndParameters(_ entry: Case) throws {
    let template = try Template.parse(entry.text)
    #expect(template.segments == entry.segments)
    #expect(template.description == entry.text)
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var text: String
    var offset: Int
    var message: String
    var testDescription: String { text }
  }

  static let errors: [ErrorCase] = [
    .init(text: "${name", offset: 0, message: "not closed"),
    .init(text: "ab ${c} ${", offset: 8, message: "not closed"),
    .init(text: "é ${}", offset: 2, message: "not a parameter reference"),
    .init(text: "${first name}", offset: 0, message: "not a parameter reference"),
    .init(text: "${1st}", offset: 0, message: "not a parameter reference"),
    .init(text: "${a${b}}", offset: 0, message: "not a parameter reference"),
    .init(text: "${é}", offset: 0, message: "not a parameter reference"),
  ]

  @Test(arguments: errors)
  func refusesBrokenReferencesWithTheirOffset(_ entry: ErrorCase) {
    #expect {
      _ = try Template.parse(entry.text)
    } throws: { error in
      guard let error = error as? Template.ParseError else { return false }
      return error.offset == entry.offset && error.message.contains(entry.message)
    }
  }

  @Test func listsParameterNamesInOrder() throws {
    let template = try Template.parse("${b} and ${a} and ${b}")
    #expect(template.parameterNames == ["b", "a", "b"])
  }

  @Test func rendersEachParameterOnce() throws {
    let template = try Template.parse("${first} <${email}>")
    let values = ["first": "${email}", "email": "a@example.com"]
    #expect(template.rendered(with: values) == "${email} <a@example.com>")
  }

  @Test func rendersNothingWhenAParameterHasNoValue() throws {
    let template = try Template.parse("${first} ${last}")
    #expect(template.rendered(with: ["first": "Acme"]) == nil)
    #expect(Template.literal("plain").rendered(with: [:]) == "plain")
  }
}
