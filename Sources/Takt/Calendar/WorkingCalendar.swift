/// Which days are worked, for the whole company, a production unit or a work center.
///
/// The weekday pattern comes from the most specific ``CalendarRule``: the work center's,
/// else its unit's (or the unit's parent's), else the company's, else Monday to Friday.
/// Exceptions are applied from the company down: a unit's extra workday overrides a company
/// holiday, a work center's closure overrides both.
///
///     let calendar = WorkingCalendar(scenario)
///     calendar.isWorking(Day(year: 2027, month: 2, day: 8), unit: "PLANT-A")  // false: Spring Festival
public struct WorkingCalendar: Sendable {
    private let rules: [String: Set<Weekday>]
    private let companyRule: Set<Weekday>
    private let exceptions: [String: [Int: CalendarException.Kind]]
    private let companyExceptions: [Int: CalendarException.Kind]
    private let parents: [String: String]

    public init(_ scenario: Scenario) {
        var rules: [String: Set<Weekday>] = [:]
        var company = Weekday.workWeek
        for rule in scenario.calendars {
            if let scope = rule.scope { rules[scope] = Set(rule.weekdays) } else { company = Set(rule.weekdays) }
        }
        var exceptions: [String: [Int: CalendarException.Kind]] = [:]
        var companyExceptions: [Int: CalendarException.Kind] = [:]
        // Only days in the horizon matter; holiday lists may run for years.
        let horizon = scenario.horizon.range
        for exception in scenario.calendarExceptions {
            let first = max(exception.start, horizon.start), last = min(exception.end, horizon.end.advanced(by: -1))
            guard first <= last else { continue }
            for day in stride(from: first, through: last, by: 1) {
                if let scope = exception.scope { exceptions[scope, default: [:]][day.ordinal] = exception.kind }
                else { companyExceptions[day.ordinal] = exception.kind }
            }
        }
        self.rules = rules
        self.companyRule = company
        self.exceptions = exceptions
        self.companyExceptions = companyExceptions
        self.parents = Dictionary(scenario.units.compactMap { unit in unit.parent.map { (unit.id, $0) } }) { first, _ in first }
    }

    /// The scopes that apply to a resource, most specific first.
    private func scopes(unit: String?, workCenter: String?) -> [String] {
        var chain: [String] = []
        if let workCenter { chain.append(workCenter) }
        var next = unit
        while let current = next, !chain.contains(current) {
            chain.append(current)
            next = parents[current]
        }
        return chain
    }

    /// Whether `day` is a working day for the given unit (and work center).
    public func isWorking(_ day: Day, unit: String?, workCenter: String? = nil) -> Bool {
        isWorking(day, scopes: scopes(unit: unit, workCenter: workCenter))
    }

    private func isWorking(_ day: Day, scopes: [String]) -> Bool {
        for scope in scopes {
            if let kind = exceptions[scope]?[day.ordinal] { return kind == .workday }
        }
        if let kind = companyExceptions[day.ordinal] { return kind == .workday }
        let pattern = scopes.lazy.compactMap { self.rules[$0] }.first ?? companyRule
        return pattern.contains(day.weekday)
    }

    /// One flag per day of `range`: whether it is worked.
    public func workingDays(in range: DayRange, unit: String?, workCenter: String? = nil) -> [Bool] {
        // The same rules as isWorking(_:scopes:), with the scopes' tables looked up once
        // rather than by name for every day: this runs for every resource of every plan.
        let chain = scopes(unit: unit, workCenter: workCenter)
        let tables = chain.compactMap { exceptions[$0] } + [companyExceptions]
        let pattern = chain.lazy.compactMap { self.rules[$0] }.first ?? companyRule
        let worked = Weekday.allCases.map { pattern.contains($0) }
        return range.days.map { day in
            for table in tables {
                if let kind = table[day.ordinal] { return kind == .workday }
            }
            return worked[((day.ordinal % 7) + 7 + 3) % 7]  // as Day.weekday: 1970-01-01 was a Thursday
        }
    }
}
