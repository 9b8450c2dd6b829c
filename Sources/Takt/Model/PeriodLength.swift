/// How long one planning period is.
public enum PeriodLength: String, CaseIterable, Hashable, Sendable, Codable {
    case week
    case month
    case quarter
    case year
}

/// A span of days `[start, end)`: a planning period, a sales-plan bucket, a maintenance window.
public struct DayRange: Hashable, Sendable, Codable {
    public var start: Day
    /// The first day after the range.
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    public var dayCount: Int { start.distance(to: end) }
    public func contains(_ day: Day) -> Bool { start <= day && day < end }
    public func overlaps(_ other: DayRange) -> Bool { start < other.end && other.start < end }
    public var days: StrideTo<Day> { stride(from: start, to: end, by: 1) }
}

/// One period of the planning horizon.
public struct Period: Hashable, Sendable, Codable {
    /// Zero-based position in the horizon.
    public var index: Int
    public var range: DayRange
    /// The planner's label: `2027-03`, `2027-Q1`, `2027-W09` or `2027`.
    public var label: String

    public var start: Day { range.start }
    public var end: Day { range.end }

    /// The period's days as offsets from `origin`, for indexing arrays that hold one value a day.
    public func dayOffsets(from origin: Day) -> Range<Int> {
        origin.distance(to: range.start)..<origin.distance(to: range.end)
    }
}

extension Array where Element == Period {
    /// The period that work completed in period `t` loads when it happens `offsetDays` before
    /// the period's last day (the first period if that is before them all). The periods must
    /// follow each other without gaps, as a horizon's and a plan year's do.
    public func loadPeriod(_ t: Int, offsetDays: Int) -> Int {
        let day = self[t].end.advanced(by: -1 - offsetDays)
        var k = t
        while k > 0 && day < self[k].start { k -= 1 }
        return k
    }
}

/// A reference to a span of time as planners write it in a spreadsheet:
/// `2027-03-15` (a day), `2027-03` (a month), `2027-Q1` (a quarter), `2027-W09` (an ISO week)
/// or `2027` (a year). Written back as the text it was read from.
public struct PeriodReference: Hashable, Sendable, CustomStringConvertible {
    public let text: String
    public let range: DayRange

    public init?(_ raw: some StringProtocol) {
        let text = raw.trimmingWhitespace()
        guard let range = PeriodReference.parse(text) else { return nil }
        self.text = text
        self.range = range
    }

    public var description: String { text }

    private static func parse(_ text: String) -> DayRange? {
        if let day = Day(iso: text) { return DayRange(start: day, end: day.advanced(by: 1)) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), (1...9998).contains(year) else { return nil }
        if parts.count == 1 {
            let start = Day(year: year, month: 1, day: 1)
            return DayRange(start: start, end: start.addingMonths(12))
        }
        guard parts.count == 2 else { return nil }
        let second = parts[1].uppercased()
        if second.count == 2, let month = Int(second), (1...12).contains(month) {
            let start = Day(year: year, month: month, day: 1)
            return DayRange(start: start, end: start.addingMonths(1))
        }
        if second.hasPrefix("Q"), let q = Int(second.dropFirst()), (1...4).contains(q), second.count == 2 {
            let start = Day(year: year, month: 3 * q - 2, day: 1)
            return DayRange(start: start, end: start.addingMonths(3))
        }
        if second.hasPrefix("W"), second.count == 3, let w = Int(second.dropFirst()), (1...53).contains(w) {
            // ISO week 1 is the week with the year's first Thursday.
            let jan4 = Day(year: year, month: 1, day: 4)
            let week1Monday = jan4.advanced(by: -Weekday.allCases.firstIndex(of: jan4.weekday)!)
            let start = week1Monday.advanced(by: 7 * (w - 1))
            if w == 53 && PeriodReference.isoWeekYear(of: start) != year { return nil }
            return DayRange(start: start, end: start.advanced(by: 7))
        }
        return nil
    }

    static func isoWeekYear(of day: Day) -> Int {
        let thursday = day.advanced(by: 3 - Weekday.allCases.firstIndex(of: day.weekday)!)
        return thursday.year
    }
}

extension PeriodReference: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = PeriodReference(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a period; expected YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Www or YYYY")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
