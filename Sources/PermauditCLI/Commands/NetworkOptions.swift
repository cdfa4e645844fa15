import Foundation
import PermauditCollectors

/// The options that shape live collection (`audit` with `justworks:` or `https://`
/// evidence, and `collect`): timeouts, retries, and `--verbose` request logging.
struct NetworkOptions {
  /// The declarations, shared by every command that collects.
  static let specs: [OptionSpec] = [
    .value(
      "timeout", valueName: "SECONDS",
      help: "Most time live collection may take in all, retries included.", default: "120"),
    .value(
      "request-timeout", valueName: "SECONDS",
      help: "Most time one HTTP attempt may take; also bounds connecting.", default: "30"),
    .value(
      "retries", valueName: "N",
      help: "Further attempts after a 429, a 5xx or a dropped connection.", default: "3"),
    .value(
      "retry-backoff", valueName: "SECONDS",
      help: "Wait before the first retry; doubles each time, with jitter.", default: "0.5"),
    .value(
      "ca-bundle", valueName: "PATH",
      help: "Trust only the CA certificates in this PEM file (a TLS-inspecting proxy's)."),
    .flag(
      "verbose", short: "v",
      help: "Log each HTTP request's method, path, status and duration on standard error."),
  ]

  var configuration: HTTPConfiguration
  var isVerbose: Bool
  /// The PEM file of CA certificates to trust instead of the system's, if any.
  var caBundle: String?

  init(_ parsed: ParsedArguments) throws(CommandFailure) {
    let overall = try Self.seconds(parsed, "timeout", default: 120)
    let request = try Self.seconds(parsed, "request-timeout", default: 30)
    let backoff = try Self.seconds(parsed, "retry-backoff", default: 0.5)
    let retriesText = parsed.isSet("retries") ? parsed.value(for: "retries") : nil
    guard let retries = Int(retriesText ?? "3"), (0...10).contains(retries) else {
      throw .usage("--retries must be a whole number from 0 to 10, not '\(retriesText ?? "")'")
    }
    configuration = HTTPConfiguration(
      connectTimeout: min(10, request), requestTimeout: request, overallTimeout: overall,
      maxAttempts: retries + 1, backoffBase: backoff, backoffLimit: max(backoff, 8))
    isVerbose = parsed.isSet("verbose")
    caBundle = parsed.isSet("ca-bundle") ? parsed.value(for: "ca-bundle") : nil
    if let path = caBundle {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path)
      else {
        throw .usage("--ca-bundle: cannot read the file '\(path)'")
      }
    }
  }

  private static func seconds(_ parsed: ParsedArguments, _ name: String, default value: Double)
    throws(CommandFailure) -> Double
  {
    guard parsed.isSet(name), let text = parsed.value(for: name) else { return value }
    guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
      throw .usage("--\(name) must be a number of seconds above 0, up to 3600, not '\(text)'")
    }
    return seconds
  }

  /// The live sources, logging through `console` when verbose.
  func liveEvidence(console: Console) -> LiveEvidence {
    let verbose = isVerbose
    // Note: URLSession on Linux cannot take a CA file, so a bundle means libcurl itself.
    let transport: (any HTTPTransport)? = caBundle.map {
      CurlTransport(caBundlePath: $0, maxResponseBytes: configuration.maxResponseBytes)
    }
    let http = HTTPClient(
      configuration: configuration, transport: transport,
      log: { entry in if verbose { console.writeError("\(entry)\n") } })
    return LiveEvidence(
      environment: console.environment, http: http,
      warn: { console.warning($0) }, clock: console.clock)
  }
}
