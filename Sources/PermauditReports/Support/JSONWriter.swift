import Foundation
import PermauditCore

/// Writes JSON as UTF-8 bytes with keys in the order given, so reports read top-down and
/// are byte-identical for the same inputs. Two-space indentation, starting at any depth so
/// that a fragment lines up inside its parent; or everything on one line (one account of a
/// streamed report), with a space after each colon and comma.
///
/// Each call makes room for everything it writes (separator, key, escaped value) at once
/// and then writes it through a ``ByteCursor``, which is what keeps rendering cheap.
public struct JSONWriter {
  private var storage: ByteStorage
  private var depth: Int
  private var levels = JSONLevels()
  private var pendingKey = false
  private let isOneLine: Bool

  /// A writer whose first value sits at `depth` levels of indentation.
  public init(depth: Int = 0, capacity: Int = 1024) {
    self.depth = depth
    isOneLine = false
    storage = ByteStorage(capacity: capacity)
  }

  /// A writer that puts everything on one line.
  public init(oneLineWithCapacity capacity: Int) {
    depth = 0
    isOneLine = true
    storage = ByteStorage(capacity: capacity)
  }

  /// The bytes written so far.
  public var bytes: [UInt8] { Array(storage.written) }

  /// The bytes written so far, as text.
  public var output: String { String(decoding: storage.written, as: UTF8.self) }

  public mutating func beginObject() { open(UInt8(ascii: "{")) }
  public mutating func endObject() { close(UInt8(ascii: "}")) }
  public mutating func beginArray() { open(UInt8(ascii: "[")) }
  public mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Writes a key; the next value belongs to it.
  ///
  /// Keys are the schema's own names and are written as they are, without escaping.
  public mutating func key(_ name: StaticString) {
    let separator = separate()
    write(room: separator.count + Self.room(forKey: name)) { out in
      out.put(separator)
      out.putKey(name)
    }
    pendingKey = true
  }

  public mutating func string(_ value: String) {
    Self.withUTF8(value) { utf8 in
      let separator = separate()
      write(room: separator.count + Self.room(forString: utf8)) { out in
        out.put(separator)
        out.putQuoted(utf8)
      }
    }
  }

  public mutating func int(_ value: Int) {
    var digits = String(value)
    digits.withUTF8 { digits in plain(digits) }
  }

  public mutating func bool(_ value: Bool) {
    (value ? "true" as StaticString : "false").withUTF8Buffer { plain($0) }
  }

  public mutating func null() {
    ("null" as StaticString).withUTF8Buffer { plain($0) }
  }

  /// `"key": "value"`, or nothing when `value` is `nil`.
  public mutating func field(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    Self.withUTF8(value) { utf8 in
      let separator = separate()
      write(room: separator.count + Self.room(forKey: name) + Self.room(forString: utf8)) { out in
        out.put(separator)
        out.putKey(name)
        out.putQuoted(utf8)
      }
    }
  }

  public mutating func field(_ name: StaticString, _ value: Int) {
    key(name)
    int(value)
  }

  /// `"key": "2026-12-03T12:00:00Z"`, the time as ``Timestamp/format(_:)`` writes it.
  public mutating func field(_ name: StaticString, _ value: Date) {
    let separator = separate()
    let room = separator.count + Self.room(forKey: name) + Timestamp.maximumLength + 2
    write(room: room) { out in
      out.put(separator)
      out.putKey(name)
      out.put(UInt8(ascii: "\""))
      out.put(value)
      out.put(UInt8(ascii: "\""))
    }
  }

  /// Appends bytes as they are, for the glue between fragments that a caller places itself.
  mutating func raw(_ text: StaticString) {
    write(room: text.utf8CodeUnitCount) { $0.put(text) }
  }

  private mutating func open(_ bracket: UInt8) {
    let separator = separate()
    write(room: separator.count + 1) { out in
      out.put(separator)
      out.put(bracket)
    }
    depth += 1
    levels.open()
  }

  private mutating func close(_ bracket: UInt8) {
    let hadItems = levels.close()
    depth -= 1
    let separator =
      hadItems && !isOneLine ? JSONSeparator(comma: false, depth: depth) : JSONSeparator()
    write(room: separator.count + 1) { out in
      out.put(separator)
      out.put(bracket)
    }
  }

  /// A value written as it is (a number, `true`, `null`), after its separator.
  private mutating func plain(_ text: UnsafeBufferPointer<UInt8>) {
    let separator = separate()
    write(room: separator.count + text.count) { out in
      out.put(separator)
      out.put(text)
    }
  }

  /// What goes before a value or key: nothing after a key, else the comma (unless it is
  /// the first item) and the line break.
  private mutating func separate() -> JSONSeparator {
    if pendingKey {
      pendingKey = false
      return JSONSeparator()
    }
    guard let isFirst = levels.addItem() else { return JSONSeparator() }
    if isOneLine { return JSONSeparator(inlineComma: !isFirst) }
    return JSONSeparator(comma: !isFirst, depth: depth)
  }

  /// Makes room for `room` more bytes and lets `body` write them (or fewer).
  private mutating func write(room: Int, _ body: (inout ByteCursor) -> Void) {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    var cursor = storage.cursor(room: room)
    body(&cursor)
    storage.finish(cursor)
  }

  /// Calls `body` with the UTF-8 of `text`, copying it only if it is not stored in one piece.
  private static func withUTF8(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    if text.utf8.withContiguousStorageIfAvailable(body) != nil { return }
    var copy = text
    copy.withUTF8(body)
  }

  private static func room(forKey name: StaticString) -> Int {
    assert(isPlain(name), "JSON key '\(name)' needs escaping")
    return name.utf8CodeUnitCount + 4
  }

  private static func isPlain(_ name: StaticString) -> Bool {
    name.withUTF8Buffer { utf8 in
      !utf8.contains {
        $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 >= 0x7F
      }
    }
  }

  private static func room(forString utf8: UnsafeBufferPointer<UInt8>) -> Int {
    JSONText.maximumEscapedCount(utf8.count) + 2
  }

  /// `text` escaped for a JSON string, without the quotes.
  public static func escaped(_ text: String) -> String {
    var bytes: [UInt8] = []
    JSONText.appendEscaped(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
