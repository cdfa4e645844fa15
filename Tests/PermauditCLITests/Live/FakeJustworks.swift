import Foundation
import Testing

@testable import PermauditCLI

/// `Tests/Fakes/fake_justworks.py` on a free loopback port, for one test. The fake exits
/// when its standard input closes, so it never outlives the test process.
final class FakeJustworks: @unchecked Sendable {
  // Note: @unchecked because the fields are set once in init.
  let port: Int
  private let process = Process()
  private let input = Pipe()

  static let script = Repository.root + "/Tests/Fakes/fake_justworks.py"
  static let serviceID = "m_svc_7301"
  static let serviceEmail = "acme-svc@connect.example"

  /// Starts the fake with the comma-separated `scenario` (see the script's help).
  init(scenario: String = "", arguments: [String] = []) throws {
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Self.script, "--scenario", scenario] + arguments
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()

    var line = [UInt8]()
    while !line.contains(0x0A) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { break }
      line += chunk
    }
    let text = String(decoding: line, as: UTF8.self)
    port = try #require(Int(text.dropFirst("PORT ".count).prefix { $0.isNumber }))
  }

  private static func fetchInsecurely(_ address: String) throws -> Data {
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      "import ssl,sys,urllib.request;"
        + "print(urllib.request.urlopen(sys.argv[1],"
        + "context=ssl._create_unverified_context()).read().decode())",
      address,
    ]
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
  }

  deinit {
    try? input.fileHandleForWriting.close()
    process.terminate()
    process.waitUntilExit()
  }

  var url: String { "http://127.0.0.1:\(port)" }

  /// The environment a collection from this fake needs, with the refresh token in a file.
  func environment(sandbox: Sandbox, secret: String = "secret-fake") throws -> [String: String] {
    [
      "JUSTWORKS_API_URL": url,
      "JUSTWORKS_CLIENT_ID": "client-fake",
      "JUSTWORKS_CLIENT_SECRET": secret,
      "JUSTWORKS_REFRESH_TOKEN_FILE": try sandbox.write("rt-initial\n", to: "refresh-token"),
    ]
  }

  /// The requests the fake received, as `METHOD /path` with `?query,names` when any.
  /// A fake serving TLS is asked over `https` with Python's own client, which trusts any
  /// certificate (this is test plumbing only).
  func requests(over scheme: String = "http") throws -> [String] {
    let data: Data
    if scheme == "https" {
      data = try Self.fetchInsecurely("https://127.0.0.1:\(port)/_fake/requests")
    } else {
      data = try Data(contentsOf: try #require(URL(string: url + "/_fake/requests")))
    }
    let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    return entries.compactMap { entry in
      guard let method = entry["method"] as? String, let path = entry["path"] as? String,
        path != "/_fake/requests"
      else { return nil }
      let query = (entry["query"] as? [String] ?? []).joined(separator: ",")
      return "\(method) \(path)" + (query.isEmpty ? "" : "?\(query)")
    }
  }
}

/// Runs `permaudit` in-process with an environment and piped standard input.
enum LiveCLI {
  static func run(
    _ arguments: [String], environment: [String: String], input: String = ""
  ) -> CLIResult {
    let stdout = OutputBuffer()
    let stderr = OutputBuffer()
    let console = Console(
      write: { stdout.append($0) }, writeError: { stderr.append($0) },
      readInput: { Array(input.utf8) }, environment: environment,
      clock: { Date(timeIntervalSince1970: 1_796_460_000) })  // 2026-12-05T08:40:00Z
    let code = Permaudit.run(arguments, console: console)
    return CLIResult(exitCode: code, stdout: stdout.contents, stderr: stderr.contents)
  }

  /// `permaudit collect` from `fake` into `out`, with tiny backoff. The timeout is long:
  /// the fake is a Python process, slow to answer on a loaded machine (3 s once failed).
  static func collect(
    _ source: String, out: String, environment: [String: String], _ extra: [String] = []
  ) -> CLIResult {
    run(
      [
        "collect", "--source", source, "--out", out, "--request-timeout", "10",
        "--retry-backoff", "0.01",
      ] + extra,
      environment: environment)
  }
}

/// Asserts a collection failure: exit 3 (or `exit` for a configuration problem, which is an
/// input error), one line on standard error, nothing on stdout.
func expectCollectionFailure(
  _ result: CLIResult, mentioning fragments: [String], exit: ExitCode = .collectionFailed,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.exitCode == exit, "\(result.stderr)", sourceLocation: sourceLocation)
  let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("permaudit: error: ") }
  #expect(errors.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
  for fragment in fragments {
    #expect(
      result.stderr.contains(fragment), "stderr lacks '\(fragment)': \(result.stderr)",
      sourceLocation: sourceLocation)
  }
}
