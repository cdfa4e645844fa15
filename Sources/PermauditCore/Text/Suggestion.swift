/// Finds the closest spelling among known names, for "did you mean" hints.
public enum Suggestion {
  /// The candidate closest to `word` by edit distance, if it is close enough to be a
  /// plausible typo (at most a third of the word's length, and at least 1, edits away).
  /// Ties go to the earlier candidate, so suggestions are deterministic.
  public static func closest(to word: String, among candidates: some Sequence<String>)
    -> String?
  {
    let target = Array(word.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
      if best == nil || distance < best?.distance ?? .max {
        best = (candidate, distance)
      }
    }
    guard let best else { return nil }
    let allowed = max(1, max(target.count, 3) / 3)
    return best.distance <= allowed ? best.name : nil
  }

  /// Levenshtein distance with adjacent transpositions counted as one edit.
  public static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousRow = [Int](repeating: 0, count: b.count + 1)
    var row = Array(0...b.count)
    var beforePrevious = row
    for i in 1...a.count {
      beforePrevious = previousRow
      previousRow = row
      row[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var best = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          best = min(best, beforePrevious[j - 2] + 1)
        }
        row[j] = best
      }
    }
    return row[b.count]
  }
}
