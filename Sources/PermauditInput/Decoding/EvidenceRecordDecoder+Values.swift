import PermauditCore

/// Reading the values inside a record: the account's typed fields, the parameters and the
/// permissions.
extension EvidenceRecordDecoder {
  /// Reads `account`: its normalized id and its other fields, typed by the catalog.
  func readAccount(_ scanner: inout EvidenceRecordScanner)
    -> (id: String, attributes: [String: AttributeValue])?
  {
    guard scanner.skip(JSONByte.openBrace), !scanner.skip(JSONByte.closeBrace) else {
      return nil
    }
    var writtenID: String?
    var attributes = [String: AttributeValue](minimumCapacity: attributeTypes.count + 1)
    while true {
      guard let key = scanner.key() else { return nil }
      if key.spells("id") {
        guard writtenID == nil, let text = scanner.text() else { return nil }
        writtenID = text
      } else {
        let (name, type) = attribute(named: key)
        guard let value = readAttribute(&scanner, type: type),
          attributes.updateValue(value, forKey: name) == nil
        else { return nil }
      }
      guard let more = scanner.entryFollows(closer: JSONByte.closeBrace) else { return nil }
      if !more { break }
    }

    guard let writtenID else { return nil }
    let id = Self.normalizedValue(writtenID)
    return id.isEmpty ? nil : (id, attributes)
  }

  /// The name of the account field whose key is `key`, and its type in the catalog.
  func attribute(named key: UnsafeBufferPointer<UInt8>)
    -> (name: String, type: AttributeType?)
  {
    guard let catalogAttributes else {
      let name = String(decoding: key, as: UTF8.self)
      return (name, attributeTypes[name])
    }
    for attribute in catalogAttributes where key.spells(attribute.spelling) {
      return (attribute.name, attribute.type)
    }
    return (String(decoding: key, as: UTF8.self), nil)
  }

  /// Reads an account field's value as the catalog types it (`nil`: not declared); fields
  /// the catalog does not declare keep their text, boolean or null.
  func readAttribute(_ scanner: inout EvidenceRecordScanner, type: AttributeType?)
    -> AttributeValue?
  {
    switch (scanner.scalar(), type) {
    case (.null, _): return .empty
    case (.bool(let value), nil), (.bool(let value), .boolean): return .boolean(value)
    case (.text(let text), nil), (.text(let text), .string), (.text(let text), .email),
      (.text(let text), .date):
      return .text(text)
    // Note: text such as "yes" for a boolean field is read by ``EvidenceDecoder``.
    case (.text, .boolean), (.bool, .string), (.bool, .email), (.bool, .date), (nil, _):
      return nil
    }
  }

  /// Reads `parameters`: `null` or an object of text.
  func readParameters(_ scanner: inout EvidenceRecordScanner) -> [String: String]? {
    if scanner.skipNull() { return [:] }
    guard scanner.skip(JSONByte.openBrace) else { return nil }
    if scanner.skip(JSONByte.closeBrace) { return [:] }
    var parameters = [String: String](minimumCapacity: 4)
    while true {
      guard let key = scanner.key(), let value = scanner.text(),
        parameters.updateValue(value, forKey: String(decoding: key, as: UTF8.self)) == nil
      else { return nil }
      guard let more = scanner.entryFollows(closer: JSONByte.closeBrace) else { return nil }
      if !more { return parameters }
    }
  }

  /// Reads a list of text.
  func readTextList(_ scanner: inout EvidenceRecordScanner) -> [String]? {
    guard scanner.skip(JSONByte.openBracket) else { return nil }
    var texts: [String] = []
    if scanner.skip(JSONByte.closeBracket) { return texts }
    texts.reserveCapacity(8)
    while true {
      guard let text = scanner.text() else { return nil }
      texts.append(text)
      guard let more = scanner.entryFollows(closer: JSONByte.closeBracket) else { return nil }
      if !more { return texts }
    }
  }
}
