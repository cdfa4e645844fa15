import PermauditInput
import Testing

/// Mutated inputs from a fixed seed: the readers must never crash, and every error they
/// report must point inside the input.
@Suite struct DocumentReaderFuzzTests {
  static let jsonSeeds = [
    #"{"system": "justworks", "account": {"id": "m_1", "admin_access": true}, "n": -1.5e3}"#,
    "[\"\\ud83d\\ude00\", \"é\\n\", null, false, [[], {}], {\"a\": [1, 2, {\"b\": \"c\"}]}]",
    "{\r\n  \"permissions\": [\"Edit Company Settings\", \"Manage Employees\"],\r\n  \"x\": 0\r\n}",
  ]

  static let yamlSeeds = [
    "system: justworks\naccount:\n  id: m_1\n  manager:\n  title: \"Service\"\n"
      + "permissions:\n  - Edit\n",
    "- {a: 1, b: [x, 'y', ~]}\n- &x text\n- !!str 12\n- |\n  block\n---\nc: d\n",
  ]

  @Test func mutatedJSONNeverCrashes() {
    var random = SplitMix64(seed: 0x5EED_0001)
    for round in 0..<1_000 {
      let seed = Self.jsonSeeds[round % Self.jsonSeeds.count]
      let input = random.mutate(Array(seed.utf8))
      check(input) { try JSONReader.parse(input, file: "f.json") }
      check(input) { try JSONLinesReader.parse(input, file: "f.jsonl") }
      check(input) { try DocumentReader.read(input, file: "-") }
    }
  }

  @Test func mutatedYAMLNeverCrashes() {
    var random = SplitMix64(seed: 0x5EED_0002)
    for round in 0..<1_000 {
      let seed = Self.yamlSeeds[round % Self.yamlSeeds.count]
      let input = random.mutate(Array(seed.utf8))
      check(input) { try YAMLReader.parseDocuments(input, file: "f.yaml") }
    }
  }

  @Test func randomBracketSoupNeverCrashes() {
    var random = SplitMix64(seed: 0x5EED_0003)
    let alphabet = Array("[]{}\":,1 \n-a".utf8)
    for _ in 0..<300 {
      let length = Int(random.next() % 400)
      let input = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
      check(input) { try JSONReader.parse(input, file: "f.json") }
      check(input) { try YAMLReader.parseDocuments(input, file: "f.yaml") }
    }
  }

  /// Runs a reader: it may only throw an ``InputError``, located within the input.
  private func check<Result>(
    _ input: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ read: () throws -> Result
  ) {
    do {
      _ = try read()
    } catch let error as InputError {
      // Lines end at LF, or for YAML at a CR not followed by LF too.
      let lines =
        1
        + input.indices.count { position in
          input[position] == 0x0A
            || (input[position] == 0x0D
              && (position + 1 == input.count || input[position + 1] != 0x0A))
        }
      guard let location = error.location, location.line > 0 else { return }
      #expect(
        location.line <= lines, "\(error) in \(input)", sourceLocation: sourceLocation)
      #expect(location.column >= 1, "\(error)", sourceLocation: sourceLocation)
      #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
    } catch {
      Issue.record("not an InputError: \(error)", sourceLocation: sourceLocation)
    }
  }
}

/// A small, fixed-seed pseudo-random generator (SplitMix64), so failures reproduce.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

  /// Applies one to four random edits: replace, insert, delete, duplicate, truncate.
  mutating func mutate(_ input: [UInt8]) -> [UInt8] {
    let interesting: [UInt8] =
      Array("{}[],:\"\\'-0eE.\n\r\t #&*!|>".utf8) + [0, 0x80, 0xC3, 0xED, 0xFF]
    var bytes = input
    for _ in 0...below(4) {
      let position = below(bytes.count + 1)
      switch below(5) {
      case 0 where position < bytes.count:
        bytes[position] = interesting[below(interesting.count)]
      case 1:
        bytes.insert(interesting[below(interesting.count)], at: position)
      case 2 where position < bytes.count:
        bytes.removeSubrange(position..<min(bytes.count, position + 1 + below(8)))
      case 3 where position < bytes.count:
        let end = min(bytes.count, position + 1 + below(16))
        bytes.insert(contentsOf: bytes[position..<end], at: position)
      case 4:
        bytes.removeSubrange(position...)
      default:
        bytes.append(interesting[below(interesting.count)])
      }
    }
    return bytes
  }
}
