import Testing

@testable import PermauditReports

@Suite struct MarkdownEscapingTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let output: String
    var testDescription: String { name }
  }

  static let textCases: [Case] = [
    Case(name: "plain words stay as they are", input: "No Department", output: "No Department"),
    Case(name: "pipe", input: "a|b", output: #"a\|b"#),
    Case(name: "backslash", input: #"C:\path"#, output: #"C:\\path"#),
    Case(name: "escaped pipe stays escaped", input: #"\|"#, output: #"\\\|"#),
    Case(
      name: "HTML tag", input: "<script>alert(1)</script>",
      output: #"\<script\>alert(1)\</script\>"#),
    Case(
      name: "link", input: "[x](javascript:alert(1))", output: #"\[x\](javascript:alert(1))"#),
    Case(name: "image", input: "![x](y)", output: #"!\[x\](y)"#),
    Case(name: "code span", input: "`code`", output: #"\`code\`"#),
    Case(name: "emphasis", input: "*bold* _it_", output: #"\*bold\* \_it\_"#),
    Case(name: "strikethrough", input: "~~gone~~", output: #"\~\~gone\~\~"#),
    Case(name: "math", input: "$x$", output: #"\$x\$"#),
    Case(name: "entity", input: "&lt;b&gt;", output: #"\&lt;b\&gt;"#),
    Case(name: "heading at line start", input: "# Title", output: "\\# Title"),
    Case(name: "hash inside a line", input: "Room #4", output: "Room #4"),
    Case(name: "list marker at line start", input: "- item", output: #"\- item"#),
    Case(name: "plus at line start", input: "+1", output: #"\+1"#),
    Case(name: "setext underline", input: "===", output: #"\==="#),
    Case(name: "ordered list marker", input: "1. first", output: #"1\. first"#),
    Case(name: "number that is not a marker", input: "2026-11-30", output: "2026-11-30"),
    Case(name: "line feed", input: "one\ntwo", output: "one two"),
    Case(name: "CR LF is one break", input: "one\r\ntwo", output: "one two"),
    Case(name: "heading after a line break", input: "x\n# y", output: "x # y"),
    Case(name: "tab", input: "a\tb", output: "a b"),
    Case(name: "non-ASCII", input: "Zoë 名前 Ünïcødé", output: "Zoë 名前 Ünïcødé"),
    Case(name: "terminal escape", input: "\u{1B}[31m", output: #"\\u{1B}\[31m"#),
    Case(name: "bidirectional override", input: "a\u{202E}b", output: #"a\\u{202E}b"#),
  ]

  @Test(arguments: textCases)
  func escapesText(_ example: Case) {
    #expect(MarkdownEscaping.text(example.input) == example.output)
  }

  @Test(arguments: textCases)
  func tableCellsEscapeLikeText(_ example: Case) {
    let cell = MarkdownEscaping.tableCell(example.input)
    #expect(cell == example.output)
    #expect(!cell.contains("\n"))
  }

  static let codeCases: [Case] = [
    Case(name: "identifier", input: "m_1001", output: "`m_1001`"),
    Case(name: "inner backtick", input: "a`b", output: "``a`b``"),
    Case(name: "backtick at the ends", input: "`x`", output: "`` `x` ``"),
    Case(name: "run of backticks", input: "a```b", output: "````a```b````"),
    Case(name: "spaces at both ends", input: " x ", output: "`  x  `"),
    Case(name: "empty", input: "", output: "` `"),
    Case(name: "line break", input: "a\nb", output: "`a b`"),
    Case(name: "HTML stays literal", input: "<b>", output: "`<b>`"),
  ]

  @Test(arguments: codeCases)
  func fencesCodeSpans(_ example: Case) {
    #expect(MarkdownEscaping.code(example.input) == example.output)
  }

  @Test func escapesPipesInCodeSpansOnlyInTables() {
    #expect(MarkdownEscaping.code("a|b", inTable: true) == #"`a\|b`"#)
    #expect(MarkdownEscaping.code("a|b") == "`a|b`")
  }

  @Test func writesBackslashAndPipeInTablesAsEscapedText() {
    #expect(MarkdownEscaping.code(#"a\|b"#, inTable: true) == #"a\\\|b"#)
    #expect(MarkdownEscaping.code(#"a\b"#, inTable: true) == #"`a\b`"#)
  }

  struct LinkCase: CustomTestStringConvertible, Sendable {
    let name: String
    let title: String
    let url: String
    let output: String
    var testDescription: String { name }
  }

  static let linkCases: [LinkCase] = [
    LinkCase(
      name: "https link", title: "Guide", url: "https://example.com/a b",
      output: "[Guide](<https://example.com/a%20b>)"),
    LinkCase(
      name: "markup in title and address", title: "[t]", url: "https://e.com/<x>",
      output: #"[\[t\]](<https://e.com/%3Cx%3E>)"#),
    LinkCase(
      name: "javascript address is not a link", title: "x", url: "javascript:alert(1)",
      output: "x (javascript:alert(1))"),
    LinkCase(
      name: "data address is not a link", title: "x", url: "data:text/html,<b>",
      output: #"x (data:text/html,\<b\>)"#),
  ]

  @Test(arguments: linkCases)
  func linksOnlyToWebAddresses(_ example: LinkCase) {
    #expect(MarkdownEscaping.link(example.title, url: example.url) == example.output)
  }
}
