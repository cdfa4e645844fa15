import COpenSSL

/// SHA-256 digests through OpenSSL's libcrypto, for evidence, policy and report integrity.
public enum Digest {
  /// The SHA-256 of `bytes`, as 64 lowercase hex digits.
  public static func sha256<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let hashed = bytes.withContiguousStorageIfAvailable { buffer in
      EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil)
    }
    if hashed == nil {
      let copy = Array(bytes)
      _ = copy.withUnsafeBufferPointer { buffer in
        EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil)
      }
    }
    return hex(digest)
  }

  /// The SHA-256 of a string's UTF-8 bytes.
  public static func sha256(_ text: String) -> String {
    sha256(Array(text.utf8))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  static func hex(_ bytes: [UInt8]) -> String {
    var characters: [UInt8] = []
    characters.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      characters.append(hexDigits[Int(byte >> 4)])
      characters.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: characters, as: UTF8.self)
  }
}
