/// A routing step already running on a machine (在制): a shop-floor schedule leaves it where
/// it is, counts the order's earlier steps as done, and schedules the rest after it.
public struct OperationInProgress: Hashable, Sendable, Codable {
    /// The customer order whose lot it is.
    public var order: String
    public var step: Int
    /// The machine, `CNC-T-1` (a work center's id and number), or a work center's id for its
    /// first machine.
    public var machine: String
    /// When it started; it may be before the schedule's window, where it continues at the
    /// machine's first working time.
    public var start: Day
    public var startTime: TimeOfDay
    /// The machine hours left; `nil` for the step's whole run from its start.
    public var remainingHours: Double?

    public init(order: String, step: Int, machine: String, start: Day, startTime: TimeOfDay = TimeOfDay(hour: 0), remainingHours: Double? = nil) {
        self.order = order
        self.step = step
        self.machine = machine
        self.start = start
        self.startTime = startTime
        self.remainingHours = remainingHours
    }

    // The file's `start` is one `YYYY-MM-DD HH:MM` value.
    enum CodingKeys: String, CodingKey { case order, step, machine, start, remainingHours }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let text = try values.decode(String.self, forKey: .start)
        guard let (day, time) = Self.moment(text) else {
            throw DecodingError.dataCorruptedError(forKey: .start, in: values, debugDescription: "expected YYYY-MM-DD HH:MM, not \(text)")
        }
        self.init(
            order: try values.decode(String.self, forKey: .order), step: try values.decode(Int.self, forKey: .step),
            machine: try values.decode(String.self, forKey: .machine), start: day, startTime: time,
            remainingHours: try values.decodeIfPresent(Double.self, forKey: .remainingHours))
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(order, forKey: .order)
        try values.encode(step, forKey: .step)
        try values.encode(machine, forKey: .machine)
        try values.encode(startText, forKey: .start)
        try values.encodeIfPresent(remainingHours, forKey: .remainingHours)
    }

    /// The number of its machine on `center` (1 for the center's own id), or `nil` where it is
    /// not one of the center's machines.
    public func machineNumber(on center: WorkCenter) -> Int? {
        if machine == center.id { return center.machines >= 1 ? 1 : nil }
        guard machine.hasPrefix(center.id + "-"), let k = Int(machine.dropFirst(center.id.count + 1)),
            k >= 1, k <= center.machines
        else { return nil }
        return k
    }

    /// `2027-01-04 08:00`.
    public var startText: String { "\(start) \(startTime)" }

    /// `YYYY-MM-DD HH:MM`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD` (its midnight).
    public static func moment(_ text: some StringProtocol) -> (Day, TimeOfDay)? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard (1...2).contains(parts.count), let day = Day(iso: parts[0]) else { return nil }
        guard let time = parts.count == 2 ? TimeOfDay(text: parts[1]) : TimeOfDay(hour: 0) else { return nil }
        return (day, time)
    }
}
