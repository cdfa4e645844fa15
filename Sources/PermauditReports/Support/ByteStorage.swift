/// The memory a ``JSONWriter`` writes into: grown by doubling and written through a
/// ``ByteCursor``, so that a write needs one capacity check however many pieces it has.
///
/// Note: a class so that growing it does not zero memory that is about to be written; the
/// writer copies it before writing when it is shared, which keeps the writer a value.
final class ByteStorage {
  private(set) var start: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  /// How many bytes from `start` are written.
  var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    start = .allocate(capacity: self.capacity)
  }

  deinit {
    start.deallocate()
  }

  /// The written bytes, valid until the next write.
  var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

  /// A storage of its own with the same bytes.
  func copy() -> ByteStorage {
    let copy = ByteStorage(capacity: capacity)
    copy.start.initialize(from: start, count: count)
    copy.count = count
    return copy
  }

  /// A cursor after the written bytes, with room for at least `room` more.
  func cursor(room: Int) -> ByteCursor {
    if capacity - count < room { grow(toHold: count + room) }
    return ByteCursor(start: start + count, end: start + capacity)
  }

  /// Counts what `cursor`, made by ``cursor(room:)``, has written.
  func finish(_ cursor: ByteCursor) {
    count = cursor.position - start
  }

  private func grow(toHold minimum: Int) {
    let newCapacity = max(minimum, capacity * 2)
    let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newStart.initialize(from: start, count: count)
    start.deallocate()
    start = newStart
    capacity = newCapacity
  }
}
