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

  /// One warning per waiver that named no finding: it is stale, or its subject is wrong.
  func warnAboutUnusedWaivers(_ waivers: WaiverSet) {
    guard !options.isQuiet else { return }
    for waiver in waivers.unusedWaivers {
      console.warning(
        "\(waiver.origin): waiver of \(waiver.summary) named no finding; remove it, or fix "
          + "its account, kind or subject")
    }
  }
}
