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

    // The pure engine: model types, name normalization, evaluation. No I/O, no clock.
    .target(name: "PermauditCore"),

    // Reading and validating catalogs, policies and evidence from YAML, JSON and JSON Lines.
    .target(name: "PermauditInput", dependencies: ["PermauditCore", "CYAML", "COpenSSL"]),

    // Turning audit results into text, JSON and Markdown.
    .target(name: "PermauditReports", dependencies: ["PermauditCore"]),

    // One audit run end to end: evidence streamed in windows, evaluated in parallel,
    // reports written as it goes. Bounded memory whatever the batch's size.
    .target(
      name: "PermauditPipeline",
      dependencies: ["PermauditCore", "PermauditInput", "PermauditReports"]),

    // The command line as a library, so tests can drive it in-process.
    .target(
      name: "PermauditCLI",
      dependencies: [
        "PermauditCore", "PermauditInput", "PermauditReports", "PermauditPipeline",
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
      name: "PermauditCLITests",
      dependencies: ["PermauditCLI", "PermauditCore", "PermauditInput"]),
  ]
)
