/// The days a shop-floor schedule covers, and its clock: the schedule counts whole minutes
/// from midnight at the start of the window's first day.
public struct ShopWindow: Hashable, Sendable, Codable {
    public var start: Day
    public var days: Int

    public init(start: Day, days: Int) {
        self.start = start
        self.days = days
    }

    /// The first period of `horizon`.
    public init(firstPeriodOf horizon: Horizon) {
        let first = horizon.periodStart(0)
        self.init(start: first, days: first.distance(to: horizon.periodStart(1)))
    }

    public static let minutesPerDay = 1_440

    public var range: DayRange { DayRange(start: start, end: start.advanced(by: days)) }
    /// The minute the window ends.
    public var end: Int { days * Self.minutesPerDay }

    /// The minute `day` begins.
    public func minute(of day: Day) -> Int { start.distance(to: day) * Self.minutesPerDay }

    /// The day a minute falls on (minutes before the window: days before its start).
    public func day(of minute: Int) -> Day {
        start.advanced(by: minute >= 0 ? minute / Self.minutesPerDay : -((-minute + Self.minutesPerDay - 1) / Self.minutesPerDay))
    }

    /// `2027-01-04 08:00`.
    public func text(of minute: Int) -> String {
        let day = day(of: minute)
        let inDay = minute - self.minute(of: day)
        let hours = inDay / 60, minutes = inDay % 60
        return "\(day) \(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
    }
}
