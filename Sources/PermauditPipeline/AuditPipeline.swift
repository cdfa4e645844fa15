import Foundation
import PermauditCollectors
import PermauditCore
import PermauditInput
import PermauditReports

/// One audit run: evidence is read in windows of blocks, decoded and evaluated on several
/// threads, and written to the reports as it goes, so memory stays bounded whatever the
/// batch's size. The output is the same whatever the number of threads.
public struct AuditPipeline {
  let request: AuditRequest
  let loader: EvidenceLoader
  let engine: AuditEngine
  private let standardInput: CachedInput
  private let collected: CollectedInputs

  /// A pipeline whose standard input (`--evidence -`) is read whole by `standardInput`.
  public init(_ request: AuditRequest, standardInput: @escaping @Sendable () -> InputFile) {
    self.init(request, standardInput: .whole(standardInput))
  }

  /// A pipeline reading standard input (`--evidence -`) as `standardInput` says.
  public init(_ request: AuditRequest, standardInput: StandardInput) {
    self.request = request
    self.loader = EvidenceLoader(catalog: request.policy.catalog)
    self.engine = AuditEngine(
      policy: request.policy.policy, catalog: request.policy.catalog,
      parameters: request.parameters, now: request.now, failOn: request.failOn,
      waivers: request.waivers.waivers)
    self.standardInput = CachedInput(standardInput)
    self.collected = CollectedInputs(live: request.liveEvidence)
  }

  /// Runs the audit.
  ///
  /// - Parameters:
  ///   - print: receives the `--stdout` format once the run is complete.
  ///   - progress: called with the number of accounts evaluated so far.
  public func run(print: (String) -> Void, progress: (Int) -> Void = { _ in })
    throws(AuditFailure) -> AuditOutcome
  {
    var timings = StageTimings()
    do throws(PassError) {
      return try pass(assembler: AccountAssembler(), timings: &timings, print, progress)
    } catch .failure(let failure) {
      throw failure
    } catch {
      // Note: an account's documents were apart, so the input is read twice instead.
      timings = StageTimings()
      timings.wasIndexed = true
      let counts = try documentCounts(timings: &timings)
      do throws(PassError) {
        return try pass(
          assembler: AccountAssembler(documentCounts: counts), timings: &timings, print,
          progress)
      } catch .failure(let failure) {
        throw failure
      } catch {
        // Note: an indexed pass accepts documents in any order, so this cannot happen; it
        // is still reported rather than trusted.
        throw .input(InputError("the evidence could not be grouped by account"))
      }
    }
  }

  /// Why one pass over the input stopped.
  private enum PassError: Error {
    case ungrouped
    case failure(AuditFailure)
  }

  private func pass(
    assembler start: AccountAssembler, timings: inout StageTimings,
    _ print: (String) -> Void, _ progress: (Int) -> Void
  ) throws(PassError) -> AuditOutcome {
    let outputs: ReportOutputs
    do throws(AtomicFile.WriteError) {
      outputs = try ReportOutputs(
        folder: request.reportsFolder.map(ReportFolder.init(root:)),
        runName: ReportFolder.runName(time: request.now, policyID: request.policy.policy.id),
        formats: request.formats, standardOutput: request.standardOutput,
        context: request.context())
    } catch {
      throw .failure(.output(error))
    }

    var state = PassState(sample: TextReport.Sample(maxAccounts: request.summaryAccounts))
    do throws(PassError) {
      // Note: issue 5 — `--per-account` files go into the run folder beside the reports.
      if request.perAccount, let runFolder = outputs.runFolderPath {
        state.accountFiles = try lift { () throws(AuditFailure) in
          do throws(AtomicFile.WriteError) {
            return try AccountFiles(runFolder: runFolder, formats: request.formats)
          } catch {
            throw .output(error)
          }
        }
      }
      let decoder = WindowDecoder(
        reader: try lift { () throws(AuditFailure) in try blockReader() }, loader: loader,
        jobs: request.jobs)
      let feed = AccountFeed(decoder: decoder, assembler: start)
      state.feed = feed
      reading: while true {
        switch feed.next() {
        case .accounts(let ready):
          try evaluate(ready, into: &state, outputs: outputs, timings: &timings)
          progress(state.summary.accounts)
        case .end(let feedTimings):
          timings.parse += feedTimings.parse
          timings.merge += feedTimings.merge
          break reading
        case .ungrouped:
          throw .ungrouped
        case .failed(let error):
          throw .failure(.input(error))
        }
      }
      do throws(AtomicFile.WriteError) {
        try state.writer.drain()
      } catch {
        throw .failure(.output(error))
      }
      timings.write += state.writer.busyTime

      guard state.summary.accounts + state.outsideShard > 0 else {
        throw .failure(
          .input(
            InputError(
              "the evidence names no accounts: an audit of nothing cannot pass",
              hint: "check that the evidence paths hold evidence documents")))
      }
      var context = request.context(summary: state.summary)
      context.waivers.unused = context.waivers.waivers.indices.filter {
        !state.usedWaivers.contains($0)
      }
      if let observer = request.observer {
        try lift { () throws(AuditFailure) in
          do throws(ObserverError) {
            try observer.finish(&context)
          } catch {
            throw .observer(error)
          }
        }
      }
      let clock = ContinuousClock()
      let start = clock.now
      let runFolder = try lift { () throws(AuditFailure) in
        do throws(AtomicFile.WriteError) {
          return try outputs.finish(context, print: print)
        } catch {
          throw .output(error)
        }
      }
      timings.write += clock.now - start
      var outcome = AuditOutcome(
        report: context, sample: state.sample, runFolder: runFolder, timings: timings)
      outcome.outsideShard = state.outsideShard
      return outcome
    } catch {
      // Note: the feed may still be reading and the writer may still hold queued pieces;
      // both must let go before the files they use are removed.
      state.feed?.stop()
      try? state.writer.drain()
      state.accountFiles?.discard()
      outputs.discard()
      request.observer?.discard()
      throw error
    }
  }

