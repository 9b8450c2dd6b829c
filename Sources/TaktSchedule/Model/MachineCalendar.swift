/// When a machine works: sorted, disjoint working intervals `[start, end)` in the problem's
/// time unit. Shifts are working intervals; holidays and maintenance windows are taken out of
/// them. The last interval may be open (``MachineCalendar/open``): the machine works on after it.
///
/// An operation that may resume (the default, as APS tools do) starts in working time and
/// pauses over breaks, so it ends once its duration of working time has passed; one that may
/// not must fit inside one working interval. Setups take working time too.
public struct MachineCalendar: Hashable, Sendable {
    /// The end of an interval that does not end.
    public static let open = 1 << 52

    /// Sorted, disjoint, non-empty.
    public let intervals: [Range<Int>]

    /// A machine that always works.
    public static let always = MachineCalendar(checked: [0..<open])

    /// Working intervals less the unavailable ones (overlapping or touching intervals merge).
    public init(working: [Range<Int>] = [0..<MachineCalendar.open], unavailable: [Range<Int>] = []) {
        var merged: [Range<Int>] = []
        for interval in working.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, interval.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, interval.upperBound)
            } else {
                merged.append(interval)
            }
        }
        for hole in unavailable where !hole.isEmpty {
            merged = merged.flatMap { interval -> [Range<Int>] in
                guard interval.overlaps(hole) else { return [interval] }
                var pieces: [Range<Int>] = []
                if hole.lowerBound > interval.lowerBound { pieces.append(interval.lowerBound..<hole.lowerBound) }
                if hole.upperBound < interval.upperBound { pieces.append(hole.upperBound..<interval.upperBound) }
                return pieces
            }
        }
        self.init(checked: merged)
    }

    private init(checked intervals: [Range<Int>]) { self.intervals = intervals }

    /// True when the machine works at every time from 0 on.
    public var isAlways: Bool { intervals.count == 1 && intervals[0].lowerBound <= 0 && intervals[0].upperBound >= Self.open }

    /// The index of the first interval that ends after `time`.
    private func firstEnding(after time: Int) -> Int {
        var low = 0, high = intervals.count
        while low < high {
            let mid = (low + high) / 2
            if intervals[mid].upperBound > time { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The earliest start at or after `time` of an operation of `duration`: in working time
    /// if it may resume, inside one interval if not; `nil` when the calendar ends first.
    /// An operation of no duration starts at `time`.
    public func earliestStart(at time: Int, duration: Int, resumable: Bool) -> Int? {
        guard duration > 0 else { return time }
        var k = firstEnding(after: time)
        while k < intervals.count {
            let start = max(time, intervals[k].lowerBound)
            if resumable || start + duration <= intervals[k].upperBound { return start }
            k += 1
        }
        return nil
    }

    /// When `work` units of working time from `start` (itself in working time) are done;
    /// `nil` when the calendar ends first.
    public func end(start: Int, work: Int) -> Int? {
        guard work > 0 else { return start }
        var left = work
        var k = firstEnding(after: start)
        while k < intervals.count {
            let from = max(start, intervals[k].lowerBound)
            let available = intervals[k].upperBound - from
            if left <= available { return from + left }
            left -= available
            k += 1
        }
        return nil
    }

    /// The end of `work` units of working time begun as early as possible at or after `time`.
    public func advance(_ time: Int, by work: Int) -> Int? {
        guard work > 0 else { return time }
        guard let start = earliestStart(at: time, duration: work, resumable: true) else { return nil }
        return end(start: start, work: work)
    }

    /// Working time in `[from, to)`.
    public func workingTime(from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        var total = 0
        var k = firstEnding(after: from)
        while k < intervals.count && intervals[k].lowerBound < to {
            total += min(to, intervals[k].upperBound) - max(from, intervals[k].lowerBound)
            k += 1
        }
        return total
    }

    /// The working time in `[from, to)` as intervals.
    public func pieces(from: Int, to: Int) -> [Range<Int>] {
        guard from < to else { return [] }
        var found: [Range<Int>] = []
        var k = firstEnding(after: from)
        while k < intervals.count && intervals[k].lowerBound < to {
            found.append(max(from, intervals[k].lowerBound)..<min(to, intervals[k].upperBound))
            k += 1
        }
        return found
    }

    /// Whether `[from, to)` lies inside one working interval.
    public func isOneInterval(from: Int, to: Int) -> Bool {
        let k = firstEnding(after: from)
        return k < intervals.count && intervals[k].lowerBound <= from && to <= intervals[k].upperBound
    }
}
