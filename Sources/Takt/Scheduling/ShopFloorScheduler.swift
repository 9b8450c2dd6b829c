import TaktSchedule

/// Makes the shop-floor schedule of a window: the lots (from a plan or from the orders) as a
/// ``ShopFloorModel``, a first schedule by Giffler and Thompson's rule, improved by the tabu
/// search (weighted tardiness, then makespan, by default), checked against the problem, and
/// read back in the plant's names.
///
///     let plan = try AggregatePlanner(scenario).plan(PlanOptions())
///     let lots = ProductionLot.lots(of: plan, scenario: scenario, window: ShopWindow(firstPeriodOf: scenario.horizon))
///     let schedule = try ShopFloorScheduler(timeLimit: 5).schedule(scenario, lots: lots, window: window)
public struct ShopFloorScheduler: Sendable {
    public var objective: ScheduleObjective
    public var rule: DispatchRule
    /// Tabu search steps (0: the first schedule only).
    public var iterations: Int
    public var timeLimit: Double
    public var seed: UInt64
    public var threads: Int

    public init(
        objective: ScheduleObjective = .weightedTardiness, rule: DispatchRule? = nil, iterations: Int = 20_000, timeLimit: Double = 10,
        seed: UInt64 = 1, threads: Int = 1
    ) {
        self.objective = objective
        self.rule = rule ?? (objective == .makespan ? .mostWorkRemaining : .apparentTardinessCostWithSetups)
        self.iterations = iterations
        self.timeLimit = timeLimit
        self.seed = seed
        self.threads = threads
    }

    /// The plan's overtime and extra-shift hours per work center and period, which lengthen
    /// the machines' working days.
    public static func overtime(of plan: ProductionPlanResult, scenario: Scenario) -> [String: [Int: Double]] {
        let index = Dictionary(scenario.horizon.periods.map { ($0.label, $0.index) }) { first, _ in first }
        var hours: [String: [Int: Double]] = [:]
        for row in plan.resources where row.resource.kind == .workCenter {
            guard let period = index[row.period], row.overtimeHours + row.extraShiftHours > 1e-9 else { continue }
            hours[row.resource.id, default: [:]][period, default: 0] += row.overtimeHours + row.extraShiftHours
        }
        return hours
    }

    public func schedule(
        _ scenario: Scenario, lots: [ProductionLot], window: ShopWindow, source: LotSource = .plan, overtimeHours: [String: [Int: Double]] = [:]
    ) throws(ShopFloorError) -> ShopFloorSchedule {
        let model = try ShopFloorModel(scenario, lots: lots, window: window, overtimeHours: overtimeHours)
        let problem = model.problem
        let found: Schedule
        do {
            try problem.validate()
            let start = try GifflerThompson(rule: rule).schedule(problem)
            found = iterations == 0 || problem.operations.isEmpty
                ? start
                : try TabuSearch(iterations: iterations, timeLimit: timeLimit, objective: objective, seed: seed, threads: threads).schedule(problem, from: start)
        } catch {
            throw .engine(error)
        }
        if let broken = found.violations(of: problem).first { throw .engine(.invalid("the schedule breaks its problem: \(broken)")) }
        return ShopFloorReadback(model: model, schedule: found, scenario: scenario, source: source).result
    }
}
