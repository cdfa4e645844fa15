/// The commands that gather evidence: `collect` (live sources into a file) and `attest`
/// (an admin's answers into a file).
extension CommandTree {
  static let collect = CommandSpec(
    name: "collect",
    abstract: "Collect live evidence (justworks:…, https://…) into a file for later audits.",
    options: [
      .value(
        "source", short: "s", valueName: "SOURCE",
        help: "What to collect: justworks:<work email or member id>, or an https:// URL.",
        isRequired: true),
      .value(
        "out", short: "o", valueName: "FILE",
        help: "Where to write the evidence (atomically); '-' for standard output.",
        isRequired: true),
      .value(
        "system", valueName: "SYSTEM",
        help: "Catalog the evidence is for: justworks (the member) or justworks-partner-api "
          + "(the token's scopes).", default: "justworks"),
    ] + NetworkOptions.specs)

  static let attest = CommandSpec(
    name: "attest",
    abstract: "Record what no API shows, by answering the policy's steps in the terminal.",
    options: [
      .value(
        "policy", short: "p", valueName: "ID|PATH",
        help: "Policy whose steps to walk through.", isRequired: true),
      .value(
        "out", short: "o", valueName: "FILE",
        help: "Where to write the evidence (atomically); '-' for standard output.",
        isRequired: true),
      .value(
        "account", valueName: "ID", help: "The account's id in the system (asked if absent)."),
      .value(
        "by", valueName: "WHO",
        help: "Who attests (an email); the source becomes attestation:<WHO> (asked if absent)."),
      catalogOption,
      policiesDirOption,
    ])
}
