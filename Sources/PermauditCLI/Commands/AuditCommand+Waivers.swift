import PermauditCore
import PermauditInput

extension AuditCommand {
  /// The `--waivers` file, read and validated; no waivers when none is given.
  func loadWaivers(catalog: Catalog) throws(CommandFailure) -> WaiverSet {
    guard let path = options.waiversFile else { return WaiverSet() }
    do {
      let loaded = try WaiverDecoder.load(path, subjects: WaiverSubjects(catalog: catalog))
      return WaiverSet(
        file: ReportedFile(path: loaded.file.path, sha256: loaded.file.sha256),
        waivers: loaded.waivers)
    } catch {
      throw .input(error)
    }
  }

  /// One warning per waiver that named no finding: it is stale, or its subject is wrong
  /// (then the warning suggests the subject it is a near miss of).
  func warnAboutUnusedWaivers(_ waivers: WaiverSet, catalog: Catalog) {
    guard !options.isQuiet else { return }
    let subjects = WaiverSubjects(catalog: catalog)
    for waiver in waivers.unusedWaivers {
      let advice =
        subjects.closestSubject(to: waiver).map {
          "did you mean subject '\($0)'? Otherwise remove it, or fix its account or kind"
        } ?? "remove it, or fix its account, kind or subject"
      console.warning("\(waiver.origin): waiver of \(waiver.summary) named no finding; \(advice)")
    }
  }
}
