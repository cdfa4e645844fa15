import PermauditCore
import PermauditReports

/// Evaluates a slice of consecutive accounts and renders their report fragments, joined,
/// into one piece per format: what one evaluation thread does with its share of a window.
struct AccountSlicer: Sendable {
  let engine: AuditEngine
  /// The formats to render, in the order the pieces are given.
  let formats: [ReportFormat]
  /// The run's report without accounts, for the renderers.
  let context: AuditReport
  let observer: (any AuditObserver)?
  /// Where `--per-account` files go, if anywhere.
  let accountFiles: AccountFiles?
  /// The run position of the window's first account (0 for the run's first).
  let firstPosition: Int

  /// The accounts of a slice, evaluated in order, with their report pieces.
  struct Slice: Sendable {
    var results: [AccountResult] = []
    /// One piece per format of ``AccountSlicer/formats``: the fragments of ``results``,
    /// joined by the format's separator.
    var pieces: [[UInt8]]
    /// Why the slice stopped early: the first account that could not be judged or whose
    /// `--per-account` files could not be written. ``results`` holds the accounts before it.
    var failure: AuditFailure?
  }

  /// Evaluates `accounts`, the window's accounts from `firstOffset` on.
  func evaluate(_ accounts: ArraySlice<AccountEvidence>, firstOffset: Int) -> Slice {
    var slice = Slice(pieces: Array(repeating: [], count: formats.count))
    slice.results.reserveCapacity(accounts.count)
    let joiners = formats.map(FragmentJoiner.init)

    for (offset, account) in accounts.enumerated() {
      var result: AccountResult
      do throws(EngineError) {
        result = try engine.evaluate(account)
      } catch {
        slice.failure = .engine(error)
        return slice
      }
      if let observer { result = observer.annotate(result) }

      let isFirst = firstPosition + firstOffset + offset == 0
      for (position, format) in formats.enumerated() {
        let fragment = format.fragment(result, in: context, isFirst: isFirst)
        slice.pieces[position] += joiners[position].separator(before: fragment)
        slice.pieces[position] += fragment
      }
      do throws(AtomicFile.WriteError) {
        try accountFiles?.write(result, in: context)
      } catch {
        slice.results.append(result)
        slice.failure = .output(error)
        return slice
      }
      slice.results.append(result)
    }
    return slice
  }
}
