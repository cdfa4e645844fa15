/// The SHA-256 a report carries of its own content, so that `permaudit verify` can tell
/// an edited report from the one permaudit wrote.
///
/// Canonical form: every report that carries a digest writes the token `report_sha256`
/// once, at its very end, followed within a few bytes by the 64 lowercase hex digits of
/// the digest. The digest is the SHA-256 of the whole file with those 64 digits replaced by
/// 64 `0` characters. Reports are rendered with that placeholder and sealed once complete.
///
/// Note: the digest detects edits, not forgery: whoever edits a report can compute a new
/// digest. Keep the digest apart from the report (the run history does) when that matters.
public enum ReportDigest {
  /// The token in front of the digest.
  public static let token = "report_sha256"
  /// The digest's stand-in while the report is rendered, and in the canonical form.
  public static let placeholder = String(repeating: "0", count: 64)

  /// How far after the token the digits may start.
  static let searchWindow = 32

  /// Where the digest's digits are: the first 64 lowercase hex digits in a row that start
  /// within a few bytes after the last `report_sha256`, or `nil` when there are none.
  public static func location<Bytes: BidirectionalCollection<UInt8>>(in bytes: Bytes)
    -> Range<Int>? where Bytes.Index == Int
  {
    let token = Array(Self.token.utf8)
    guard bytes.count >= token.count + 64 else { return nil }
    var start = bytes.endIndex - token.count
    while start >= bytes.startIndex {
      if bytes[start] == token[0], bytes[start..<start + token.count].elementsEqual(token) {
        break
      }
      start -= 1
    }
    guard start >= bytes.startIndex else { return nil }

    var run = 0
    var position = start + token.count
    while position < bytes.endIndex {
      if isHexDigit(bytes[position]) {
        run += 1
        if run == 64 { return (position - 63)..<(position + 1) }
      } else {
        guard position - (start + token.count) < searchWindow else { return nil }
        run = 0
      }
      position += 1
    }
    return nil
  }

  /// The report's bytes with the digest written over the placeholder at `range`.
  public static func sealed(_ bytes: [UInt8], digestAt range: Range<Int>) -> [UInt8] {
    var canonical = bytes
    canonical.replaceSubrange(range, with: Array(placeholder.utf8))
    var result = canonical
    result.replaceSubrange(range, with: Array(SHA256.hex(canonical).utf8))
    return result
  }

  /// A whole rendered report, sealed; unchanged when it carries no digest.
  public static func sealed(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard let range = location(in: bytes) else { return text }
    return String(decoding: sealed(bytes, digestAt: range), as: UTF8.self)
  }

  /// What checking a report's digest found.
  public enum Verification: Equatable, Sendable {
    /// The recorded digest matches the content.
    case intact(digest: String)
    /// The content does not match the recorded digest.
    case tampered(recorded: String, computed: String)
    /// The token is there but no digest follows it: the digest itself was edited.
    case damaged
    /// The report carries no digest.
    case missing
  }

  /// Recomputes the digest of a report's bytes and compares it with the one it records.
  public static func verify(_ bytes: [UInt8]) -> Verification {
    guard let range = location(in: bytes) else {
      let token = Array(Self.token.utf8)
      let hasToken = bytes.indices.dropLast(token.count - 1).contains {
        bytes[$0..<$0 + token.count].elementsEqual(token)
      }
      return hasToken ? .damaged : .missing
    }
    let recorded = String(decoding: bytes[range], as: UTF8.self)
    var canonical = bytes
    canonical.replaceSubrange(range, with: Array(placeholder.utf8))
    let computed = SHA256.hex(canonical)
    return computed == recorded
      ? .intact(digest: recorded) : .tampered(recorded: recorded, computed: computed)
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
  }
}
