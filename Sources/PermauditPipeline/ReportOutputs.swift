import Foundation
import PermauditCore
import PermauditReports

/// Where a run's reports go as accounts stream past: a file per format in a new run
/// folder, and optionally one format for standard output. Nothing is published until the
/// run completes; a run that fails leaves no report and no run folder behind.
///
/// Note: it is used by one thread at a time: the pipeline hands it to its
/// ``BackgroundWriter`` while accounts stream, and drains the writer before finishing.
final class ReportOutputs: @unchecked Sendable {
  private struct Output {
    let format: ReportFormat
    /// Accounts as they come; the whole file when the prologue can be written first.
    let body: StreamedFile
    /// Puts the format's separator between non-empty fragments.
    let joiner: FragmentJoiner
  }

  private var outputs: [Output] = []
  private var standardOutput: Output?
  private let folder: ReportFolder?
  private let runFolder: String?
  /// Report files already renamed into the run folder by ``finish(_:print:)``.
  private var published: [String] = []

  /// Prepares the outputs.
  ///
  /// - Parameters:
  ///   - folder: the reports folder, or `nil` for none.
  ///   - runName: the name of this run's folder inside it.
  ///   - formats: the files to write there.
  ///   - standardOutput: a format to print when the run completes.
  init(
    folder: ReportFolder?, runName: String, formats: [ReportFormat],
    standardOutput: ReportFormat?, context: AuditReport
  ) throws(AtomicFile.WriteError) {
    self.folder = folder
    runFolder = try folder.flatMap { folder throws(AtomicFile.WriteError) in
      formats.isEmpty ? nil : try folder.makeRunFolder(named: runName)
    }
    if let runFolder { PartialOutputs.shared.begin(runFolder) }
    // Note: whatever fails from here on, the run folder and every file begun go again.
    do throws(AtomicFile.WriteError) {
      if let runFolder {
        for format in formats {
          outputs.append(
            Output(
              format: format, body: try StreamedFile(target: runFolder + "/" + format.fileName),
              joiner: FragmentJoiner(format)))
        }
      }
      if let format = standardOutput {
        // The scratch file is created exclusively, readable by the owner only, and
        // unlinked at once (see StreamedFile): a killed run leaves nothing in /tmp.
        let scratch = NSTemporaryDirectory() + "permaudit-stdout.\(format.rawValue)"
        self.standardOutput = Output(
          format: format, body: try StreamedFile(target: scratch, isPublishable: false),
          joiner: FragmentJoiner(format))
      }
      for output in allOutputs where !output.format.prologueNeedsSummary {
        try output.body.append(output.format.prologue(context))
      }
    } catch {
      discard()
      throw error
    }
    for output in allOutputs where !self.formats.contains(output.format) {
      self.formats.append(output.format)
    }
    piecePositions = allOutputs.map { output in
      self.formats.firstIndex(of: output.format) ?? self.formats.count
    }
  }

  /// The formats whose fragments each account must be rendered in, each once.
  private(set) var formats: [ReportFormat] = []
  /// For each of ``allOutputs``, where its format is in ``formats``.
  private var piecePositions: [Int] = []

  /// The run folder the files are written in, if any.
  var runFolderPath: String? { runFolder }

  private var allOutputs: [Output] { outputs + (standardOutput.map { [$0] } ?? []) }

  /// Appends the fragments of one or more consecutive accounts, one piece per format in
  /// the order of ``formats``; each piece holds its accounts' fragments already joined by
  /// the format's separator.
  func append(_ pieces: [[UInt8]]) throws(AtomicFile.WriteError) {
    for (output, position) in zip(allOutputs, piecePositions) where position < pieces.count {
      try output.body.append(output.joiner.separator(before: pieces[position]))
      try output.body.append(pieces[position])
    }
  }

  /// Finishes every file with the run's totals, publishes the run folder, and prints the
  /// standard-output format.
  ///
  /// - Returns: the run folder, if reports were written.
  func finish(_ context: AuditReport, print: (String) -> Void) throws(AtomicFile.WriteError)
    -> String?
  {
    for output in allOutputs {
      try output.body.append(output.format.epilogue(context))
    }
    for output in outputs {
      let file = try complete(output, context)
      try file.seal(as: output.format, context)
      try file.publish()
      published.append(file.target)
    }
    if let runFolder, let folder {
      let isPublished = try PartialOutputs.shared.publish(runFolder) {
        () throws(AtomicFile.WriteError) in try folder.pointLatest(atRunFolder: runFolder)
      }
      guard isPublished else {
        throw AtomicFile.WriteError(path: runFolder, reason: "the run was stopped by a signal")
      }
    }
    if let output = standardOutput {
      let file = try complete(output, context)
      try file.seal(as: output.format, context)
      try file.copy(to: print)
      file.discard()
    }
    return runFolder
  }

  /// The finished file of an output: its body, or for a format whose prologue shows the
  /// totals, a new file holding the prologue followed by the body.
  private func complete(_ output: Output, _ context: AuditReport) throws(AtomicFile.WriteError)
    -> StreamedFile
  {
    guard output.format.prologueNeedsSummary else { return output.body }
    let whole = try StreamedFile(
      target: output.body.target, isPublishable: output.body.isPublishable)
    try whole.append(output.format.prologue(context))
    try whole.append(contentsOf: output.body)
    output.body.discard()
    return whole
  }

  /// Removes everything written so far, the run folder included, even files already
  /// renamed into it when a later one failed: a failed run leaves no report behind.
  func discard() {
    for output in allOutputs { output.body.discard() }
    for path in published { unlink(path) }
    published.removeAll()
    if let runFolder {
      rmdir(runFolder)
      PartialOutputs.shared.end(runFolder)
    }
  }
}
