/// A calendar date without a time or time zone: planning happens in whole working days.
///
/// Stored as a day number so that date arithmetic is integer arithmetic. Written and read as
/// ISO 8601 `YYYY-MM-DD`.
public struct Day: Hashable, Comparable, Sendable, Strideable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// - Precondition: the date exists (month 1–12, day within the month).
    public init(year: Int, month: Int, day: Int) {
        precondition(Day.isValid(year: year, month: month, day: day), "no such date \(year)-\(month)-\(day)")
        // Days from civil (H. Hinnant's algorithm), shifted so that March is the first month.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`; `nil` for anything else or a date that does not exist.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            Day.isValid(year: y, month: m, day: d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= daysIn(year: year, month: month)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday.allCases[((ordinal % 7) + 7 + 3) % 7]
    }

    /// The same day `count` months later, clamped to the month's last day.
    public func addingMonths(_ count: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + count
        let year = total / 12, month = total % 12 + 1
        return Day(year: year, month: month, day: min(d, Day.daysIn(year: year, month: month)))
    }

    public var description: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
    public func distance(to other: Day) -> Int { other.ordinal - ordinal }
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + n) }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date; expected YYYY-MM-DD")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A day of the week, Monday first as in ISO 8601 and in Chinese usage (星期一).
public enum Weekday: String, CaseIterable, Hashable, Sendable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Parses `Mon`, `monday`, `1` (Monday) … `7` (Sunday), or `一` … `日` (also `星期一`, `周日`).
    public init?(parsing text: some StringProtocol) {
        let t = text.trimmingWhitespace().lowercased()
        let chinese = ["一", "二", "三", "四", "五", "六", "日"]
        let bare = t.replacingOccurrences(of: "星期", with: "").replacingOccurrences(of: "周", with: "")
        if t.count >= 3, let day = Weekday.allCases.first(where: { $0.rawValue.hasPrefix(t) }) {
            self = day
        } else if let n = Int(t), (1...7).contains(n) {
            self = Weekday.allCases[n - 1]
        } else if let i = chinese.firstIndex(of: bare == "天" ? "日" : bare) {
            self = Weekday.allCases[i]
        } else {
            return nil
        }
    }

    /// Parses a list such as `Mon-Fri`, `Mon,Tue,Sat` or `1-6`.
    public static func parseSet(_ text: some StringProtocol) -> Set<Weekday>? {
        var result = Set<Weekday>()
        for part in text.split(whereSeparator: { $0 == "," || $0 == "|" || $0 == ";" || $0 == " " }) {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            switch ends.count {
            case 1:
                guard let day = Weekday(parsing: ends[0]) else { return nil }
                result.insert(day)
            case 2:
                guard let from = Weekday(parsing: ends[0]), let to = Weekday(parsing: ends[1]) else { return nil }
                let a = allCases.firstIndex(of: from)!, b = allCases.firstIndex(of: to)!
                guard a <= b else { return nil }
                result.formUnion(allCases[a...b])
            default: return nil
            }
        }
        return result
    }

    /// Monday to Friday.
    public static let workWeek: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
