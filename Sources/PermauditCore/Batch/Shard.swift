/// One of N stable subsets of a batch's accounts, so that N machines can share a batch
/// (`--shard I/N`, I counted from 0 like a Kubernetes indexed Job's completion index).
///
/// An account belongs to the shard whose index is the 64-bit FNV-1a hash of its id's UTF-8
/// bytes modulo N: the same on every process and machine, unlike Swift's seeded `hashValue`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  public let index: Int
  public let count: Int

  /// A shard, or `nil` unless `count >= 1` and `0 <= index < count`.
  public init?(index: Int, count: Int) {
    guard count >= 1, (0..<count).contains(index) else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `I/N`; `nil` when the text is not that or out of range.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      return nil
    }
    self.init(index: index, count: count)
  }

  /// Whether the account with this id belongs to this shard.
  public func contains(accountID: String) -> Bool {
    Int(Self.fnv1a(accountID) % UInt64(count)) == index
  }

  /// `I/N`.
  public var description: String { "\(index)/\(count)" }

  /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes.
  public static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}
