import TaktSchedule

/// When each machine of a work center works, in minutes from a window's start: on its working
/// days (the capacity calendar's weekday rules, holidays, closures and make-up days) its
/// shifts run back to back from the shift start, lengthened by the overtime a plan chose, less
/// planned maintenance.
///
/// A dated maintenance row takes its first `machines` machines down on its days; one of
/// machine-days in a period takes whole days from the period's first working day, the last
/// machine first.
struct ShopCalendar {
    /// Days the calendars run for past the window: a schedule may run past the window's end,
    /// and the carried-over work is reported, so machines must go on working after it.
    static let tailDays = 366

    let window: ShopWindow
    let scenario: Scenario
    private let calendar: WorkingCalendar
    private let unitShiftStarts: [String: Int]
    private let parents: [String: String]

    /// Maintenance and breakdowns take machines down from this minute on only: what ran before
    /// a reschedule's time ran.
    let downFrom: Int

    init(_ scenario: Scenario, window: ShopWindow, downFrom: Int = Int.min) {
        self.downFrom = downFrom
        self.scenario = scenario
        self.window = window
        self.calendar = WorkingCalendar(scenario)
        self.unitShiftStarts = Dictionary(scenario.units.compactMap { unit in unit.shiftStart.map { (unit.id, $0.minutes) } }) { first, _ in first }
        self.parents = Dictionary(scenario.units.compactMap { unit in unit.parent.map { (unit.id, $0) } }) { first, _ in first }
    }

    /// The days the calendars cover.
    var span: DayRange { DayRange(start: window.start, end: window.start.advanced(by: window.days + Self.tailDays)) }

    /// The work center's first shift start in minutes after midnight: its own, its unit's (or a
    /// parent unit's), else 08:00.
    func shiftStart(of center: WorkCenter) -> Int {
        if let own = center.shiftStart { return own.minutes }
        var unit: String? = center.unit
        var seen: Set<String> = []
        while let current = unit, seen.insert(current).inserted {
            if let start = unitShiftStarts[current] { return start }
            unit = parents[current]
        }
        return 8 * 60
    }

    /// Minutes of working time a machine of `center` has in a regular working day.
    static func shiftMinutes(of center: WorkCenter) -> Int { Int((Double(center.shiftsPerDay) * center.hoursPerShift * 60).rounded()) }

    /// The calendars of the work center's machines. `overtimeHours` is the plan's overtime
    /// (and extra-shift) hours of the work center per horizon period, spread evenly over the
    /// period's working days and machines, after the last shift.
    func machines(of center: WorkCenter, overtimeHours: [Int: Double] = [:]) -> [MachineCalendar] {
        guard center.machines > 0 else { return [] }
        let days = Array(span.days)
        let worked = calendar.workingDays(in: span, unit: center.unit, workCenter: center.id)
        let begin = shiftStart(of: center)
        let regular = Self.shiftMinutes(of: center)
        // Overtime minutes a machine adds on each working day of a period.
        let horizon = scenario.horizon
        var extra = [Int](repeating: 0, count: days.count)
        for (period, hours) in overtimeHours where hours > 1e-9 && horizon.periods.indices.contains(period) {
            let range = horizon.periods[period].range
            let indices = days.indices.filter { worked[$0] && range.contains(days[$0]) }
            guard !indices.isEmpty else { continue }
            let minutes = Int((hours * 60 / Double(indices.count * center.machines)).rounded(.up))
            for i in indices { extra[i] = min(ShopWindow.minutesPerDay - regular, minutes) }
        }
        var working: [Range<Int>] = []
        for (i, day) in days.enumerated() where worked[i] && regular + extra[i] > 0 {
            let from = window.minute(of: day) + begin
            working.append(from..<(from + regular + extra[i]))
        }
        var down = [[Range<Int>]](repeating: [], count: center.machines)
        for item in scenario.maintenance where item.workCenter == center.id {
            if let start = item.start {
                let hole = window.minute(of: start)..<window.minute(of: (item.end ?? start).advanced(by: 1))
                for m in 0..<min(item.machines, center.machines) { down[m].append(hole) }
            } else if let period = item.period, let machineDays = item.machineDays {
                var left = Int(machineDays.rounded(.up))
                let inPeriod = days.indices.filter { worked[$0] && period.range.contains(days[$0]) }
                var machine = center.machines - 1
                while left > 0 && machine >= 0 && !inPeriod.isEmpty {
                    for i in inPeriod.prefix(left) {
                        let from = window.minute(of: days[i])
                        down[machine].append(from..<(from + ShopWindow.minutesPerDay))
                    }
                    left -= min(left, inPeriod.count)
                    machine -= 1
                }
            }
        }
        return down.map { holes in MachineCalendar(working: working, unavailable: holes.map { max($0.lowerBound, min(downFrom, $0.upperBound))..<$0.upperBound }) }
    }
}
