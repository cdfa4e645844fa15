import COpenSSL

/// SHA-256 through OpenSSL's libcrypto, fed in pieces so that a streamed report can be
/// hashed without holding it in memory.
public final class SHA256 {
  private let context: OpaquePointer?

  public init() {
    context = EVP_MD_CTX_new()
    EVP_DigestInit_ex(context, EVP_sha256(), nil)
  }

  deinit { EVP_MD_CTX_free(context) }

  /// Adds `bytes` to the hashed content.
  public func update<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
    let done = bytes.withContiguousStorageIfAvailable { buffer in
      EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
    }
    if done == nil {
      let copy = Array(bytes)
      copy.withUnsafeBufferPointer { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
    }
  }

  /// The digest of everything added, as 64 lowercase hex digits. Call once.
  public func finish() -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    EVP_DigestFinal_ex(context, &digest, &length)
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in digest {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
  }

  /// The digest of `bytes` at once.
  public static func hex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    let hasher = SHA256()
    hasher.update(bytes)
    return hasher.finish()
  }

  /// The digest of a string's UTF-8 bytes.
  public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}
