import Foundation
import PermauditInput
import Testing

/// Checks the JSON reader against Foundation's `JSONSerialization`: both must accept and
/// refuse the same texts, except where the product contract is deliberately stricter.
@Suite struct JSONReaderDifferentialTests {
  /// Texts on which both parsers must agree.
  static let agreed: [String] = [
    #"{}"#, #"[]"#, #"{"a": [1, 2.5, -3e2, true, false, null]}"#, #""text""#, "12", "-0",
    "1E+2", " \r\n\t[1]\r\n", #"{"a": "\u00e9\n\"\\\/"}"#, #"["\ud83d\ude00"]"#,
    #"{"a": {"b": {"c": []}}}"#, #"["Zoë 日本"]"#,
    "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[-]",
    #"{'a': 1}"#, "{a: 1}", "[True]", "[NaN]", "[1] [2]", "", "   ", "[", #"{"a": 1"#,
    #"["a\qb"]"#, "[\"a\tb\"]", #"{"a" 1}"#, #"{"a": 1 "b": 2}"#, "[1 2]", "// c\n[]",
    #"["\ud83d"]"#, #"["\ude00"]"#, #"["\u12"]"#, "\u{FEFF}[1]", "[\"\u{7F}\"]", "[\"a\u{0}\"]",
  ]

  /// Texts Foundation accepts and the contract refuses on purpose: duplicate keys,
  /// trailing commas (which Foundation on Linux lets through) and deep nesting.
  static let stricter: [String] = [
    #"{"a": 1,}"#, "[1, 2,]",
    #"{"a": 1, "a": 2}"#,
    String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
  ]

  @Test(arguments: agreed)
  func agreesWithFoundation(_ text: String) {
    #expect(ours(accepts: text) == foundation(accepts: text), "\(text.debugDescription)")
  }

  @Test(arguments: stricter)
  func isStricterThanFoundationOnPurpose(_ text: String) {
    #expect(foundation(accepts: text))
    #expect(!ours(accepts: text))
  }

  private func ours(accepts text: String) -> Bool {
    (try? JSONReader.parse(Array(text.utf8), file: "in.json")) != nil
  }

  private func foundation(accepts text: String) -> Bool {
    let data = Data(text.utf8)
    return (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil
  }
}
