/// A group of identical machines (设备) in one production unit.
///
/// Regular capacity in a period is machines × working days × shifts per day × hours per
/// shift × efficiency, less planned maintenance.
public struct WorkCenter: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// The production unit that owns it.
    public var unit: String
    public var machines: Int
    public var shiftsPerDay: Int
    public var hoursPerShift: Double
    /// The share of scheduled hours that is productive (0.85 = 85%).
    public var efficiency: Double
    /// Overtime hours the whole work center can add in one period.
    /// `.infinity` (`unlimited` in a file) for no limit.
    public var overtimeHoursMax: Double
    /// Cost of one overtime hour.
    public var overtimeCost: Double
    /// Cost of running one extra shift a day through one period; `nil` when no extra shift is possible.
    public var extraShiftCost: Double?
    /// When the first shift of a working day begins; `nil` for the unit's (and else 08:00).
    /// Only a machine schedule reads it: the shifts run back to back from it.
    public var shiftStart: TimeOfDay?

    public init(
        id: String, name: String, unit: String, machines: Int = 1, shiftsPerDay: Int = 1,
        hoursPerShift: Double = 8, efficiency: Double = 1, overtimeHoursMax: Double = 0,
        overtimeCost: Double = 0, extraShiftCost: Double? = nil, shiftStart: TimeOfDay? = nil
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.machines = machines
        self.shiftsPerDay = shiftsPerDay
        self.hoursPerShift = hoursPerShift
        self.efficiency = efficiency
        self.overtimeHoursMax = overtimeHoursMax
        self.overtimeCost = overtimeCost
        self.extraShiftCost = extraShiftCost
        self.shiftStart = shiftStart
    }
}

/// Planned maintenance (设备检修) that takes machines out of a work center: either
/// `machines` machines over the days `start…end` (inclusive), or `machineDays` machine-days
/// somewhere in `period`.
public struct Maintenance: Hashable, Sendable, Codable {
    public var workCenter: String
    public var start: Day?
    /// The last day down, inclusive.
    public var end: Day?
    public var machines: Int
    public var period: PeriodReference?
    public var machineDays: Double?
    public var note: String

    public init(
        workCenter: String, start: Day? = nil, end: Day? = nil, machines: Int = 1,
        period: PeriodReference? = nil, machineDays: Double? = nil, note: String = ""
    ) {
        self.workCenter = workCenter
        self.start = start
        self.end = end
        self.machines = machines
        self.period = period
        self.machineDays = machineDays
        self.note = note
    }
}
