import Foundation
import Testing

@testable import PermauditCLI

/// `permaudit collect --source justworks:…` against the fake Partner API, one behaviour
/// of the API per test.
@Suite struct JustworksCollectTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  private func evidence(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func findsTheMemberByWorkEmailAcrossPagesIgnoringCase() throws {
    let fake = try FakeJustworks()
    let out = sandbox.path + "/member.json"
    let result = LiveCLI.collect(
      "justworks:ACME-svc@connect.EXAMPLE", out: out,
      environment: try fake.environment(sandbox: sandbox))
    #expect(result.exitCode == .compliant, "\(result.stderr)")

    let document = try evidence(out)
    let account = try #require(document["account"] as? [String: Any])
    #expect(account["id"] as? String == FakeJustworks.serviceID)
    #expect(account["member_type"] as? String == "3rd Party Admin / Accountant")
    #expect(account["title"] as? String == "Integration User")
    #expect(account["work_email"] as? String == "Acme-SVC@Connect.Example")
    #expect(account["department"] as? String == "No Department")
    #expect(account["start_date"] as? String == "2026-11-30")
    #expect(account["active"] as? Bool == true)
    // What the API cannot tell stays absent, so the audit says missing_evidence.
    #expect(account["admin_access"] == nil && account["invitation"] == nil)
    #expect(account["manager"] == nil)
    #expect(document["permissions"] == nil)
    #expect(document["source"] as? String == "justworks-api:127.0.0.1")

    // 251 members: three pages of at most 100, each after the first with the cursor.
    #expect(
      try fake.requests() == [
        "POST /oauth/token", "GET /v1/members?limit", "GET /v1/members?cursor,limit",
        "GET /v1/members?cursor,limit",
      ])
  }

  @Test func findsTheMemberById() throws {
    let fake = try FakeJustworks()
    let out = sandbox.path + "/member.json"
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceID)", out: out,
      environment: try fake.environment(sandbox: sandbox))
    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(try fake.requests() == ["POST /oauth/token", "GET /v1/members/m_svc_7301"])
  }

  @Test(arguments: ["justworks:nobody@acme.example", "justworks:m_missing"])
  func aMemberThatDoesNotExistExits3(source: String) throws {
    let fake = try FakeJustworks()
    let out = sandbox.path + "/member.json"
    let result = LiveCLI.collect(
      source, out: out, environment: try fake.environment(sandbox: sandbox))
    expectCollectionFailure(result, mentioning: ["no Justworks member has"])
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func waitsAsLongAsRetryAfterSaysOn429() throws {
    let fake = try FakeJustworks(scenario: "rate_limit")
    let clock = ContinuousClock()
    let start = clock.now
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceEmail)", out: sandbox.path + "/m.json",
      environment: try fake.environment(sandbox: sandbox), ["--verbose"])
    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(clock.now - start >= .seconds(1))
    #expect(result.stderr.contains("http: GET /v1/members 429 "))
    #expect(result.stderr.contains("retrying in 1 s"))
  }

  @Test(arguments: ["server_error", "drop"])
  func retriesAFailedAttemptThenSucceeds(scenario: String) throws {
    let fake = try FakeJustworks(scenario: scenario)
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceEmail)", out: sandbox.path + "/m.json",
      environment: try fake.environment(sandbox: sandbox))
    #expect(result.exitCode == .compliant, "\(result.stderr)")
    #expect(try fake.requests().filter { $0.hasPrefix("GET /v1/members") }.count == 4)
  }

  @Test func givesUpAfterTheBoundedNumberOfAttempts() throws {
    let fake = try FakeJustworks(scenario: "always_500")
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceEmail)", out: sandbox.path + "/m.json",
      environment: try fake.environment(sandbox: sandbox), ["--retries", "2"])
    expectCollectionFailure(result, mentioning: ["GET /v1/members answered HTTP 500 after 3"])
    #expect(try fake.requests().filter { $0.hasPrefix("GET") }.count == 3)
  }

  @Test func refreshesTheTokenOnceOn401() throws {
    let fake = try FakeJustworks(scenario: "expired_token")
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceEmail)", out: sandbox.path + "/m.json",
      environment: try fake.environment(sandbox: sandbox))
    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let requests = try fake.requests()
    #expect(
      Array(requests.prefix(4)) == [
        "POST /oauth/token", "GET /v1/members?limit", "POST /oauth/token", "GET /v1/members?limit",
      ])
  }

  @Test func refreshesOnlyOnceWhenTheAPIKeepsRefusing() throws {
    let fake = try FakeJustworks(scenario: "always_401")
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceEmail)", out: sandbox.path + "/m.json",
      environment: try fake.environment(sandbox: sandbox))
    expectCollectionFailure(result, mentioning: ["authentication failed", "even after a refresh"])
    #expect(try fake.requests().filter { $0 == "POST /oauth/token" }.count == 2)
  }

  @Test func malformedJSONExits3() throws {
    let fake = try FakeJustworks(scenario: "malformed")
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceEmail)", out: sandbox.path + "/m.json",
      environment: try fake.environment(sandbox: sandbox))
    expectCollectionFailure(result, mentioning: ["GET /v1/members returned malformed JSON"])
  }

  @Test func aResponseSlowerThanTheTimeoutExits3() throws {
    let fake = try FakeJustworks(scenario: "slow")
    let clock = ContinuousClock()
    let start = clock.now
    let result = LiveCLI.run(
      [
        "collect", "--source", "justworks:\(FakeJustworks.serviceEmail)", "--out",
        sandbox.path + "/m.json", "--request-timeout", "1.5", "--retries", "0",
      ],
      environment: try fake.environment(sandbox: sandbox))
    // Note: 1.5 s leaves the token request room on a busy machine; the fake takes 5 s.
    expectCollectionFailure(result, mentioning: ["GET /v1/members got no answer within 1.50 s"])
    #expect(clock.now - start < .seconds(4))
  }

  @Test func savesARotatedRefreshTokenBackToItsFile() throws {
    let fake = try FakeJustworks(scenario: "rotate")
    let environment = try fake.environment(sandbox: sandbox)
    let tokenFile = try #require(environment["JUSTWORKS_REFRESH_TOKEN_FILE"])
    for round in 1...2 {
      let result = LiveCLI.collect(
        "justworks:\(FakeJustworks.serviceID)", out: sandbox.path + "/m.json",
        environment: environment)
      #expect(result.exitCode == .compliant, "round \(round): \(result.stderr)")
      // The fake accepts only the newest token, so round 2 proves the file was updated.
      #expect(try String(contentsOfFile: tokenFile, encoding: .utf8) == "rt-rotated-\(round)-x\n")
    }
    let attributes = try FileManager.default.attributesOfItem(atPath: tokenFile)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(sandbox.listing().allSatisfy { !$0.hasPrefix(".refresh-token") })
  }

  @Test func aRotatedTokenFromTheEnvironmentIsAWarningNotASecret() throws {
    let fake = try FakeJustworks(scenario: "rotate")
    var environment = try fake.environment(sandbox: sandbox)
    environment["JUSTWORKS_REFRESH_TOKEN_FILE"] = nil
    environment["JUSTWORKS_REFRESH_TOKEN"] = "rt-initial"
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceID)", out: sandbox.path + "/m.json",
      environment: environment)
    #expect(result.exitCode == .compliant)
    #expect(result.stderr.contains("permaudit: warning: Justworks rotated the refresh token"))
    #expect(!result.stderr.contains("rt-rotated"))
  }

  @Test func refusedCredentialsExit3WithTheOAuthErrorCode() throws {
    let fake = try FakeJustworks()
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceID)", out: sandbox.path + "/m.json",
      environment: try fake.environment(sandbox: sandbox, secret: "wrong-secret"))
    expectCollectionFailure(
      result, mentioning: ["authentication failed", "HTTP 401, invalid_client"])
    #expect(!result.stderr.contains("wrong-secret"))
  }

  @Test func missingCredentialsAreAnInputErrorNamingTheVariable() {
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceID)", out: sandbox.path + "/m.json",
      environment: ["JUSTWORKS_API_URL": "http://127.0.0.1:9"])
    expectCollectionFailure(
      result, mentioning: ["JUSTWORKS_CLIENT_ID is not set", "JUSTWORKS_CLIENT_ID_FILE"],
      exit: .invalidInput)
  }

  @Test func plainHTTPIsRefusedBeyondLoopback() {
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceID)", out: sandbox.path + "/m.json",
      environment: [
        "JUSTWORKS_API_URL": "http://api.example.com", "JUSTWORKS_CLIENT_ID": "a",
        "JUSTWORKS_CLIENT_SECRET": "b", "JUSTWORKS_REFRESH_TOKEN": "c",
      ])
    expectCollectionFailure(result, mentioning: ["use https"], exit: .invalidInput)
  }

  @Test func collectsTheGrantedScopesForThePartnerAPICatalog() throws {
    let fake = try FakeJustworks()
    let out = sandbox.path + "/scopes.json"
    let result = LiveCLI.collect(
      "justworks:directory-sync", out: out, environment: try fake.environment(sandbox: sandbox),
      ["--system", "justworks-partner-api"])
    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let document = try evidence(out)
    #expect(document["system"] as? String == "justworks-partner-api")
    #expect(
      document["permissions"] as? [String] == [
        "member.basic:read", "company.basic:read", "member.employment:read",
      ])
    #expect(try fake.requests() == ["POST /oauth/token"])
  }
}

