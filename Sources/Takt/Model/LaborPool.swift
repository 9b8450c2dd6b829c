/// Workers of one skill (工种) in one production unit.
///
/// Regular capacity in a period is headcount × working days × hours per day × attendance.
public struct LaborPool: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var unit: String
    public var skill: String
    public var headcount: Double
    public var hoursPerDay: Double
    /// The share of scheduled days workers are present (0.95 = 95%).
    public var attendance: Double
    /// Regular wage per hour.
    public var wage: Double
    /// Overtime hours one worker can add in one period.
    /// `.infinity` (`unlimited` in a file) for no limit.
    public var overtimeHoursMax: Double
    /// Cost of one overtime hour.
    public var overtimeCost: Double
    public var hireCost: Double
    public var layoffCost: Double
    public var minHeadcount: Double
    /// `nil` for no limit.
    public var maxHeadcount: Double?

    public init(
        id: String, name: String, unit: String, skill: String = "", headcount: Double, hoursPerDay: Double = 8,
        attendance: Double = 1, wage: Double = 0, overtimeHoursMax: Double = 0, overtimeCost: Double = 0,
        hireCost: Double = 0, layoffCost: Double = 0, minHeadcount: Double = 0, maxHeadcount: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.skill = skill
        self.headcount = headcount
        self.hoursPerDay = hoursPerDay
        self.attendance = attendance
        self.wage = wage
        self.overtimeHoursMax = overtimeHoursMax
        self.overtimeCost = overtimeCost
        self.hireCost = hireCost
        self.layoffCost = layoffCost
        self.minHeadcount = minHeadcount
        self.maxHeadcount = maxHeadcount
    }
}
