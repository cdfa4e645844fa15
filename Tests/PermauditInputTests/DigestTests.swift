import Testing

@testable import PermauditInput

@Suite struct DigestTests {
  @Test(arguments: [
    ("empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "448 bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "one million a", String(repeating: "a", count: 1_000_000),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    ),
  ])
  func knownVectors(_ name: String, _ text: String, _ expected: String) {
    #expect(Digest.sha256(text) == expected)
    #expect(Digest.sha256(Array(text.utf8)) == expected)
  }

  @Test func everyCollectionOfBytesGivesTheSameDigest() {
    let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    let bytes = Array("xabcx".utf8)
    #expect(Digest.sha256(bytes[1..<4]) == abc)
    // Not contiguous: takes the copying path.
    #expect(Digest.sha256(Array("cba".utf8).reversed()) == abc)
    #expect(InputFile(path: "in.txt", bytes: Array("abc".utf8)).sha256 == abc)
  }

  @Test func digestIsLowercaseHex() {
    let digest = Digest.sha256([0xFF, 0x00, 0x7F])
    #expect(digest.count == 64)
    #expect(digest.allSatisfy { "0123456789abcdef".contains($0) })
  }
}
