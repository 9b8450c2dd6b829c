/// The span being planned: consecutive periods of one length from a start date.
///
///     let year = Horizon(start: Day(year: 2027, month: 1, day: 1), periodLength: .month, periodCount: 12)
///     year.periods[2].label  // "2027-03"
public struct Horizon: Hashable, Sendable, Codable {
    public var start: Day
    public var periodLength: PeriodLength
    public var periodCount: Int
    /// The month (1–12) the fiscal year starts in; quarters and years are counted from it.
    public var fiscalYearStartMonth: Int
    /// Working days in every period, overriding the calendar; for textbook cases and for
    /// planners who plan on a fixed number of days a month (e.g. 20).
    public var workingDaysPerPeriod: Double?

    public init(
        start: Day, periodLength: PeriodLength, periodCount: Int,
        fiscalYearStartMonth: Int = 1, workingDaysPerPeriod: Double? = nil
    ) {
        self.start = start
        self.periodLength = periodLength
        self.periodCount = periodCount
        self.fiscalYearStartMonth = fiscalYearStartMonth
        self.workingDaysPerPeriod = workingDaysPerPeriod
    }

    // Keys as in the scenario file (`period`, `periods`); camel case for JSONEncoder's
    // snake-case strategy.
    enum CodingKeys: String, CodingKey {
        case start
        case periodLength = "period"
        case periodCount = "periods"
        case fiscalYearStartMonth
        case workingDaysPerPeriod
    }

    /// The periods in order.
    public var periods: [Period] {
        var result: [Period] = []
        result.reserveCapacity(max(0, periodCount))
        var start = self.start
        for index in 0..<max(0, periodCount) {
            let end = periodLength.next(after: start)
            result.append(Period(index: index, range: DayRange(start: start, end: end), label: label(for: start)))
            start = end
        }
        return result
    }

    /// All days the horizon covers.
    public var range: DayRange {
        var end = start
        for _ in 0..<max(0, periodCount) { end = periodLength.next(after: end) }
        return DayRange(start: start, end: end)
    }

    /// The period containing `day`, if the horizon covers it.
    public func periodIndex(containing day: Day) -> Int? {
        guard range.contains(day) else { return nil }
        switch periodLength {
        case .week: return start.distance(to: day) / 7
        case .month, .quarter, .year:
            let months = [PeriodLength.month: 1, .quarter: 3, .year: 12][periodLength]!
            let (sy, sm, sd) = start.components
            let (dy, dm, dd) = day.components
            var elapsed = (dy - sy) * 12 + (dm - sm)
            if dd < sd { elapsed -= 1 }
            return elapsed / months
        }
    }

    /// A fiscal label: the fiscal year is named after the calendar year it starts in.
    private func label(for day: Day) -> String {
        let (y, m, _) = day.components
        let fiscalMonth = (m - fiscalYearStartMonth + 12) % 12  // 0-based month within the fiscal year
        let fiscalYear = m >= fiscalYearStartMonth ? y : y - 1
        switch periodLength {
        case .week:
            let iso = PeriodReference.isoWeekYear(of: day)
            let jan4 = Day(year: iso, month: 1, day: 4)
            let monday1 = jan4.advanced(by: -Weekday.allCases.firstIndex(of: jan4.weekday)!)
            let week = monday1.distance(to: day) / 7 + 1
            return "\(iso)-W\(week < 10 ? "0" : "")\(week)"
        case .month: return "\(y)-\(m < 10 ? "0" : "")\(m)"
        case .quarter: return "\(fiscalYear)-Q\(fiscalMonth / 3 + 1)"
        case .year: return "\(fiscalYear)"
        }
    }
}
