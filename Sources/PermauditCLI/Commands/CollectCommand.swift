import Foundation
import PermauditCollectors
import PermauditReports

/// `permaudit collect`: live evidence frozen into a file, for audits that should not
/// depend on the network, or for the record.
struct CollectCommand {
  let source: String
  let output: String
  let system: String
  let network: NetworkOptions
  let console: Console

  init(_ parsed: ParsedArguments, console: Console) throws(CommandFailure) {
    source = parsed.value(for: "source") ?? ""
    output = parsed.value(for: "out") ?? ""
    system = parsed.value(for: "system") ?? "justworks"
    network = try NetworkOptions(parsed)
    self.console = console
    guard LiveEvidence.isLive(source) else {
      throw .usage("--source must be justworks:<work email or member id> or an https:// URL")
    }
    guard !output.isEmpty else { throw .usage("--out needs a file, or '-'") }
  }

  func run() throws(CommandFailure) -> ExitCode {
    let bytes: [UInt8]
    do {
      bytes = try network.liveEvidence(console: console).collect(source, system: system)
    } catch {
      throw .collection(error)
    }
    guard output != "-" else {
      console.write(String(decoding: bytes, as: UTF8.self))
      return .compliant
    }
    do {
      try AtomicFile.write(bytes, to: output)
    } catch {
      throw .output(error)
    }
    console.writeError(
      "Collected \(system) evidence from \(LiveEvidence.displayName(of: source)) into "
        + "\(output)\n")
    return .compliant
  }
}
