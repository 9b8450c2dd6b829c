/// Reads typed values out of one ``Record``, logging each bad value with its row and column
/// and falling back to a default so that one run reports every problem.
struct FieldReader {
    let record: Record
    let log: DiagnosticLog
    /// Whether any field of this record was unusable.
    private(set) var failed = false

    init(_ record: Record, log: DiagnosticLog) {
        self.record = record
        self.log = log
    }

    private mutating func reject(_ column: String, _ value: String?, _ expected: String) {
        failed = true
        log.error(record.locate(column), value: value, expected)
    }

    /// The text of a column, or `fallback` when blank.
    func text(_ column: String, default fallback: String = "") -> String {
        let value = record[column]
        return value.isEmpty ? fallback : value
    }

    /// The text of a column, or `nil` when blank.
    func optionalText(_ column: String) -> String? {
        let value = record[column]
        return value.isEmpty ? nil : value
    }

    /// The text of a required column; logs an error when blank.
    mutating func required(_ column: String, what: String = "a value") -> String {
        let value = record[column]
        if value.isEmpty { reject(column, nil, "missing: expected \(what)") }
        return value
    }

    /// A number, accepting `1,234.5` and `85%`.
    mutating func number(_ column: String, default fallback: Double, _ range: Allowed = .nonNegative) -> Double {
        optionalNumber(column, range, requiredText: nil) ?? fallback
    }

    /// A limit that may be `unlimited` (also `inf`, `∞`, `无限`): infinity.
    mutating func limit(_ column: String, default fallback: Double, _ range: Allowed = .overtimeHours) -> Double {
        switch record[column].lowercased() {
        case "unlimited", "inf", "infinity", "∞", "无限", "不限": return .infinity
        default: return number(column, default: fallback, range)
        }
    }

    /// A number that must be present.
    mutating func requiredNumber(_ column: String, _ range: Allowed = .nonNegative) -> Double {
        optionalNumber(column, range, requiredText: "a number \(range.text)") ?? 0
    }

    mutating func optionalNumber(_ column: String, _ range: Allowed = .nonNegative, requiredText: String? = nil) -> Double? {
        let raw = record[column]
        if raw.isEmpty {
            if let requiredText { reject(column, nil, "missing: expected \(requiredText)") }
            return nil
        }
        guard let value = Self.parseNumber(raw) else {
            let hint = raw.contains(",") ? "; decimals take a point, not a comma" : ""
            reject(column, raw, "expected a number \(range.text)\(hint)")
            return nil
        }
        guard range.contains(value) else {
            reject(column, raw, range.expected(instead: value))
            return nil
        }
        return value
    }

    /// A whole number.
    mutating func integer(_ column: String, default fallback: Int, _ range: ClosedRange<Int>, required: Bool = false) -> Int {
        optionalInteger(column, range, required: required) ?? fallback
    }

    mutating func optionalInteger(_ column: String, _ range: ClosedRange<Int>, required: Bool = false) -> Int? {
        let raw = record[column]
        let expected = range.upperBound == Int.max ? "a whole number ≥ \(range.lowerBound)" : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        if raw.isEmpty {
            if required { reject(column, nil, "missing: expected \(expected)") }
            return nil
        }
        guard let number = Self.parseNumber(raw), number == number.rounded(), abs(number) < 1e15,
            range.contains(Int(number))
        else {
            reject(column, raw, "expected \(expected)")
            return nil
        }
        return Int(number)
    }

    /// `true`/`false`, `yes`/`no`, `1`/`0`, `y`/`n`, `是`/`否`.
    mutating func flag(_ column: String, default fallback: Bool) -> Bool {
        let raw = record[column]
        if raw.isEmpty { return fallback }
        switch raw.lowercased() {
        case "true", "yes", "y", "1", "是", "t": return true
        case "false", "no", "n", "0", "否", "f": return false
        default:
            reject(column, raw, "expected true or false (yes/no, 1/0)")
            return fallback
        }
    }

    /// An ISO date `YYYY-MM-DD`.
    mutating func day(_ column: String, required: Bool = false) -> Day? {
        let raw = record[column]
        if raw.isEmpty {
            if required { reject(column, nil, "missing: expected a date YYYY-MM-DD") }
            return nil
        }
        // Spreadsheets often write 2027/03/15.
        guard let day = Day(iso: raw.replacingOccurrences(of: "/", with: "-")) else {
            reject(column, raw, "expected a date YYYY-MM-DD")
            return nil
        }
        return day
    }

