import Testing

@testable import PermauditCore

/// `--shard I/N`: a stable partition of a batch's accounts.
@Suite struct ShardTests {
  @Test func theHashIsFNV1a64() {
    // Note: the published FNV-1a test vectors; a seeded hash would differ per process.
    #expect(Shard.fnv1a("") == 0xcbf2_9ce4_8422_2325)
    #expect(Shard.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(Shard.fnv1a("foobar") == 0x8594_4171_f739_67e8)
  }

  @Test func everyAccountBelongsToExactlyOneShard() throws {
    let ids = (0..<500).map { "m_\($0)" } + ["", "ü", "👩‍💻", "a/b"]
    let shards = try (0..<7).map { try #require(Shard(index: $0, count: 7)) }
    for id in ids {
      #expect(shards.filter { $0.contains(accountID: id) }.count == 1, "\(id)")
    }
    let sizes = shards.map { shard in ids.filter { shard.contains(accountID: $0) }.count }
    #expect(sizes.allSatisfy { $0 > 40 }, "a lopsided split: \(sizes)")
  }

  @Test func parsingAcceptsOnlyAnIndexBelowTheCount() {
    #expect(Shard(parsing: "0/4") == Shard(index: 0, count: 4))
    #expect(Shard(parsing: "3/4")?.description == "3/4")
    for text in ["4/4", "-1/4", "1/0", "1", "a/4", "1/4/2", ""] {
      #expect(Shard(parsing: text) == nil, "\(text)")
    }
  }
}
