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
    /// The workers in use as a step function: `level[i]` from `times[i]` to the next time
    /// (none before the first), so that the most in use over a span is read off directly.
    private var times: [Int] = []
    private var level: [Int] = []

    init(capacity: Int) { self.capacity = capacity }

    mutating func removeAll() {
        placed.removeAll(keepingCapacity: true)
        times.removeAll(keepingCapacity: true)
        level.removeAll(keepingCapacity: true)
        longest = 0
    }

    mutating func add(_ spans: [Range<Int>], workers: Int, operation: Int) {
        for span in spans where !span.isEmpty {
            placed.insert((span.lowerBound, span.upperBound, workers, operation), at: firstStarting(atOrAfter: span.lowerBound))
            longest = max(longest, span.count)
            let from = breakpoint(span.lowerBound), to = breakpoint(span.upperBound)
            for i in from..<to { level[i] += workers }
        }
    }

    /// The index of the step starting at `time`, made where there is none (with the level
    /// the time had).
    private mutating func breakpoint(_ time: Int) -> Int {
        let i = firstTime(atOrAfter: time)
        if i < times.count && times[i] == time { return i }
        times.insert(time, at: i)
        level.insert(i > 0 ? level[i - 1] : 0, at: i)
        return i
    }

    /// The index of the first step starting at or after `time`.
    private func firstTime(atOrAfter time: Int) -> Int {
        var low = 0, high = times.count
        while low < high {
            let mid = (low + high) / 2
            if times[mid] < time { low = mid + 1 } else { high = mid }
        }
        return low
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

    /// Nil when `workers` more fit throughout `spans`; otherwise the first time after the
    /// first conflict at which that many are free again (a start before it would still
    /// overlap the conflict): the time worth trying again from.
    func blocked(_ spans: [Range<Int>], workers: Int) -> Int? {
        let limit = capacity - workers
        var retry: Int?
        for span in spans where !span.isEmpty {
            // The first step in the span over the limit, then the first after it back under.
            var i = firstTime(atOrAfter: span.lowerBound)
            if i > 0 && (i == times.count || times[i] > span.lowerBound) && level[i - 1] > limit { i -= 1 } else {
                while i < times.count && times[i] < span.upperBound && level[i] <= limit { i += 1 }
                guard i < times.count && times[i] < span.upperBound else { continue }
            }
            while i < times.count && level[i] > limit { i += 1 }
            let free = i < times.count ? times[i] : (times.last ?? span.upperBound)
            retry = min(retry ?? free, free)
        }
        return retry
    }

    /// The operation whose workers are freed at `time`: the lowest of those ending then.
    func freed(at time: Int) -> Int {
        var freedBy = Int.max
        var k = firstStarting(atOrAfter: time - longest)
        while k < placed.count && placed[k].start < time {
            if placed[k].end == time { freedBy = min(freedBy, placed[k].operation) }
            k += 1
        }
        return freedBy == Int.max ? -1 : freedBy
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