    /// A day and time `YYYY-MM-DD HH:MM` (or `YYYY-MM-DDTHH:MM`, or a date: its midnight).
    mutating func moment(_ column: String) -> (Day, TimeOfDay)? {
        let raw = record[column]
        guard let moment = OperationInProgress.moment(raw.replacingOccurrences(of: "/", with: "-")) else {
            reject(column, raw.isEmpty ? nil : raw, raw.isEmpty ? "missing: expected YYYY-MM-DD HH:MM" : "expected YYYY-MM-DD HH:MM")
            return nil
        }
        return moment
    }

    /// A time of day `HH:MM` (00:00 to 23:59).
    mutating func timeOfDay(_ column: String) -> TimeOfDay? {
        let raw = record[column]
        if raw.isEmpty { return nil }
        guard let time = TimeOfDay(text: raw) else {
            reject(column, raw, "expected a time of day HH:MM, 00:00 to 23:59")
            return nil
        }
        return time
    }

    /// A period such as `2027-03`, `2027-Q1`, `2027-W09`, `2027` or a date within it.
    mutating func period(_ column: String, required: Bool = false) -> PeriodReference? {
        let raw = record[column]
        if raw.isEmpty {
            if required { reject(column, nil, "missing: expected a period (YYYY-MM, YYYY-Qn, YYYY-Www, YYYY or a date)") }
            return nil
        }
        guard let period = PeriodReference(raw.replacingOccurrences(of: "/", with: "-")) else {
            reject(column, raw, "expected a period (YYYY-MM, YYYY-Qn, YYYY-Www, YYYY or a date YYYY-MM-DD)")
            return nil
        }
        return period
    }

    /// One of an enumeration's raw values, case-insensitively.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ column: String, default fallback: E) -> E where E.RawValue == String {
        let raw = record[column]
        if raw.isEmpty { return fallback }
        if let value = E.allCases.first(where: { $0.rawValue.caseInsensitiveEquals(raw) }) { return value }
        reject(column, raw, "expected one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
        return fallback
    }

    /// A list separated by `|` (or `;`).
    func list(_ column: String) -> [String] {
        record[column].split(whereSeparator: { $0 == "|" || $0 == ";" }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    static func parseNumber(_ raw: String) -> Double? {
        var text = Substring(raw)
        var scale = 1.0
        if text.hasSuffix("%") {
            text = text.dropLast()
            scale = 0.01
        }
        if let value = Double(text), value.isFinite { return value * scale }
        // Thousands separators: 1,234,567.89
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        // A first group of `0` or with a leading zero is a decimal comma (`0,954`), never grouping.
        guard groups.count > 1, let head = groups.first, (1...3).contains(head.count), head.first != "0",
            head.allSatisfy({ $0.isASCII && $0.isNumber }),
            groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let plain = groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
        guard let value = Double(plain), value.isFinite else { return nil }
        return value * scale
    }
}

/// The range a number must lie in, with the words that say so in a message. The named
/// ranges are in `ValueRanges.swift`.
struct Allowed: Sendable {
    /// The smallest value allowed, and whether it is allowed itself.
    let low: Double
    let lowIncluded: Bool
    let high: Double

    /// The smallest magnitude a non-zero value may have.
    static let smallestMagnitude = 1e-6

    func contains(_ x: Double) -> Bool {
        (lowIncluded ? x >= low : x > low) && x <= high && (x == 0 || abs(x) >= Self.smallestMagnitude)
    }

    var text: String {
        if high == .infinity { return low == -.infinity ? "" : (lowIncluded ? "≥ " : "> ") + low.compactText }
        return (lowIncluded ? "from " : "> ") + low.compactText + (lowIncluded ? " to " : " and at most ") + high.compactText
    }

    /// What a message says is expected instead of `x`.
    func expected(instead x: Double) -> String {
        if x != 0 && abs(x) < Self.smallestMagnitude && (lowIncluded ? x >= low : x > low) {
            return "expected 0 or a number of at least 0.000001 (smaller values are taken for mistakes)"
        }
        return "expected a number \(text)"
    }

    /// Any amount a plant could count: 0 to a thousand million.
    static let nonNegative = quantity
    static let positive = positiveQuantity
    static func between(_ low: Double, _ high: Double) -> Allowed { Allowed(low: low, lowIncluded: true, high: high) }
}

extension Double {
    /// `5` rather than `5.0`; the shortest form that reads back the same otherwise.
    var compactText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : "\(self)"
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
