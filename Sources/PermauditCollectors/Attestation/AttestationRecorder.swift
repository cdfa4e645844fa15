import Foundation
import PermauditCore

/// Gathers the answers of one attestation and turns them into an evidence document, only
/// once every question has an answer: a half-answered attestation is never written.
public struct AttestationRecorder: Sendable {
  public let plan: AttestationPlan
  private var attributes: [(String, JSONValue)] = []
  private var held: [String] = []
  private var others: [String] = []
  /// How many questions have an accepted answer.
  public private(set) var answered = 0

  public init(plan: AttestationPlan) {
    self.plan = plan
  }

  /// The next question, or `nil` when all are answered.
  public var nextQuestion: AttestationQuestion? {
    let questions = plan.questions
    return answered < questions.count ? questions[answered] : nil
  }

  /// Records `text` as the answer to ``nextQuestion``.
  ///
  /// - Throws: a message saying what answer is expected, when `text` is not one.
  public mutating func answer(_ text: String) throws(AttestationAnswerError) {
    guard let question = nextQuestion else { return }
    let answer = text.trimmingCharacters(in: .whitespaces)
    guard !answer.isEmpty else { throw AttestationAnswerError("an answer is required") }

    switch question {
    case .attribute(let name, let definition):
      attributes.append((name, try Self.value(answer, type: definition?.type ?? .string)))
    case .permission(let permission):
      if try Self.yesOrNo(answer) { held.append(permission.name) }
    case .others:
      // "no" and "none" answer the question the way a person reads it; they are not
      // permission names.
      if !["-", "no", "none", "n"].contains(answer.lowercased()) {
        others = answer.split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
      }
    }
    answered += 1
  }

  /// The evidence document, or `nil` while questions remain.
  ///
  /// - Parameter attestor: who answered; the source is `attestation:<attestor>`.
  public func evidence(accountID: String, attestor: String, at time: Date) -> CollectedEvidence? {
    guard nextQuestion == nil else { return nil }
    let hasPermissionQuestions = plan.questions.contains {
      if case .attribute = $0 { false } else { true }
    }
    return CollectedEvidence(
      system: plan.system, collectedAt: time, source: "attestation:\(attestor)",
      accountID: accountID, attributes: attributes,
      permissions: hasPermissionQuestions ? held + others : nil)
  }

  static func value(_ answer: String, type: AttributeType) throws(AttestationAnswerError)
    -> JSONValue
  {
    if answer == "-" { return .null }
    switch type {
    case .boolean:
      return .bool(try yesOrNo(answer))
    case .email:
      guard answer.contains("@") else {
        throw AttestationAnswerError("an email address is expected, or '-' if empty")
      }
      return .string(answer)
    case .string, .date:
      return .string(answer)
    }
  }

  static func yesOrNo(_ answer: String) throws(AttestationAnswerError) -> Bool {
    switch answer.lowercased() {
    case "y", "yes", "true": return true
    case "n", "no", "false": return false
    default: throw AttestationAnswerError("answer yes or no")
    }
  }
}

/// An answer that does not fit its question.
public struct AttestationAnswerError: Error, Sendable, CustomStringConvertible {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}
