// swift-tools-version:6.0
import PackageDescription

/// permaudit is layered so each stage can be read and tested alone:
/// documents → decoded inputs → engine (pure) → renderers → command line.
let package = Package(
  name: "permaudit",
  products: [
    .executable(name: "permaudit", targets: ["permaudit"])
  ],
  targets: [
    // C libraries from Debian, reached through system-library targets.
    .systemLibrary(
      name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]),
    .systemLibrary(
      name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]),
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(
      name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]),

    // The pure engine: model types, name normalization, evaluation. No I/O, no clock.
    .target(name: "PermauditCore"),

    // Reading and validating catalogs, policies and evidence from YAML, JSON and JSON Lines.
    .target(name: "PermauditInput", dependencies: ["PermauditCore", "CYAML", "COpenSSL"]),

    // Turning audit results into text, JSON, Markdown, HTML, SARIF, JUnit and CSV, with a
    // SHA-256 of each report's own content (libcrypto) that `permaudit verify` checks.
    .target(name: "PermauditReports", dependencies: ["PermauditCore", "COpenSSL"]),

    // Live evidence: the Justworks Partner API, https:// documents, guided attestation,
    // over an HTTP client with timeouts, retries and backoff (URLSession on libcurl, or
    // libcurl itself when a CA bundle is given).
    .target(name: "PermauditCollectors", dependencies: ["PermauditCore", "CCurl"]),

    // One audit run end to end: evidence streamed in windows, evaluated in parallel,
    // reports written as it goes. Bounded memory whatever the batch's size.
    .target(
      name: "PermauditPipeline",
      dependencies: [
        "PermauditCore", "PermauditInput", "PermauditReports", "PermauditCollectors",
      ]),

    // The audit history: an append-only, hash-chained SQLite record of every run, and
    // the drift between an account's runs.
    .target(
      name: "PermauditHistory",
      dependencies: ["PermauditCore", "PermauditInput", "PermauditPipeline", "CSQLite"]),

    // Webhook notifications after a run: message, delivery with retries, redaction.
    .target(name: "PermauditNotify", dependencies: ["PermauditCore", "PermauditReports"]),

    // The command line as a library, so tests can drive it in-process.
    .target(
      name: "PermauditCLI",
      dependencies: [
        "PermauditCore", "PermauditInput", "PermauditReports", "PermauditPipeline",
        "PermauditHistory", "PermauditNotify", "PermauditCollectors",
      ]),

    .executableTarget(name: "permaudit", dependencies: ["PermauditCLI"]),

    .testTarget(name: "PermauditCoreTests", dependencies: ["PermauditCore"]),
    .testTarget(
      name: "PermauditInputTests", dependencies: ["PermauditInput", "PermauditCore"]),
    .testTarget(
      name: "PermauditReportsTests",
      dependencies: ["PermauditReports", "PermauditCore", "PermauditInput"],
      resources: [.copy("Golden")]),
    .testTarget(
      name: "PermauditPipelineTests",
      dependencies: ["PermauditPipeline", "PermauditCore", "PermauditInput", "PermauditReports"]),
    .testTarget(
      name: "PermauditHistoryTests",
      dependencies: ["PermauditHistory", "PermauditCore", "PermauditInput", "PermauditPipeline"]),
    .testTarget(
      name: "PermauditNotifyTests", dependencies: ["PermauditNotify", "PermauditCore"]),
    .testTarget(
      name: "PermauditCollectorsTests",
      dependencies: ["PermauditCollectors", "PermauditCore"]),
    .testTarget(
      name: "PermauditCLITests",
      dependencies: [
        "PermauditCLI", "PermauditCore", "PermauditInput", "PermauditCollectors",
        "PermauditHistory",
      ]),
  ]
)
