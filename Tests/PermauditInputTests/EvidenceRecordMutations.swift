/// Edits of JSON Lines evidence records that aim at what a record decoder must get right:
/// keys repeated, unknown or misspelt, values of another type, escapes, Unicode, white
/// space, and stray bytes. Most edits keep the record JSON, so that both decoders get past
/// the syntax and must agree on the meaning.
extension SplitMix64 {
  /// Values that replace a string or literal: other types, blank and invisible text,
  /// escapes, non-ASCII text, URLs with credentials, timestamps, and broken UTF-8.
  static let values: [[UInt8]] = {
    var values = [
      "123", "-0", "1.5e3", "true", "false", "null", "[]", "{}", #"["a"]"#, #"{"a": "b"}"#,
      #""""#, #""  ""#, #"" \t x \t ""#, #""\u200b""#, #""\u00a0""#, #""\ufeffm_1""#,
      #""yes""#, #""No""#, #""TRUE""#, #""maybe""#, #""justworks""#, #""Justworks""#,
      #""justworks ""#, #""https://user:secret@example.com/x?token=1#f""#,
      #""file:///tmp/evidence""#, #""a:/\/b""#, #""caf\u00e9""#, #""cafe\u0301""#,
      #""caf\u00E9 \u65e5""#, #""\ud83d\ude00""#, #""\ud83d""#, #""\ude00""#, #""\u12""#,
      #""a\"b\\c\/d\b\f\n\r\t""#, #""\u0000""#, #""\x""#, #""m_1001""#, #""  m_1001 ""#,
      #""M_1001""#, #""2026-12-01T10:00:00+01:00""#, #""2026-12-01T09:00:00.250Z""#,
      #""2026-12-01T09:00:00""#, #""2026-02-30T09:00:00Z""#, #""2026-12-01t09:00:00z""#,
      #""Edit Company Settings""#, #""View invoices & reporting""#, #""x""#,
    ].map { Array($0.utf8) }
    values += [
      Array("\"Zoë 日本 😀\"".utf8), Array("\"e\u{301}\"".utf8), Array("\"\u{7F}\"".utf8),
      Array("\"a\tb\"".utf8), Array("\"\u{2003}\u{2028}\"".utf8),
      [0x22, 0xC3, 0x28, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
      [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22], [0x22, 0x01, 0x22],
    ]
    return values
  }()

  /// Entries inserted at the start of an object: repeats of every key, near misses,
  /// unknown keys, keys with escapes or non-ASCII letters, and values of the wrong type.
  static let entries: [[UInt8]] = [
    #""system": "justworks""#, #""collected_at": "2026-12-01T09:00:00Z""#,
    #""source": "test""#, #""parameters": {}"#, #""parameters": null"#,
    #""account": {"id": "m_2"}"#, #""permissions": []"#, #""permissions": null"#,
    #""id": "m_2""#, #""ID": "m_2""#, #""\u0069d": "m_2""#, #""title": "Other""#,
    #""admin_access": true"#, #""admin_access": "yes""#, #""admin_access": "no""#,
    #""admin_access": 1"#, #""manager": null"#, #""start_date": false"#,
    #""work_email": "A@B.example""#, #""linking_first_name": "Acme""#,
    #""sytem": "justworks""#, #""nickname": "Ace""#, #""flag": false"#, #""empty": null"#,
    #""count": 3"#, #""list": ["a", 1]"#, #""": """#, #""Bür": "x""#, #""\u212Aey": "x""#,
    #""t\"q": "x""#, #""deep": [[[[{"a": [1]}]]]]"#,
  ].map { Array($0.utf8) }

  /// Bytes inserted anywhere: structure, white space JSON allows and does not allow, a
  /// byte-order mark, and bytes that are not UTF-8.
  static let stray: [[UInt8]] =
    [
      " ", "\t", "\r", "\n", ",", ":", "}", "]", "{", "[", "\"", "\\", "x", "0", "\u{0B}",
      "\u{0C}", "\u{A0}", "\u{FEFF}", "\u{200B}",
    ].map { Array($0.utf8) } + [[0x00], [0x7F], [0x80], [0xFF], [0xC3]]

  /// Applies one or two edits aimed at records, or the fuzz tests' byte edits.
  mutating func mutateRecord(_ record: [UInt8]) -> [UInt8] {
    var bytes = record
    for _ in 0...below(2) {
      switch below(9) {
      case 0: bytes = mutate(bytes)
      case 1, 2: replaceValue(in: &bytes)
      case 3: insertEntry(into: &bytes)
      case 4, 5: escapeLetter(in: &bytes)
      case 6: bytes.insert(contentsOf: pick(Self.stray), at: below(bytes.count + 1))
      case 7: insertWhiteSpace(into: &bytes)
      default: duplicateEntry(in: &bytes)
      }
    }
    return bytes
  }

  /// Inserts white space that JSON allows, or a byte it does not, after a `,` or `:`.
  private mutating func insertWhiteSpace(into bytes: inout [UInt8]) {
    let separators = bytes.indices.filter {
      bytes[$0] == UInt8(ascii: ",") || bytes[$0] == UInt8(ascii: ":")
    }
    guard !separators.isEmpty else { return }
    let space = pick([" ", "\t", "\r", "  \t\r ", "\u{0B}", "\u{A0}", "\n"])
    bytes.insert(contentsOf: Array(space.utf8), at: pick(separators) + 1)
  }

  /// Replaces a string or literal, keys included, with one of ``values``.
  private mutating func replaceValue(in bytes: inout [UInt8]) {
    let tokens = Self.tokens(in: bytes)
    guard !tokens.isEmpty else { return }
    bytes.replaceSubrange(pick(tokens), with: pick(Self.values))
  }

  /// Inserts one of ``entries`` at the start of an object.
  private mutating func insertEntry(into bytes: inout [UInt8]) {
    let openings = bytes.indices.filter { bytes[$0] == UInt8(ascii: "{") }
    guard !openings.isEmpty else { return }
    let position = pick(openings) + 1
    let isEmpty = bytes[position...].first { $0 != UInt8(ascii: " ") } == UInt8(ascii: "}")
    bytes.insert(contentsOf: pick(Self.entries) + Array((isEmpty ? "" : ", ").utf8), at: position)
  }

  /// Writes an ASCII letter inside a string, key or value, as a `\uXXXX` escape.
  private mutating func escapeLetter(in bytes: inout [UInt8]) {
    let letters = Self.tokens(in: bytes).flatMap { token in
      token.filter { bytes[$0] >= UInt8(ascii: "a") && bytes[$0] <= UInt8(ascii: "z") }
    }
    guard !letters.isEmpty else { return }
    let position = pick(letters)
    let hex = String(bytes[position], radix: 16, uppercase: below(2) == 0)
    bytes.replaceSubrange(position...position, with: Array("\\u00\(hex)".utf8))
  }

  /// Repeats a `"key": value` entry right after itself.
  private mutating func duplicateEntry(in bytes: inout [UInt8]) {
    let commas = bytes.indices.filter { bytes[$0] == UInt8(ascii: ",") }
    guard commas.count >= 2 else { return }
    let first = below(commas.count - 1)
    let entry = bytes[commas[first]..<commas[first + 1]]
    bytes.insert(contentsOf: entry, at: commas[first + 1])
  }

  /// The ranges of the strings (with their quotes) and of the bare words in a record.
  static func tokens(in bytes: [UInt8]) -> [Range<Int>] {
    var tokens: [Range<Int>] = []
    var index = 0
    while index < bytes.count {
      let start = index
      if bytes[index] == UInt8(ascii: "\"") {
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        index = min(index + 1, bytes.count)
        tokens.append(start..<index)
      } else if bytes[index] >= UInt8(ascii: "a"), bytes[index] <= UInt8(ascii: "z") {
        while index < bytes.count, bytes[index] >= UInt8(ascii: "a"),
          bytes[index] <= UInt8(ascii: "z")
        {
          index += 1
        }
        tokens.append(start..<index)
      } else {
        index += 1
      }
    }
    return tokens
  }

  private mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[below(elements.count)]
  }
}
