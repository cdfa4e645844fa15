import Testing
@testable import PermauditCore

@Test func placeholder() { #expect(Bool(true)) }
