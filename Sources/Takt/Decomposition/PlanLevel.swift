/// A level of the planning hierarchy (C2–C4 of the planning standard): the annual plan,
/// split into quarterly, monthly and weekly plans.
public enum PlanLevel: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case year, quarter, month, week

    private var depth: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.depth < b.depth }
}

/// The periods of every level of one plan year, nested so that each period lies inside
/// exactly one period of the level above.
///
/// The year is the twelve months from the horizon's start; quarters and months are counted
/// from that day, as the horizon counts them. Weeks start on Mondays but are cut at month
/// ends, so that a month is exactly the sum of its weeks. A whole Monday-to-Sunday week has
/// its ISO label (`2027-W10`); a week cut by a month's end or start is named by its first day
/// (`2027-03-29` for 29 to 31 March), as the horizon names a week that does not start on a
/// Monday, so that `load`, `plan` and `decompose` label weeks alike.
public struct PlanCalendar: Hashable, Sendable {
    /// The levels from the year down to the finest one asked for.
    public let levels: [PlanLevel]
    /// The periods of each level, in order: `periods[k]` belongs to `levels[k]`.
    public let periods: [[Period]]
    /// For each level below the year, the index of each period's parent one level up.
    public let parent: [[Int]]

    public init(start: Day, fiscalYearStartMonth: Int = 1, to finest: PlanLevel) {
        let levels = PlanLevel.allCases.filter { $0 <= finest }
        func periods(_ length: PeriodLength, _ count: Int) -> [Period] {
            Horizon(start: start, periodLength: length, periodCount: count, fiscalYearStartMonth: fiscalYearStartMonth).periods
        }
        var all: [[Period]] = [periods(.year, 1)]
        var parent: [[Int]] = [[]]
        if finest >= .quarter {
            all.append(periods(.quarter, 4))
            parent.append([0, 0, 0, 0])
        }
        if finest >= .month {
            all.append(periods(.month, 12))
            parent.append((0..<12).map { $0 / 3 })
        }
        if finest >= .week {
            var weeks: [Period] = []
            var owner: [Int] = []
            for (m, month) in all[2].enumerated() {
                var day = month.start
                while day < month.end {
                    var end = day.advanced(by: 1)
                    while end < month.end && end.weekday != .monday { end = end.advanced(by: 1) }
                    let whole = day.weekday == .monday && day.distance(to: end) == 7
                    let label = whole ? Horizon(start: day, periodLength: .week, periodCount: 1).periods[0].label : day.description
                    weeks.append(Period(index: weeks.count, range: DayRange(start: day, end: end), label: label))
                    owner.append(m)
                    day = end
                }
            }
            all.append(weeks)
            parent.append(owner)
        }
        self.levels = levels
        self.periods = all
        self.parent = parent
    }

    /// The whole plan year.
    public var year: DayRange { periods[0][0].range }
    /// The finest periods, which every plan quantity is decided in.
    public var finest: [Period] { periods[periods.count - 1] }

    /// The period of `level` that contains finest period `t`.
    func ancestor(ofFinest t: Int, at level: Int) -> Int {
        var index = t
        var k = periods.count - 1
        while k > level {
            index = parent[k][index]
            k -= 1
        }
        return index
    }
}
