/// Whether a period plan fits in detail: per work center and plan period, the hours the plan
/// allotted against the hours the shop-floor schedule gives the period's lots, and the lots
/// that complete after their period (sequencing, setups and calendar fragments the buckets do
/// not see), with their orders.
///
/// Hours are the plan's: a machine's working minutes × the work center's efficiency, so that
/// they compare with the plan's required hours (run hours × quantity + setups).
public struct PlanFit: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var workCenter: String
        public var period: String
        /// The plan's required and available hours (overtime and extra shifts included).
        public var plannedHours: Double
        public var availableHours: Double
        /// Setup and run hours the schedule gives the period's lots on the work center.
        public var scheduledHours: Double
        /// The part of those after the period's end.
        public var hoursAfterPeriod: Double
        public var setupHours: Double
    }

    /// A lot of a plan period that completes after the period's end.
    public struct Overrun: Hashable, Sendable, Codable {
        public var lot: String
        public var orders: [String]
        public var period: String
        /// When the period ends and the lot completes (minutes in the window).
        public var periodEnd: Int
        public var completion: Int
        /// The work centers where the lot worked after the period's end.
        public var workCenters: [String]
    }

    public var rows: [Row]
    public var overruns: [Overrun]

    /// Periods and work centers where the period's lots run past its end.
    public var misfits: [Row] { rows.filter { $0.hoursAfterPeriod > 1e-9 } }

    public init(plan: ProductionPlanResult, scenario: Scenario, schedule: ShopFloorSchedule) {
        let periods = scenario.horizon.periods
        let efficiency = Dictionary(scenario.workCenters.map { ($0.id, $0.efficiency) }) { first, _ in first }
        let lots = Dictionary(schedule.lots.map { ($0.id, $0) }) { first, _ in first }
        var scheduled: [String: (hours: Double, after: Double, setup: Double)] = [:]
        var afterBy: [String: Set<String>] = [:]
        var completion: [String: Int] = [:]
        for o in schedule.operations {
            guard let period = lots[o.lot]?.period else { continue }
            let e = efficiency[o.workCenter] ?? 1
            let key = "\(o.workCenter)\u{1}\(period)"
            scheduled[key, default: (0, 0, 0)].hours += Double(o.runMinutes + o.setupMinutes) * e / 60
            scheduled[key, default: (0, 0, 0)].after += Double(o.minutesAfterPeriod) * e / 60
            scheduled[key, default: (0, 0, 0)].setup += Double(o.setupMinutes) * e / 60
            if o.minutesAfterPeriod > 0 { afterBy[o.lot, default: []].insert(o.workCenter) }
            completion[o.lot] = max(completion[o.lot] ?? Int.min, o.end)
        }
        let planRows = Dictionary(plan.resources.filter { $0.resource.kind == .workCenter }.map { ("\($0.resource.id)\u{1}\($0.period)", $0) }) { first, _ in first }
        let inWindow = Set(schedule.lots.compactMap(\.period))
        var rows: [Row] = []
        for center in scenario.workCenters {
            for p in inWindow.sorted() {
                let plan = planRows["\(center.id)\u{1}\(periods[p].label)"]
                let s = scheduled["\(center.id)\u{1}\(p)"] ?? (0, 0, 0)
                guard (plan?.requiredHours ?? 0) > 1e-9 || s.hours > 0 else { continue }
                rows.append(Row(
                    workCenter: center.id, period: periods[p].label, plannedHours: plan?.requiredHours ?? 0,
                    availableHours: (plan?.availableHours ?? 0) + (plan?.overtimeHours ?? 0) + (plan?.extraShiftHours ?? 0),
                    scheduledHours: s.hours, hoursAfterPeriod: s.after, setupHours: s.setup))
            }
        }
        let window = schedule.window
        overruns = schedule.lots.compactMap { lot in
            guard let p = lot.period, let done = completion[lot.id] else { return nil }
            let end = window.minute(of: periods[p].range.end)
            guard done > end else { return nil }
            return Overrun(lot: lot.id, orders: lot.orders, period: periods[p].label, periodEnd: end, completion: done, workCenters: (afterBy[lot.id] ?? []).sorted())
        }
        self.rows = rows
    }
}
