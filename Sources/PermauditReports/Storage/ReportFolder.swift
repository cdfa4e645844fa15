import Foundation
import PermauditCore

/// The layout of the reports folder: one folder per run that is never overwritten, and a
/// `latest` link that always points at a complete run.
///
/// ```
/// Reports/
///   runs/20261203T120000Z-goprofiles-justworks/report.json, report.md, report.txt
///   runs/20261203T120000Z-goprofiles-justworks-2/…   (a second run at the same time)
///   latest -> runs/20261203T120000Z-goprofiles-justworks
/// ```
public struct ReportFolder: Sendable {
  public var root: String

  public init(root: String) {
    self.root = root
  }

  /// Writes every report of one run into a new run folder, then points `latest` at it.
  ///
  /// - Returns: the run folder's path.
  public func store(_ files: [(name: String, content: String)], runName: String)
    throws(AtomicFile.WriteError) -> String
  {
    let runs = root + "/runs"
    do {
      try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
    } catch {
      throw AtomicFile.WriteError(path: runs, reason: error.localizedDescription)
    }

    let folder = try makeRunFolder(in: runs, named: runName)
    for file in files {
      try AtomicFile.write(file.content, to: folder + "/" + file.name)
    }
    try pointLatest(at: "runs/" + (folder as NSString).lastPathComponent)
    return folder
  }

  /// The run folder's name for a run at `time` under `policyID`.
  public static func runName(time: Date, policyID: String) -> String {
    "\(Timestamp.compact(time))-\(policyID)"
  }

  /// Creates a folder that did not exist before: `name`, else `name-2`, `name-3`, ….
  /// `mkdir` fails when the folder exists, so two runs at once never share one.
  private func makeRunFolder(in runs: String, named name: String)
    throws(AtomicFile.WriteError) -> String
  {
    for attempt in 1...10_000 {
      let path = runs + "/" + (attempt == 1 ? name : "\(name)-\(attempt)")
      if mkdir(path, 0o755) == 0 { return path }
      guard errno == EEXIST else {
        throw AtomicFile.WriteError(path: path, reason: AtomicFile.systemReason())
      }
    }
    throw AtomicFile.WriteError(path: runs + "/" + name, reason: "too many runs with this name")
  }

  /// Replaces the `latest` link atomically: a new link is made beside it and renamed.
  private func pointLatest(at target: String) throws(AtomicFile.WriteError) {
    let latest = root + "/latest"
    let temporary = root + "/.latest.\(getpid()).tmp"
    unlink(temporary)
    guard symlink(target, temporary) == 0, rename(temporary, latest) == 0 else {
      let reason = AtomicFile.systemReason()
      unlink(temporary)
      throw AtomicFile.WriteError(path: latest, reason: reason)
    }
  }
}
