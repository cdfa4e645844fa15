import Foundation
import PermauditCore
import Testing

@testable import PermauditReports

@Suite struct ReportIntegrityTests {
  static let report = FixtureReports.withWaivers
  static let carrying = ReportFormat.allCases.filter(\.carriesDigest)

  @Test(arguments: carrying)
  func aRenderedReportVerifies(_ format: ReportFormat) throws {
    let bytes = Array(format.render(Self.report).utf8)
    guard case .intact(let digest) = ReportDigest.verify(bytes) else {
      Issue.record("\(format) does not verify")
      return
    }
    #expect(digest != ReportDigest.placeholder)
  }

  @Test(arguments: carrying)
  func anyOneByteEditIsCaught(_ format: ReportFormat) throws {
    let bytes = Array(format.render(Self.report).utf8)
    let digest = try #require(ReportDigest.location(in: bytes))
    // Note: every byte of a short report, a spread of a long one, and the digest itself.
    let stride = max(1, bytes.count / 400)
    let positions =
      Array(Swift.stride(from: 0, to: bytes.count, by: stride))
      + Array(digest) + [bytes.count - 1]
    for position in positions {
      var edited = bytes
      edited[position] = edited[position] == 0x41 ? 0x42 : 0x41
      let outcome = ReportDigest.verify(edited)
      if case .intact = outcome {
        Issue.record("\(format): an edit at byte \(position) of \(bytes.count) passed")
        return
      }
    }
  }

  @Test(arguments: carrying)
  func droppingOrAddingALineIsCaught(_ format: ReportFormat) {
    let text = format.render(Self.report)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    lines.remove(at: lines.count / 2)
    #expect(
      ReportDigest.verify(Array(lines.joined(separator: "\n").utf8))
        != .intact(
          digest: ""))
    if case .intact = ReportDigest.verify(Array(lines.joined(separator: "\n").utf8)) {
      Issue.record("\(format): a removed line passed")
    }
    if case .intact = ReportDigest.verify(Array(("x" + text).utf8)) {
      Issue.record("\(format): an added byte passed")
    }
  }

  @Test func csvCarriesNoDigest() {
    #expect(ReportDigest.verify(Array(ReportFormat.csv.render(Self.report).utf8)) == .missing)
  }

  @Test func anEditedDigestIsDamagedOrTampered() throws {
    var bytes = Array(ReportFormat.json.render(Self.report).utf8)
    let range = try #require(ReportDigest.location(in: bytes))
    bytes[range.lowerBound] = UInt8(ascii: "g")
    #expect(ReportDigest.verify(bytes) == .damaged)
  }

  /// The streaming contract: prologue, fragments joined as the pipeline joins them, and
  /// epilogue, once sealed, are the whole report byte for byte.
  @Test(arguments: ReportFormat.allCases)
  func streamedPartsMakeTheWholeReport(_ format: ReportFormat) {
    let report = Self.report
    var context = report
    context.accounts = []
    let joiner = FragmentJoiner(format)
    var bytes = format.prologue(context)
    for (position, account) in report.accounts.enumerated() {
      bytes += joiner.next(format.fragment(account, in: context, isFirst: position == 0))
    }
    bytes += format.epilogue(context)
    let streamed = ReportDigest.sealed(String(decoding: bytes, as: UTF8.self))
    if format == .text {
      // Note: the text file lists every account; the whole-report renderer is the same.
      #expect(streamed == format.render(report))
    } else {
      #expect(streamed == format.render(report), "\(format)")
    }
  }

  @Test func sealingIsDeterministic() {
    for format in ReportFormat.allCases {
      #expect(format.render(Self.report) == format.render(Self.report), "\(format)")
    }
  }

  @Test func sha256MatchesAKnownVector() {
    #expect(
      SHA256.hex("abc")
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
