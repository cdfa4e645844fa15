import Foundation
import Testing

@testable import PermauditCLI

/// Bad input never crashes: seeded random damage to valid evidence always ends in exit
/// 0, 1 or 2, with a JSON report or one error message, never a trace.
@Suite struct AuditFuzzTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  /// SplitMix64: small, fast and the same on every platform, so a failure can be replayed.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Bytes that break structure: brackets, quotes, separators, NUL, invalid UTF-8.
  static let hostileBytes: [[UInt8]] = [
    Array("[".utf8), Array("{".utf8), Array("\"".utf8), Array(":".utf8), Array(",".utf8),
    [0], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], Array("\n- ".utf8),
    Array("&anchor ".utf8), Array("*anchor".utf8), Array("\\u".utf8), Array("!!binary ".utf8),
    Array(String(repeating: "[", count: 70).utf8),
  ]

  static func mutate(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      guard !bytes.isEmpty else { return bytes }
      let position = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<5, using: &random) {
      case 0: bytes[position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
      case 1: bytes.removeSubrange(position...)
      case 2: bytes.remove(at: position)
      case 3: bytes.insert(contentsOf: hostileBytes.randomElement(using: &random)!, at: position)
      default: bytes[position] = UInt8.random(in: 0...255, using: &random)
      }
    }
    return bytes
  }

  static let yaml = """
    system: justworks
    collected_at: 2026-12-05T07:00:00Z
    source: attestation:hr-ops@example.test
    parameters: {linking_first_name: Juniper, linking_work_email: juniper-sync@link.example}
    account:
      id: m_7302
      first_name: Juniper
      last_name: Service Account
      work_email: juniper-sync@link.example
      member_type: "3rd Party Admin / Accountant"
      admin_access: yes
      title: Service Account
      manager:
      start_date: 2026-11-21
    permissions:
      - Edit company settings
      - Manage employees
      - [View all employee information]
      - View invoices & reporting

    """

  @Test func damagedEvidenceNeverCrashes() throws {
    let batch = [
      EvidenceFixture().jsonLine, EvidenceFixture.compliant(id: "m_2", firstName: "B").jsonLine,
    ]
    let seeds: [(file: String, bytes: [UInt8])] = [
      ("evidence.json", Array(EvidenceFixture().json.utf8)),
      ("evidence.yaml", Array(Self.yaml.utf8)),
      ("batch.jsonl", Array(batch.joined(separator: "\n").utf8)),
    ]
    var random = SeededGenerator(state: 0x5EED_2026_1205)
    var exits: [ExitCode: Int] = [:]

    for round in 0..<300 {
      let seed = seeds[round % seeds.count]
      let bytes = Self.mutate(seed.bytes, using: &random)
      let path = try sandbox.write(bytes: bytes, to: "\(round)-\(seed.file)")
      let result = CLI.audit(evidence: [path])
      exits[result.exitCode, default: 0] += 1

      let replay = "round \(round) of seed \(seed.file): \(path)"
      #expect(
        [.compliant, .nonCompliant, .invalidInput].contains(result.exitCode), "\(replay)")
      #expect(!result.hasTrace, "\(replay): \(result.stderr)")
      if result.exitCode == .invalidInput {
        #expect(result.stderr.hasPrefix("permaudit: error: "), "\(replay): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(replay)")
      } else {
        #expect(throws: Never.self, "\(replay)") { try result.report() }
      }
    }
    // The damage must reach both outcomes, or the test proves little.
    #expect(exits[.invalidInput, default: 0] > 50)
    #expect(exits[.compliant, default: 0] + exits[.nonCompliant, default: 0] > 10)
  }
}