  private func blockReader() throws(AuditFailure) -> EvidenceBlockReader {
    // Note: live sources are collected first (once per run), so a collection failure is
    // reported as such (exit 3) before any file is read.
    let live: [String: InputFile]
    do {
      live = try collected.files(for: request.evidence, system: request.policy.catalog.system)
    } catch {
      throw .collection(error)
    }
    do {
      return try EvidenceBlockReader(
        references: request.evidence, standardInput: standardInput.unit, collected: live)
    } catch {
      throw .input(error)
    }
  }

  /// Runs `body`, reporting its failure as the pass's.
  private func lift<T>(_ body: () throws(AuditFailure) -> T) throws(PassError) -> T {
    do {
      return try body()
    } catch {
      throw .failure(error)
    }
  }

  /// Evaluates accounts in parallel, in slices whose fragments render into one piece per
  /// format, and queues the pieces for writing in order.
  private func evaluate(
    _ accounts: [AccountEvidence], into state: inout PassState, outputs: ReportOutputs,
    timings: inout StageTimings
  ) throws(PassError) {
    // Note: issue 5 — accounts of other shards are counted and skipped before evaluation.
    let inShard = accounts.filter { request.shard?.contains(accountID: $0.accountID) ?? true }
    state.outsideShard += accounts.count - inShard.count
    let accounts = inShard
    guard !accounts.isEmpty else { return }
    let clock = ContinuousClock()
    let start = clock.now
    let slicer = AccountSlicer(
      engine: engine, formats: outputs.formats, context: request.context(),
      observer: request.observer, accountFiles: state.accountFiles,
      firstPosition: state.summary.accounts)
    // Note: several slices a thread, so that a thread that draws cheap accounts takes
    // another slice instead of waiting for the other.
    let ranges = contiguousRanges(count: accounts.count, pieces: request.jobs * 4)
    let slices = parallelMap(ranges, jobs: request.jobs) { range in
      slicer.evaluate(accounts[range], firstOffset: range.lowerBound)
    }
    timings.evaluate += clock.now - start

    for slice in slices {
      for result in slice.results {
        state.summary.count(result.status)
        state.usedWaivers.formUnion(result.matchedWaivers)
        state.sample.add(result)
        do throws(ObserverError) {
          try request.observer?.record(result)
        } catch {
          throw .failure(.observer(error))
        }
      }
      let pieces = slice.pieces
      do {
        try state.writer.submit { () throws(AtomicFile.WriteError) in try outputs.append(pieces) }
      } catch {
        throw .failure(.output(error))
      }
      if let failure = slice.failure { throw .failure(failure) }
    }
  }

  /// How many documents each account has, by the hash of its id: the first pass of
  /// indexed mode, for input whose accounts' documents are not consecutive.
  private func documentCounts(timings: inout StageTimings) throws(AuditFailure) -> [Int: Int] {
    var counts: [Int: Int] = [:]
    var decoder = WindowDecoder(reader: try blockReader(), loader: loader, jobs: request.jobs)
    do throws(InputError) {
      while let documents = try decoder.next(timings: &timings) {
        for document in documents { counts[document.accountID.hashValue, default: 0] += 1 }
      }
    } catch {
      throw .input(error)
    }
    return counts
  }
}

/// What one pass has gathered so far.
private struct PassState {
  var sample: TextReport.Sample
  var summary = AuditSummary()
  /// Accounts of other shards, skipped.
  var outsideShard = 0
  /// Positions of the waivers that named a finding so far.
  var usedWaivers = Set<Int>()
  /// Where `--per-account` files go, if anywhere.
  var accountFiles: AccountFiles?
  /// Writes the report pieces while the next accounts are evaluated.
  let writer = BackgroundWriter()
  /// Reads the next accounts while these are evaluated.
  var feed: AccountFeed?
}
