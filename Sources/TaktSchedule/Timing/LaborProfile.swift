/// The workers of one labor pool taken by the operations placed so far, as their intervals,
/// for placing the next one where enough are free.
///
/// An operation holds its workers from its start to its end (breaks included: a crew stays
/// with a job it has begun). The intervals are few per pool in the cases labor pools serve,
/// so they are kept in a plain list and scanned.
struct LaborProfile: Sendable {
    var capacity: Int
    private(set) var placed: [(start: Int, end: Int, workers: Int, operation: Int)] = []

    init(capacity: Int) { self.capacity = capacity }

    mutating func removeAll() { placed.removeAll(keepingCapacity: true) }

    mutating func add(start: Int, end: Int, workers: Int, operation: Int) {
        guard end > start else { return }
        placed.append((start, end, workers, operation))
    }

    /// Nil when `workers` more fit throughout `[start, end)`; otherwise the earliest end of an
    /// interval in the way, and its operation: the first time worth trying again from.
    func blocked(start: Int, end: Int, workers: Int) -> (retry: Int, operation: Int)? {
        guard end > start else { return nil }
        var inWindow: [(start: Int, end: Int, workers: Int)] = []
        var retry: (retry: Int, operation: Int)?
        for p in placed where p.start < end && p.end > start {
            inWindow.append((max(p.start, start), min(p.end, end), p.workers))
            if retry == nil || (p.end, p.operation) < (retry!.retry, retry!.operation) { retry = (p.end, p.operation) }
        }
        guard let retry, Self.peak(inWindow).workers + workers > capacity else { return nil }
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
