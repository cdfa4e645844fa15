import Foundation
import PermauditCore
import PermauditReports

/// The options of `permaudit audit`, checked and typed.
struct AuditOptions {
  var policy: String
  var evidence: [String]
  var parameters: [String: String]
  var formats: [ReportFormat]
  /// `nil` for `--reports -`.
  var reportsFolder: String?
  var stdoutFormat: ReportFormat?
  var failOn: FailOn
  var now: Date?
  var catalogs: [String]
  var policiesFolder: String
  var isQuiet: Bool
  /// Threads that decode and evaluate evidence.
  var jobs: Int
  var showsTimings: Bool
  /// `--waivers FILE`, if given.
  var waiversFile: String?
  /// Timeouts, retries and logging of live evidence (`justworks:`, `https://`).
  var network: NetworkOptions

  init(_ parsed: ParsedArguments) throws(CommandFailure) {
    policy = parsed.value(for: "policy") ?? ""
    network = try NetworkOptions(parsed)
    evidence = parsed.values(for: "evidence")
    guard !evidence.isEmpty else {
      throw .usage("missing --evidence (PATH|-); say what to audit")
    }
    guard evidence.filter({ $0 == "-" }).count <= 1 else {
      throw .usage("--evidence - is given twice; standard input can be read only once")
    }
    parameters = try Self.parameters(parsed.values(for: "param"))
    formats = []
    for name in parsed.commaSeparatedValues(for: "format") {
      let format = try Self.format(named: name, option: "--format")
      if !formats.contains(format) { formats.append(format) }
    }
    let reports = parsed.value(for: "reports") ?? "Reports"
    // Note: an empty folder would put the reports at the file system's root ("/runs").
    guard !reports.isEmpty else {
      throw .usage("--reports needs a folder, or '-' for no report files")
    }
    reportsFolder = reports == "-" ? nil : reports
    stdoutFormat = try parsed.value(for: "stdout").map { name throws(CommandFailure) in
      try Self.format(named: name, option: "--stdout")
    }
    failOn = try Self.failOn(parsed.value(for: "fail-on") ?? "fail")
    now = try parsed.value(for: "now").map { text throws(CommandFailure) in
      guard let date = Timestamp.parse(text) else {
        throw .usage(
          "--now '\(text)' is not a timestamp with a time zone; write it like "
            + "2026-12-03T12:00:00Z")
      }
      return date
    }
    catalogs = parsed.values(for: "catalog")
    policiesFolder = parsed.value(for: "policies-dir") ?? "Policies"
    isQuiet = parsed.isSet("quiet")
    showsTimings = parsed.isSet("timings")
    waiversFile = parsed.value(for: "waivers")
    jobs = try Self.jobs(parsed.isSet("jobs") ? parsed.value(for: "jobs") : nil)
  }

  private static func parameters(_ pairs: [String]) throws(CommandFailure) -> [String: String] {
    var parameters: [String: String] = [:]
    for pair in pairs {
      // Note: split on the byte, not the character: a value that starts with a combining
      // mark would merge with the '=' into one character.
      let bytes = pair.utf8
      guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")), equals != bytes.startIndex
      else {
        throw .usage("--param '\(pair)' must be NAME=VALUE")
      }
      let name = String(decoding: bytes[..<equals], as: UTF8.self)
      guard parameters[name] == nil else {
        throw .usage("--param \(name) is given twice; give each parameter once")
      }
      let value = String(decoding: bytes[bytes.index(after: equals)...], as: UTF8.self)
      // Note: an empty value is almost always an unset shell variable (`NAME=$VAR`), and
      // would be checked as the expected value ''. Empty as evidence values are: nothing
      // left once white space is folded and invisible characters removed.
      guard !TextNormalization.value(value).isEmpty else {
        throw .usage(
          "--param \(name) has an empty value; give its value, or leave the option out to "
            + "take it from the evidence")
      }
      parameters[name] = value
    }
    return parameters
  }

  private static func format(named name: String, option: String) throws(CommandFailure)
    -> ReportFormat
  {
    if let format = ReportFormat(rawValue: name) { return format }
    let names = ReportFormat.allCases.map(\.rawValue)
    // Note: a file extension (`md`, `txt`) names the format whose report file carries it.
    let byExtension = ReportFormat.allCases.first { $0.fileName.hasSuffix(".\(name)") }
    let suggestion = (byExtension?.rawValue ?? Suggestion.closest(to: name, among: names)).map {
      "; did you mean '\($0)'?"
    }
    throw .usage(
      "\(option) names an unknown format '\(name)'\(suggestion ?? "") "
        + "(formats: \(names.joined(separator: ", ")))")
  }

  private static func jobs(_ text: String?) throws(CommandFailure) -> Int {
    guard let text else { return ProcessInfo.processInfo.activeProcessorCount }
    guard let count = Int(text), (1...256).contains(count) else {
      throw .usage("--jobs must be a whole number from 1 to 256, not '\(text)'")
    }
    return count
  }

  private static func failOn(_ name: String) throws(CommandFailure) -> FailOn {
    guard let level = FailOn(rawValue: name) else {
      throw .usage("--fail-on must be fail, warn or never, not '\(name)'")
    }
    return level
  }
}
