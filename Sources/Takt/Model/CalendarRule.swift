/// The working weekdays of the whole company, a production unit or a work center.
public struct CalendarRule: Hashable, Sendable, Codable {
    /// `nil` for the whole company, else a production unit or work center id.
    public var scope: String?
    /// Sorted Monday first.
    public var weekdays: [Weekday]

    public init(scope: String? = nil, weekdays: Set<Weekday>) {
        self.scope = scope
        self.weekdays = Weekday.allCases.filter(weekdays.contains)
    }
}

/// A day or span of days that departs from the weekly pattern.
public struct CalendarException: Hashable, Sendable, Codable {
    /// A day off for the whole scope, a closure of some days, or an extra working day.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// A public holiday: no work.
        case holiday
        /// A shutdown of a unit or work center: no work.
        case closure
        /// An extra working day, such as a Saturday worked to make up for a holiday (调休).
        case workday
    }

    /// `nil` for the whole company, else a production unit or work center id.
    public var scope: String?
    public var start: Day
    /// The last day, inclusive.
    public var end: Day
    public var kind: Kind
    public var note: String

    public init(scope: String? = nil, start: Day, end: Day? = nil, kind: Kind, note: String = "") {
        self.scope = scope
        self.start = start
        self.end = end ?? start
        self.kind = kind
        self.note = note
    }
}
