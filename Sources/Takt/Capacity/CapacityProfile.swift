/// Hours available from one resource on each day of the horizon.
///
/// Work center, per working day: machines × shifts × hours per shift × efficiency, less
/// maintenance. Labor pool, per working day: headcount × hours per day × attendance.
/// Overtime allowed per period is spread over the period's working days, so that any
/// bucketing of days adds up to the period totals.
public struct CapacityProfile: Sendable {
    public let resource: Resource
    /// Regular hours, maintenance already taken off.
    public internal(set) var regular: [Double]
    /// Hours lost to planned maintenance.
    public internal(set) var maintenance: [Double]
    /// Overtime hours that could be added (infinite where unlimited).
    public internal(set) var overtime: [Double]
    /// Hours one extra shift a day would add (zero where no extra shift is possible).
    public internal(set) var extraShift: [Double]
}

/// Builds the daily capacity of every resource of a scenario.
///
/// A day's weight is 1 on working days and 0 otherwise; when the horizon fixes
/// `workingDaysPerPeriod`, the working days of each period are scaled to that many (or all
/// days, should the calendar leave a period without one).
struct CapacityCalculator {
    let scenario: Scenario
    let calendar: WorkingCalendar
    let days: DayRange
    /// The horizon period of each day, by offset.
    let periodOfDay: [Int]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        self.calendar = WorkingCalendar(scenario)
        self.days = scenario.horizon.range
        self.periodOfDay = Bucketing(scenario.horizon).bucketOfDay
    }

    /// Every resource's profile; a labor pool with planned `workforce` (workers per horizon
    /// period, by pool id) has the hours of those workers instead of its headcount's.
    func profiles(workforce: [String: [Double]] = [:]) -> [CapacityProfile] {
        scenario.workCenters.map(workCenterProfile) + scenario.laborPools.map { laborProfile($0, workers: workforce[$0.id]) }
    }

    /// Working-day weights for a resource: 1 or 0 a day, or scaled to the fixed days per period.
    func dayWeights(unit: String, workCenter: String?) -> [Double] {
        let working = calendar.workingDays(in: days, unit: unit, workCenter: workCenter)
        var weights = working.map { $0 ? 1.0 : 0.0 }
        guard let fixed = scenario.horizon.workingDaysPerPeriod else { return weights }
        for period in scenario.horizon.periods {
            let offsets = period.dayOffsets(from: days.start)
            let count = offsets.reduce(0) { $0 + (working[$1] ? 1 : 0) }
            for offset in offsets {
                weights[offset] = count > 0 ? (working[offset] ? fixed / Double(count) : 0) : fixed / Double(offsets.count)
            }
        }
        return weights
    }

    /// Spreads a per-period amount over each period's days in proportion to their weights.
    func spreadPerPeriod(_ amount: Double, weights: [Double]) -> [Double] {
        spreadPerPeriod({ _ in amount }, weights: weights)
    }

    /// Spreads each period's amount over its days in proportion to their weights.
    func spreadPerPeriod(_ amount: (Int) -> Double, weights: [Double]) -> [Double] {
        var totals = [Double](repeating: 0, count: scenario.horizon.periodCount)
        for (offset, weight) in weights.enumerated() { totals[periodOfDay[offset]] += weight }
        return weights.enumerated().map { offset, weight in
            let total = totals[periodOfDay[offset]]
            guard total > 0, weight > 0 else { return 0 }
            let value = amount(periodOfDay[offset])
            return value.isInfinite ? value : value * weight / total
        }
    }

    func workCenterProfile(_ center: WorkCenter) -> CapacityProfile {
        let weights = dayWeights(unit: center.unit, workCenter: center.id)
        let hoursPerMachineDay = Double(center.shiftsPerDay) * center.hoursPerShift * center.efficiency
        var regular = weights.map { $0 * Double(center.machines) * hoursPerMachineDay }
        var maintenance = [Double](repeating: 0, count: weights.count)

        for item in scenario.maintenance where item.workCenter == center.id {
            if let start = item.start, let end = item.end {
                let machines = Double(min(item.machines, center.machines))
                for day in stride(from: max(start, days.start), through: min(end, days.end.advanced(by: -1)), by: 1) {
                    let offset = days.start.distance(to: day)
                    maintenance[offset] += weights[offset] * machines * hoursPerMachineDay
                }
            } else if let period = item.period, let machineDays = item.machineDays {
                // Machine-days lost somewhere in the period: spread over its working days.
                let window = DayRange(start: max(period.range.start, days.start), end: min(period.range.end, days.end))
                guard window.dayCount > 0 else { continue }
                let offsets = days.start.distance(to: window.start)..<days.start.distance(to: window.end)
                let total = offsets.reduce(0) { $0 + weights[$1] }
                guard total > 0 else { continue }
                for offset in offsets { maintenance[offset] += machineDays * hoursPerMachineDay * weights[offset] / total }
            }
        }
        for offset in regular.indices {
            maintenance[offset] = min(maintenance[offset], regular[offset])
            regular[offset] -= maintenance[offset]
        }

        let extraShiftPossible = center.extraShiftCost != nil && Double(center.shiftsPerDay + 1) * center.hoursPerShift <= 24
        let extraShift = extraShiftPossible
            ? weights.map { $0 * Double(center.machines) * center.hoursPerShift * center.efficiency } : weights.map { _ in 0 }
        return CapacityProfile(
            resource: Resource(kind: .workCenter, id: center.id, name: center.name, unit: center.unit),
            regular: regular, maintenance: maintenance, overtime: spreadPerPeriod(center.overtimeHoursMax, weights: weights),
            extraShift: extraShift)
    }

    func laborProfile(_ pool: LaborPool, workers: [Double]? = nil) -> CapacityProfile {
        let weights = dayWeights(unit: pool.unit, workCenter: nil)
        let headcount = { (period: Int) in workers.map { $0.indices.contains(period) ? $0[period] : pool.headcount } ?? pool.headcount }
        let perWorkerDay = pool.hoursPerDay * pool.attendance
        return CapacityProfile(
            resource: Resource(kind: .laborPool, id: pool.id, name: pool.name, unit: pool.unit),
            regular: weights.enumerated().map { $1 * headcount(periodOfDay[$0]) * perWorkerDay }, maintenance: weights.map { _ in 0 },
            overtime: spreadPerPeriod({ headcount($0) * pool.overtimeHoursMax }, weights: weights),
            extraShift: weights.map { _ in 0 })
    }
}
