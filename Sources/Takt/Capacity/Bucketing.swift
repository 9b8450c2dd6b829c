/// The periods a capacity-load table is reported in: the horizon's own, or coarser or finer
/// ones over the same days (a monthly plan seen by quarter, or by week).
public struct Bucketing: Sendable {
    /// The buckets, covering exactly the horizon's days (the last one may be cut short).
    public let periods: [Period]
    /// The bucket of each day of the horizon, by offset from its start.
    let bucketOfDay: [Int]
    public let horizon: DayRange

    public init(_ horizon: Horizon, by length: PeriodLength? = nil) {
        let range = horizon.range
        self.horizon = range
        guard let length, length != horizon.periodLength else {
            periods = horizon.periods
            bucketOfDay = Self.index(periods, over: range)
            return
        }
        var buckets = Horizon(start: horizon.start, periodLength: length, periodCount: 1, fiscalYearStartMonth: horizon.fiscalYearStartMonth)
        while buckets.range.end < range.end { buckets.periodCount += 1 }
        periods = buckets.periods.map { period in
            var clipped = period
            clipped.range.end = min(period.range.end, range.end)
            return clipped
        }
        bucketOfDay = Self.index(periods, over: range)
    }

    /// Given periods, which cover `range` in order.
    init(periods: [Period], over range: DayRange) {
        self.horizon = range
        self.periods = periods
        bucketOfDay = Self.index(periods, over: range)
    }

    private static func index(_ periods: [Period], over range: DayRange) -> [Int] {
        var result = [Int](repeating: 0, count: max(0, range.dayCount))
        for period in periods {
            for offset in period.dayOffsets(from: range.start) { result[offset] = period.index }
        }
        return result
    }
}
