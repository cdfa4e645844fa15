import Testing

@testable import PermauditCore

/// The comparison compares ASCII text byte by byte without building its form; these tests
/// hold it to the forms themselves, over text made to trip a byte comparison.
@Suite struct AttributeComparisonTests {
  static let texts = [
    "Service Account", " Service  Account ", "Service\tAccount\n", "service account",
    "SERVICE ACCOUNT", "Service\u{00A0}Account", "Service\u{200B} Account", "ServiceAccount",
    "Intégration", "Inte\u{0301}gration", "INTÉGRATION", "Integration", "\u{212A}", "K", "k",
    "", "   ", "\t\n", "Straße", "STRASSE", "ab", "ab\u{0301}", "ac", "a b", "a  b", "a\u{3000}b",
    "x@Example.com", "X@example.COM ", "e\u{0301}", "é", "E",
  ]

  static let values: [AttributeValue] =
    texts.map { .text($0) } + [.empty, .boolean(true), .boolean(false)]

  @Test(arguments: [false, true])
  func sameFormAgreesWithTheForms(ignoringCase: Bool) {
    for lhs in Self.values {
      let lhsForm = AttributeComparison.form(of: lhs, ignoringCase: ignoringCase)
      for rhs in Self.values {
        let expected = lhsForm == AttributeComparison.form(of: rhs, ignoringCase: ignoringCase)
        #expect(
          AttributeComparison.sameForm(lhs, rhs, ignoringCase: ignoringCase) == expected,
          "'\(lhs)' and '\(rhs)'")
      }
    }
  }

  @Test(arguments: [false, true])
  func hasFormAgreesWithTheForms(ignoringCase: Bool) {
    for expected in Self.values {
      let form = AttributeComparison.form(of: expected, ignoringCase: ignoringCase)
      for value in Self.values {
        let answer = AttributeComparison.form(of: value, ignoringCase: ignoringCase) == form
        #expect(
          AttributeComparison.hasForm(value, form, ignoringCase: ignoringCase) == answer,
          "'\(value)' and the form of '\(expected)'")
      }
    }
  }

  @Test func textThatFoldsToNothingHasTheFormOfAnEmptyValue() {
    #expect(AttributeComparison.sameForm(.text(" \t "), .empty, ignoringCase: false))
    #expect(AttributeComparison.hasForm(.empty, .empty, ignoringCase: true))
    #expect(!AttributeComparison.sameForm(.text("false"), .boolean(false), ignoringCase: true))
  }
}
