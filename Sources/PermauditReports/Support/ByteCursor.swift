import Foundation
import PermauditCore

/// Writes bytes through a pointer, into room that its caller has already made for them.
///
/// The caller counts the room first, so that a key, its value and their punctuation go
/// down with one capacity check; every put still checks its bounds (one comparison), so a
/// miscount stops the process instead of writing past the buffer.
struct ByteCursor {
  private(set) var position: UnsafeMutablePointer<UInt8>
  private let end: UnsafeMutablePointer<UInt8>

  /// A cursor at `start`, with room up to `end`.
  init(start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>) {
    position = start
    self.end = end
  }

  mutating func put(_ byte: UInt8) {
    precondition(position < end, "ByteCursor overrun")
    position.initialize(to: byte)
    position += 1
  }

  mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
    precondition(bytes.count <= end - position, "ByteCursor overrun")
    guard let start = bytes.baseAddress else { return }
    position.initialize(from: start, count: bytes.count)
    position += bytes.count
  }

  mutating func put(_ text: StaticString) {
    text.withUTF8Buffer { put($0) }
  }

  /// UTF-8 text escaped for the inside of a JSON string; needs room for
  /// ``JSONText/maximumEscapedCount(_:)`` bytes.
  mutating func putEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    precondition(JSONText.maximumEscapedCount(utf8.count) <= end - position, "ByteCursor overrun")
    position += JSONText.writeEscaped(utf8, to: position)
  }

  /// A time as ``Timestamp/format(_:)`` writes it; needs room for
  /// ``Timestamp/maximumLength`` bytes.
  mutating func put(_ date: Date) {
    let buffer = UnsafeMutableBufferPointer(start: position, count: Timestamp.maximumLength)
    precondition(buffer.count <= end - position, "ByteCursor overrun")
    position += Timestamp.write(date, into: buffer)
  }
}

extension ByteCursor {
  /// `"name": `, for a key that needs no escaping.
  mutating func putKey(_ name: StaticString) {
    put(UInt8(ascii: "\""))
    put(name)
    put("\": ")
  }

  /// UTF-8 text as a JSON string, quotes included.
  mutating func putQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    put(UInt8(ascii: "\""))
    putEscaped(utf8)
    put(UInt8(ascii: "\""))
  }
}
