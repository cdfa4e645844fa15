import Testing

@testable import PermauditCore

@Suite struct TextNormalizationTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var input: String
    var other: String
    var testDescription: String { name }

    init(_ name: String, _ input: String, _ other: String) {
      self.name = name
      self.input = input
      self.other = other
    }
  }

  /// Inputs and their comparison form.
  static let values: [Case] = [
    .init("plain text is kept", "Service Account", "Service Account"),
    .init("case is kept", "sERVICE account", "sERVICE account"),
    .init("surrounding spaces trimmed", "  Acme  ", "Acme"),
    .init("repeated spaces folded", "Acme    Inc", "Acme Inc"),
    .init("tab, newline, vertical tab, form feed", "\tAcme\n\r\nInc\u{0B}\u{0C}", "Acme Inc"),
    .init("no-break space", "Acme\u{00A0}Inc\u{00A0}", "Acme Inc"),
    .init("ideographic space", "\u{3000}Acme\u{3000}\u{3000}Inc", "Acme Inc"),
    .init("en quad and em space", "Acme\u{2000}\u{2003}Inc", "Acme Inc"),
    .init("narrow no-break space", "Acme\u{202F}Inc", "Acme Inc"),
    .init("line and paragraph separators", "Acme\u{2028}Inc\u{2029}", "Acme Inc"),
    .init("next line", "\u{0085}Acme\u{0085}Inc", "Acme Inc"),
    .init("ogham space mark", "Acme\u{1680}Inc", "Acme Inc"),
    .init("zero-width space removed", "Ac\u{200B}me", "Acme"),
    .init("byte-order mark removed", "\u{FEFF}Acme\u{FEFF}", "Acme"),
    .init("word joiner removed", "Ac\u{2060}me", "Acme"),
    .init("format character between spaces", "Acme \u{200B} Inc", "Acme Inc"),
    .init("only white space is empty", " \u{3000}\t\u{200B}\n", ""),
    .init("NFD composed", "Inte\u{0301}gration", "Int\u{00E9}gration"),
    .init("accent kept", "Int\u{00E9}gration", "Int\u{00E9}gration"),
    .init("Cyrillic kept", "P\u{0430}yroll", "P\u{0430}yroll"),
    .init("ampersand kept in values", "R&D", "R&D"),
  ]

  @Test(arguments: values)
  func valueFoldsWhiteSpaceAndFormatCharacters(_ entry: Case) {
    let folded = TextNormalization.value(entry.input)
    // Note: compared by scalars, because String equality already ignores NFC versus NFD.
    #expect(Array(folded.unicodeScalars) == Array(entry.other.unicodeScalars))
  }

  @Test func caseInsensitiveValueLowercasesAfterFolding() {
    let email = TextNormalization.caseInsensitiveValue("  ACME-Svc@Connect.Example ")
    #expect(email == "acme-svc@connect.example")
    #expect(TextNormalization.caseInsensitiveValue("No\u{3000}DEPARTMENT") == "no department")
    #expect(TextNormalization.caseInsensitiveValue("\u{00C9}QUIPE") == "\u{00E9}quipe")
  }

  @Test func removedFormatCharacterLeavesTextInNFC() {
    // A zero-width space between a letter and its accent keeps NFC from composing them
    // until the space is removed.
    let folded = TextNormalization.value("Inte\u{200B}\u{0301}gration")
    #expect(Array(folded.unicodeScalars) == Array("Int\u{00E9}gration".unicodeScalars))
  }

  /// Two spellings of one permission name.
  static let samePermission: [Case] = [
    .init("case", "edit company settings", "Edit Company Settings"),
    .init("surrounding white space", "  Edit Company Settings\n", "Edit Company Settings"),
    .init("repeated white space", "Edit   Company\tSettings", "Edit Company Settings"),
    .init("ideographic space", "Edit\u{3000}Company\u{3000}Settings", "Edit Company Settings"),
    .init("no-break space", "Edit\u{00A0}Company Settings", "Edit Company Settings"),
    .init("zero-width space", "Edit Com\u{200B}pany Settings", "Edit Company Settings"),
    .init("byte-order mark", "\u{FEFF}Edit Company Settings", "Edit Company Settings"),
    .init("NFD versus NFC", "Re\u{0301}sume\u{0301}s", "R\u{00E9}sum\u{00E9}s"),
    .init("right single quote", "Manager\u{2019}s View", "Manager's View"),
    .init("left and right single quotes", "\u{2018}Admin\u{2019}", "'Admin'"),
    .init("double quotes", "\u{201C}Admin\u{201D}", "\"Admin\""),
    .init("backtick", "Manager`s View", "Manager's View"),
    .init("ampersand", "Upload & View All Documents", "Upload and View All Documents"),
    .init("ampersand without spaces", "Upload&View", "Upload and View"),
    .init("full-width ampersand", "Upload\u{FF06}View", "Upload and View"),
  ]

  @Test(arguments: samePermission)
  func permissionKeyMatchesSpellingsOfOneName(_ entry: Case) {
    let key = TextNormalization.permissionKey(entry.input)
    let other = TextNormalization.permissionKey(entry.other)
    #expect(Array(key.unicodeScalars) == Array(other.unicodeScalars))
  }

  /// Two names that look alike but are different.
  static let differentPermission: [Case] = [
    .init("accent", "Resumes", "R\u{00E9}sum\u{00E9}s"),
    .init("Cyrillic a", "M\u{0430}nage Employees", "Manage Employees"),
    .init("Greek omicron", "Vi\u{03BF}lation", "Violation"),
    .init("inner space removed", "EditCompany Settings", "Edit Company Settings"),
    .init("hyphen", "Edit-Company Settings", "Edit Company Settings"),
    .init("'and' inside a word", "Handbook", "H&book"),
  ]

  @Test(arguments: differentPermission)
  func permissionKeyKeepsOtherDifferences(_ entry: Case) {
    let key = TextNormalization.permissionKey(entry.input)
    #expect(key != TextNormalization.permissionKey(entry.other))
  }

  /// Every ASCII character, alone and between letters and spaces, so that the fast path for
  /// ASCII is checked against the general one character by character.
  static let asciiSamples: [String] =
    (0..<128).flatMap { code -> [String] in
      let character = String(UnicodeScalar(UInt8(code)))
      return [character, "Ab" + character + "Cd", " x " + character + " Y  " + character]
    } + ["", " ", "Edit Company Settings", "  R & D  ", "Manager`s", "it's \"quoted\""]

  @Test(arguments: asciiSamples)
  func asciiFastPathAgreesWithTheGeneralPath(_ sample: String) {
    // Note: an appended zero-width space forces the general path and is then removed.
    let slow = sample + "\u{200B}"
    let pairs = [
      (TextNormalization.value(sample), TextNormalization.value(slow)),
      (
        TextNormalization.caseInsensitiveValue(sample),
        TextNormalization.caseInsensitiveValue(slow)
      ),
      (TextNormalization.permissionKey(sample), TextNormalization.permissionKey(slow)),
      (
        TextNormalization.foldedASCII(sample, lowercase: false) ?? "(none)",
        TextNormalization.foldSpaces(in: sample)
      ),
    ]
    for (fast, general) in pairs {
      #expect(Array(fast.unicodeScalars) == Array(general.unicodeScalars))
    }
  }

  @Test func fastPathDeclinesNonASCIIText() {
    #expect(TextNormalization.foldedASCII("Int\u{00E9}gration", lowercase: false) == nil)
    #expect(TextNormalization.foldedASCII("a\u{00A0}b", lowercase: true) == nil)
  }
}
