import Foundation
import PermauditCore
import Testing

@testable import PermauditReports

@Suite struct JSONWriterTests {
  @Test func writesEveryKindOfValueIndentedByTwo() {
    var json = JSONWriter()
    json.beginObject()
    json.field("name", "permaudit")
    json.field("skipped", nil as String?)
    json.field("count", 3)
    json.key("flags")
    json.beginArray()
    json.bool(true)
    json.bool(false)
    json.null()
    json.endArray()
    json.key("empty")
    json.beginObject()
    json.endObject()
    json.key("none")
    json.beginArray()
    json.endArray()
    json.field("at", Date(timeIntervalSince1970: 1_796_299_200.5))
    json.key("nested")
    json.beginArray()
    json.beginObject()
    json.field("quote", "say \"hi\"\n\u{2028}")
    json.endObject()
    json.string("x")
    json.int(-42)
    json.int(Int.min)
    json.endArray()
    json.endObject()
    #expect(
      json.output == """
        {
          "name": "permaudit",
          "count": 3,
          "flags": [
            true,
            false,
            null
          ],
          "empty": {},
          "none": [],
          "at": "2026-12-03T12:00:00.500Z",
          "nested": [
            {
              "quote": "say \\"hi\\"\\n\\u2028"
            },
            "x",
            -42,
            -9223372036854775808
          ]
        }
        """)
    #expect(json.bytes == Array(json.output.utf8))
  }

  @Test func startsAFragmentAtItsDepth() {
    var json = JSONWriter(depth: 2)
    json.beginObject()
    json.field("id", "m_1")
    json.key("list")
    json.beginArray()
    json.string("a")
    json.endArray()
    json.endObject()
    #expect(
      json.output == "{\n      \"id\": \"m_1\",\n      \"list\": [\n        \"a\"\n      ]\n    }")
  }

  /// Deeper than the indentation it keeps ready (32 levels) and than the levels it tracks
  /// in one word (64), each level with an item after its nested one.
  @Test(arguments: [1, 31, 32, 33, 64, 65, 100])
  func nestsDeeply(_ levels: Int) {
    var json = JSONWriter()
    for _ in 0..<levels { json.beginArray() }
    json.int(1)
    for _ in 0..<levels {
      json.endArray()
      json.string("s")
    }
    #expect(json.output == Self.nested(levels, depth: 0) + "\"s\"")
  }

  @Test func copiesAreIndependent() {
    var first = JSONWriter()
    first.beginArray()
    var second = first
    second.string("second")
    first.string("first")
    first.endArray()
    second.endArray()
    #expect(first.output == "[\n  \"first\"\n]")
    #expect(second.output == "[\n  \"second\"\n]")
  }

  @Test func growsPastItsCapacity() {
    let long = String(repeating: "é\"x", count: 5_000)
    var json = JSONWriter(capacity: 1)
    json.beginArray()
    json.string(long)
    json.string(long)
    json.endArray()
    let item = JSONText.quoted(long)
    #expect(json.output == "[\n  " + item + ",\n  " + item + "\n]")
  }

  @Test func escapedMatchesTheSharedEscaper() {
    let text = "tab\there \"quoted\" \\ \u{1B}[0m \u{2029} 名前"
    #expect("\"" + JSONWriter.escaped(text) + "\"" == JSONText.quoted(text))
  }

  /// `levels` nested lists at `depth`, each holding the next and then `"s"`.
  private static func nested(_ levels: Int, depth: Int) -> String {
    let inner = String(repeating: "  ", count: depth + 1)
    let outer = String(repeating: "  ", count: depth)
    guard levels > 1 else { return "[\n" + inner + "1\n" + outer + "]" }
    return "[\n" + inner + nested(levels - 1, depth: depth + 1) + ",\n" + inner + "\"s\"\n"
      + outer + "]"
  }
}