/// TLS verification is always on: a server whose certificate the system does not trust is
/// refused, and the refusal is not retried, unless `--ca-bundle` names a file that trusts it.
@Suite struct TLSVerificationTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  /// A self-signed certificate for 127.0.0.1, written as `<name>.pem` with its key.
  private func makeCertificate(_ name: String) throws -> String {
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    openssl.arguments = [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", sandbox.path + "/\(name)-key.pem",
      "-out", sandbox.path + "/\(name).pem",
    ]
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    try #require(openssl.terminationStatus == 0)
    return sandbox.path + "/\(name).pem"
  }

  /// A fake serving TLS with `certificate`, and the environment that points at it.
  private func startTLSFake(_ certificate: String) throws -> (FakeJustworks, [String: String]) {
    let fake = try FakeJustworks(arguments: [
      "--tls-cert", certificate, "--tls-key",
      String(certificate.dropLast(".pem".count)) + "-key.pem",
    ])
    var environment = try fake.environment(sandbox: sandbox)
    environment["JUSTWORKS_API_URL"] = "https://127.0.0.1:\(fake.port)"
    return (fake, environment)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
  func anUntrustedCertificateExits3() throws {
    let (fake, environment) = try startTLSFake(try makeCertificate("cert"))
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceID)", out: sandbox.path + "/m.json",
      environment: environment)
    expectCollectionFailure(result, mentioning: ["POST /oauth/token failed TLS verification"])
    #expect(try fake.requests(over: "https").isEmpty)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
  func aCABundleThatTrustsTheCertificateLetsCollectionSucceed() throws {
    let certificate = try makeCertificate("cert")
    let (fake, environment) = try startTLSFake(certificate)
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceID)", out: sandbox.path + "/m.json",
      environment: environment, ["--ca-bundle", certificate])
    #expect(result.exitCode == .compliant, "\(result.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: sandbox.path + "/m.json"))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let account = try #require(document["account"] as? [String: Any])
    #expect(account["id"] as? String == FakeJustworks.serviceID)
    #expect(
      try fake.requests(over: "https") == ["POST /oauth/token", "GET /v1/members/m_svc_7301"])
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
  func aCABundleThatDoesNotTrustTheCertificateExits3() throws {
    let (fake, environment) = try startTLSFake(try makeCertificate("cert"))
    let other = try makeCertificate("other")
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceID)", out: sandbox.path + "/m.json",
      environment: environment, ["--ca-bundle", other])
    expectCollectionFailure(result, mentioning: ["POST /oauth/token failed TLS verification"])
    #expect(try fake.requests(over: "https").isEmpty)
  }

  @Test func aMissingCABundleIsAUsageError() throws {
    let missing = sandbox.path + "/no-such-bundle.pem"
    let result = LiveCLI.collect(
      "justworks:\(FakeJustworks.serviceID)", out: sandbox.path + "/m.json",
      environment: [:], ["--ca-bundle", missing])
    #expect(result.exitCode == .invalidInput, "\(result.stderr)")
    #expect(result.stderr.contains("--ca-bundle: cannot read the file '\(missing)'"))
    #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/m.json"))
  }
}
