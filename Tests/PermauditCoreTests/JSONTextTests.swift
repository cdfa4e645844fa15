import Testing

@testable import PermauditCore

/// ``JSONText`` escapes eight bytes at a time; these check every character it escapes, at
/// every position within and after those eight bytes, against a character-by-character
/// reference.
@Suite struct JSONTextTests {
  static let controls: [(Unicode.Scalar, String)] =
    (0..<0x20).map { value in
      let scalar = Unicode.Scalar(UInt8(value))
      switch value {
      case 0x09: return (scalar, "\\t")
      case 0x0A: return (scalar, "\\n")
      case 0x0D: return (scalar, "\\r")
      default: return (scalar, "\\u00" + hex(value))
      }
    } + [("\u{7F}", "\\u007f")]

  @Test func escapesEveryControlCharacter() {
    for (scalar, escape) in Self.controls {
      #expect(JSONText.quoted("a" + String(scalar) + "b") == "\"a" + escape + "b\"")
    }
  }

  @Test(arguments: [
    ("\"", "\\\""), ("\\", "\\\\"), ("\u{2028}", "\\u2028"), ("\u{2029}", "\\u2029"),
    ("\"\\\"", "\\\"\\\\\\\""), ("\u{2028}\u{2029}", "\\u2028\\u2029"),
  ])
  func escapesQuotesBackslashesAndLineSeparators(_ text: String, _ escaped: String) {
    #expect(JSONText.quoted(text) == "\"" + escaped + "\"")
  }

  /// Characters that share a first byte with U+2028 (0xE2), and the rest of UTF-8, pass
  /// through as they are.
  @Test(arguments: [
    "é", "Zoë 名前", "😀", "Company → Settings", "\u{2027}", "\u{202A}", "\u{2030}",
    "\u{20AC}", "\u{2192}\u{2028}\u{2192}", "\u{85}", "\u{A0}", "\u{FEFF}", "",
  ])
  func passesOtherCharactersThrough(_ text: String) {
    #expect(JSONText.quoted(text) == Self.reference(text))
  }

  @Test func escapesAtEveryPositionAroundAWord() {
    let specials =
      Self.controls.map { String($0.0) } + [
        "\"", "\\", "\u{2028}", "\u{2029}", "→", "é", "😀", "\u{202A}",
      ]
    for length in 0..<20 {
      for position in 0...length {
        for special in specials {
          let text =
            String(repeating: "a", count: position) + special
            + String(repeating: "b", count: length - position)
          #expect(JSONText.quoted(text) == Self.reference(text), "\(Array(text.utf8))")
          var appended: [UInt8] = [1]
          JSONText.appendEscaped(text, to: &appended)
          #expect(appended == [1] + Array(Self.reference(text).utf8.dropFirst().dropLast()))
        }
      }
    }
  }

  @Test func escapesLongMixedText() {
    var random = SeededRandom(seed: 7)
    let pieces = ["plain text ", "\"", "\\", "\n", "\u{1}", "→", "\u{2028}", "日本", "x"]
    for _ in 0..<200 {
      var text = ""
      for _ in 0..<Int(random.next() % 60) {
        text += pieces[Int(random.next() % UInt64(pieces.count))]
      }
      #expect(JSONText.quoted(text) == Self.reference(text))
    }
  }

  @Test func writesNoMoreThanTheRoomItAsksFor() {
    let text = String(repeating: "\u{1}", count: 11)
    let room = JSONText.maximumEscapedCount(text.utf8.count)
    var output = [UInt8](repeating: 0, count: room)
    let written = Array(text.utf8).withUnsafeBufferPointer { utf8 in
      output.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress.map { JSONText.writeEscaped(utf8, to: $0) } ?? 0
      }
    }
    #expect(written == room)
    #expect(String(decoding: output, as: UTF8.self) == String(repeating: "\\u0001", count: 11))
  }

  /// Escapes one character at a time, as JSON and ``JSONText`` define it.
  private static func reference(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x22: result += "\\\""
      case 0x5C: result += "\\\\"
      case 0x0A: result += "\\n"
      case 0x0D: result += "\\r"
      case 0x09: result += "\\t"
      case 0x00..<0x20, 0x7F: result += "\\u00" + hex(Int(scalar.value))
      case 0x2028, 0x2029: result += "\\u" + String(scalar.value, radix: 16)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  private static func hex(_ value: Int) -> String {
    let digits = String(value, radix: 16)
    return digits.count == 1 ? "0" + digits : digits
  }
}
