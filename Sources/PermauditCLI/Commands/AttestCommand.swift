import Foundation
import PermauditCollectors
import PermauditCore
import PermauditInput
import PermauditReports

/// `permaudit attest`: walks an admin through the policy's steps, one question at a time,
/// and writes the answers as evidence (`source: attestation:<who>`), only once every
/// question is answered. Prompts go to standard error, so answers can be piped in and the
/// evidence piped out.
struct AttestCommand {
  let parsed: ParsedArguments
  let console: Console

  init(_ parsed: ParsedArguments, console: Console) {
    self.parsed = parsed
    self.console = console
  }

  func run() throws(CommandFailure) -> ExitCode {
    let output = parsed.value(for: "out") ?? ""
    guard !output.isEmpty else { throw .usage("--out needs a file, or '-'") }
    let loaded = try PolicyLookup(parsed).load(parsed.value(for: "policy") ?? "")

    var recorder = AttestationRecorder(
      plan: AttestationPlan(policy: loaded.policy, catalog: loaded.catalog))
    let total = recorder.plan.questions.count
    console.writeError(
      "Attesting '\(loaded.policy.title)': \(total) questions. Answer each; nothing is "
        + "written until all are answered.\n")
    let attestor = try answer(for: "by", "Who is attesting (your email)?", total)
    let account = try answer(for: "account", "The account's id in \(loaded.catalog.system)?", total)

    for section in recorder.plan.sections {
      console.writeError("\n== \(section.title)\n")
      if let instructions = section.instructions { console.writeError("   \(instructions)\n") }
      for _ in section.questions {
        try answerNext(&recorder, total: total)
      }
    }

    guard
      let evidence = recorder.evidence(
        accountID: account, attestor: attestor, at: console.clock())
    else {
      throw incomplete(recorder.answered, total)
    }
    try write(Array(evidence.json.utf8), to: output)
    console.writeError(
      "Recorded \(total) answers for account '\(account)' as attestation:\(attestor)"
        + (output == "-" ? "\n" : " in \(output)\n"))
    return .compliant
  }

  /// Asks the next question until it has a valid answer. Piped answers get one chance, so
  /// a wrong line never shifts the answers after it onto the wrong questions.
  private func answerNext(_ recorder: inout AttestationRecorder, total: Int)
    throws(CommandFailure)
  {
    guard let question = recorder.nextQuestion else { return }
    while true {
      console.writeError("   \(question.prompt): ")
      let line = console.readLine()
      // Note: a terminal echoes the answer and its newline; piped answers do not.
      if !console.isInputTerminal || line == nil { console.writeError("\n") }
      guard let line else { throw incomplete(recorder.answered, total) }
      do {
        try recorder.answer(line)
        return
      } catch {
        guard console.isInputTerminal else {
          // Note: piped answers are input, not the command line: no pointer at --help.
          throw .input(
            InputError(
              "answer \(recorder.answered + 1) ('\(line)') does not fit '\(question.prompt)': "
                + "\(error); nothing was written"))
        }
        console.writeError("   \(error)\n")
      }
    }
  }

  /// The option's value, or the answer to `prompt` when the option is absent.
  private func answer(for option: String, _ prompt: String, _ total: Int)
    throws(CommandFailure) -> String
  {
    if let value = parsed.value(for: option), !value.isEmpty { return value }
    return try ask(prompt, total)
  }

  private func ask(_ prompt: String, _ total: Int) throws(CommandFailure) -> String {
    while true {
      console.writeError("\(prompt) ")
      let line = console.readLine()
      if !console.isInputTerminal || line == nil { console.writeError("\n") }
      guard let line else { throw incomplete(0, total) }
      let answer = line.trimmingCharacters(in: .whitespaces)
      if !answer.isEmpty { return answer }
      guard console.isInputTerminal else { throw .input(InputError("\(prompt) needs an answer")) }
    }
  }

  private func incomplete(_ answered: Int, _ total: Int) -> CommandFailure {
    .input(
      InputError(
        "the attestation is incomplete: \(answered) of \(total) questions answered before "
          + "the input ended; nothing was written"))
  }

  private func write(_ bytes: [UInt8], to output: String) throws(CommandFailure) {
    guard output != "-" else {
      console.write(String(decoding: bytes, as: UTF8.self))
      return
    }
    do {
      try AtomicFile.write(bytes, to: output)
    } catch {
      throw .output(error)
    }
  }
}
