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
    try Self.createFolders(runs)

    let folder = try makeRunFolder(in: runs, named: runName)
    PartialOutputs.shared.begin(folder)
    do throws(AtomicFile.WriteError) {
      for file in files {
        try AtomicFile.write(file.content, to: folder + "/" + file.name)
      }
      let link = "runs/" + (folder as NSString).lastPathComponent
      let isPublished = try PartialOutputs.shared.publish(folder) {
        () throws(AtomicFile.WriteError) in try pointLatest(at: link)
      }
      guard isPublished else {
        throw AtomicFile.WriteError(path: folder, reason: "the run was stopped by a signal")
      }
    } catch {
      // Note: a run that could not be written whole is removed, so `runs/` holds only
      // complete runs and `latest` keeps pointing at the previous one.
      try? FileManager.default.removeItem(atPath: folder)
      PartialOutputs.shared.end(folder)
      throw error
    }
    return folder
  }

  /// The run folder's name for a run at `time` under `policyID`.
  public static func runName(time: Date, policyID: String) -> String {
    "\(Timestamp.compact(time))-\(policyID)"
  }

  /// Creates `path` and its missing parents. Unlike `FileManager`, whose errors read
  /// "The operation could not be completed", it says which part of the path is in the way.
  static func createFolders(_ path: String) throws(AtomicFile.WriteError) {
    var missing: [String] = []
    var current = path
    while !current.isEmpty {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else {
          throw AtomicFile.WriteError(path: path, reason: "'\(current)' is a file, not a folder")
        }
        break
      }
      missing.append(current)
      // Note: NSString.deletingLastPathComponent traps on some one-character paths on
      // Linux, so the parent is cut at the last slash by hand.
      guard let slash = current.lastIndex(of: "/") else { break }
      let parent = String(current[..<slash])
      guard !parent.isEmpty, parent != current else { break }
      current = parent
    }
    for folder in missing.reversed() {
      guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
        throw AtomicFile.WriteError(path: path, reason: AtomicFile.systemReason())
      }
    }
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

extension ReportFolder {
  /// Creates a new folder for one run under `runs/`, for reports written as they stream;
  /// publish it with ``pointLatest(atRunFolder:)`` once every file in it is complete.
  public func makeRunFolder(named name: String) throws(AtomicFile.WriteError) -> String {
    let runs = root + "/runs"
    try Self.createFolders(runs)
    return try makeRunFolder(in: runs, named: name)
  }

  /// Points `latest` at a run folder made by ``makeRunFolder(named:)``.
  public func pointLatest(atRunFolder folder: String) throws(AtomicFile.WriteError) {
    try pointLatest(at: "runs/" + (folder as NSString).lastPathComponent)
  }
}
