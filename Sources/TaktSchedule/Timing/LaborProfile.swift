/// The workers of one labor pool taken by the operations placed so far, as their intervals,
/// for placing the next one where enough are free.
///
/// An operation holds its workers over its spans: from its start to its end (breaks
/// included: a crew stays with a job it has begun), or only its machine's working time in
/// between where the pool's workers leave over breaks. The intervals are kept sorted by start,
/// so that a look-up scans only those that can overlap it: from the start less the longest
/// interval on.
struct LaborProfile: Sendable {
    var capacity: Int
    private var placed: [(start: Int, end: Int, workers: Int, operation: Int)] = []
    private var longest = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func removeAll() {
        placed.removeAll(keepingCapacity: true)
        longest = 0
    }

    mutating func add(_ spans: [Range<Int>], workers: Int, operation: Int) {
        for span in spans where !span.isEmpty {
            placed.insert((span.lowerBound, span.upperBound, workers, operation), at: firstStarting(atOrAfter: span.lowerBound))
            longest = max(longest, span.count)
        }
    }

    /// The index of the first interval starting at or after `time`.
    private func firstStarting(atOrAfter time: Int) -> Int {
        var low = 0, high = placed.count
        while low < high {
            let mid = (low + high) / 2
            if placed[mid].start < time { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Nil when `workers` more fit throughout `spans`; otherwise the earliest end of an
    /// interval in the way, and its operation: the first time worth trying again from.
    func blocked(_ spans: [Range<Int>], workers: Int) -> (retry: Int, operation: Int)? {
        var retry: (retry: Int, operation: Int)?
        for span in spans where !span.isEmpty {
            // The overlapping intervals' workers all at once bound their peak: most look-ups
            // end there, without sorting the intervals' ends.
            let first = firstStarting(atOrAfter: span.lowerBound - longest)
            var total = 0
            var k = first
            while k < placed.count && placed[k].start < span.upperBound {
                if placed[k].end > span.lowerBound { total += placed[k].workers }
                k += 1
            }
            guard total + workers > capacity else { continue }
            var inWindow: [(start: Int, end: Int, workers: Int)] = []
            var inSpan: (retry: Int, operation: Int)?
            for p in placed[first..<k] where p.end > span.lowerBound {
                inWindow.append((max(p.start, span.lowerBound), min(p.end, span.upperBound), p.workers))
                if inSpan == nil || (p.end, p.operation) < (inSpan!.retry, inSpan!.operation) { inSpan = (p.end, p.operation) }
            }
            guard let inSpan, Self.peak(inWindow).workers + workers > capacity else { continue }
            if retry == nil || (inSpan.retry, inSpan.operation) < (retry!.retry, retry!.operation) { retry = inSpan }
        }
        return retry
    }

    /// The most workers in use at once over `intervals` (start, end, workers).
    static func peak(_ intervals: [(start: Int, end: Int, workers: Int)]) -> (workers: Int, at: Int) {
        var events: [(time: Int, change: Int)] = []
        for i in intervals where i.end > i.start { events += [(i.start, i.workers), (i.end, -i.workers)] }
        events.sort { ($0.time, $0.change) < ($1.time, $1.change) }
        var used = 0, peak = (workers: 0, at: 0)
        for event in events {
            used += event.change
            if used > peak.workers { peak = (used, event.time) }
        }
        return peak
    }
}
