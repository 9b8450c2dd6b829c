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

    /// The first day of period `index` (`index == periodCount` gives the horizon's end).
    ///
    /// Counted from the horizon's start, not from the previous period, so that a month that
    /// starts on the 31st stays on the last day of shorter months without drifting.
    public func periodStart(_ index: Int) -> Day {
        switch periodLength {
        case .week: start.advanced(by: 7 * index)
        case .month: start.addingMonths(index)
        case .quarter: start.addingMonths(3 * index)
        case .year: start.addingMonths(12 * index)
        }
    }

    /// The periods in order.
    public var periods: [Period] {
        (0..<max(0, periodCount)).map { index in
            let first = periodStart(index)
            return Period(index: index, range: DayRange(start: first, end: periodStart(index + 1)), label: label(for: first))
        }
    }

    /// All days the horizon covers.
    public var range: DayRange { DayRange(start: start, end: periodStart(max(0, periodCount))) }

    /// The period containing `day`, if the horizon covers it.
    /// - Complexity: O(1).
    /// The mean length of a period in days: the horizon's days over its periods (what a
    /// period-bucket model takes a period to be, for lead times and wages per period).
    public var meanPeriodDays: Double { Double(range.dayCount) / Double(max(1, periodCount)) }

    public func periodIndex(containing day: Day) -> Int? {
        guard range.contains(day) else { return nil }
        var index: Int
        switch periodLength {
        case .week: return start.distance(to: day) / 7
        case .month, .quarter, .year:
            let months = periodLength == .month ? 1 : periodLength == .quarter ? 3 : 12
            let (sy, sm, _) = start.components
            let (dy, dm, _) = day.components
            index = ((dy - sy) * 12 + (dm - sm)) / months
        }
        // The month count is off by at most one where days of month differ.
        index = min(max(index, 0), periodCount - 1)
        while index > 0 && day < periodStart(index) { index -= 1 }
        while index < periodCount - 1 && day >= periodStart(index + 1) { index += 1 }
        return index
    }

    /// A fiscal label: the fiscal year is named after the calendar year it starts in. A week
    /// that does not start on a Monday, or a month that does not start on the 1st, is named by
    /// its first day (`2027-01-01`): an ISO week or calendar month label would name other
    /// days (`2026-W53` for 1 to 7 January 2027) and would not read back as this period.
    private func label(for day: Day) -> String {
        let (y, m, d) = day.components
        let fiscalMonth = (m - fiscalYearStartMonth + 12) % 12  // 0-based month within the fiscal year
        let fiscalYear = m >= fiscalYearStartMonth ? y : y - 1
        switch periodLength {
        case .week where day.weekday != .monday, .month where d != 1:
            return day.description
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
