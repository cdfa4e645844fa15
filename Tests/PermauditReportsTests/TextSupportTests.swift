import PermauditCore
import Testing

@testable import PermauditReports

@Suite struct TextSupportTests {
  @Test(arguments: [
    ("one\ntwo", "one two"), ("a\r\nb", "a b"), ("a\u{2028}b", "a b"),
    ("\u{1B}[2J", "\\u{1B}[2J"), ("\u{07}", "\\u{7}"), ("\u{9B}", "\\u{9B}"),
    ("x\u{2066}y", "x\\u{2066}y"), ("Zoë 名前", "Zoë 名前"),
  ])
  func putsTextOnOneVisibleLine(_ input: String, _ output: String) {
    #expect(VisibleText.singleLine(input) == output)
  }

  @Test func wrapsAtSpacesWithinTheWidth() {
    let lines = TextWrapping.wrap("the quick brown fox jumps over the lazy dog", width: 10)
    #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
  }

  @Test func givesALongWordALineOfItsOwn() {
    #expect(
      TextWrapping.wrap("a https://example.com/long b", width: 5)
        == ["a", "https://example.com/long", "b"])
    #expect(TextWrapping.wrap("", width: 5) == [""])
  }
}
