import TaktSchedule

/// Makes the shop-floor schedule of a window: the lots (from a plan or from the orders) as a
/// ``ShopFloorModel``, a first schedule (see ``Construction``), improved by the tabu
/// search (weighted tardiness, then makespan, by default), checked against the problem, and
/// read back in the plant's names.
///
///     let plan = try AggregatePlanner(scenario).plan(PlanOptions())
///     let window = ShopWindow(firstPeriodOf: scenario.horizon)
///     let schedule = try ShopFloorScheduler(timeLimit: 5).schedule(scenario, plan: plan, window: window)
///     schedule.lateOrders  // when each late order ships, and what held it up
public struct ShopFloorScheduler: Sendable {
    public var objective: ScheduleObjective
    public var rule: DispatchRule
    /// Tabu search steps (0: the first schedule only).
    public var iterations: Int
    public var timeLimit: Double
    public var seed: UInt64
    public var threads: Int
    /// How the first schedule is made.
    public var construction: Construction

    public enum Construction: String, CaseIterable, Hashable, Sendable {
        /// Giffler and Thompson's up to ``ShopFloorScheduler/listSchedulingFrom`` operations,
        /// list scheduling beyond: each step of the former weighs every operation ready on a
        /// machine, and a window's orders are mostly ready at once.
        case automatic
        case gifflerThompson = "giffler-thompson"
        case list
    }

    /// Where ``Construction/automatic`` turns to list scheduling.
    public static let listSchedulingFrom = 5_000

    public init(
        objective: ScheduleObjective = .weightedTardiness, rule: DispatchRule? = nil, iterations: Int = 20_000, timeLimit: Double = 10,
        seed: UInt64 = 1, threads: Int = 1, construction: Construction = .automatic
    ) {
        self.construction = construction
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

    /// The plan's headcount per labor pool in the period the window starts in: its workers
    /// (with hires and layoffs), and its overtime as more of them,
    /// workers × (regular + overtime hours) ÷ regular hours.
    public static func headcount(of plan: ProductionPlanResult, scenario: Scenario, window: ShopWindow) -> [String: Double] {
        guard let period = scenario.horizon.periodIndex(containing: window.start) else { return [:] }
        let label = scenario.horizon.periods[period].label
        let pools = Dictionary(scenario.laborPools.map { ($0.id, $0) }) { first, _ in first }
        var found: [String: Double] = [:]
        for row in plan.resources where row.resource.kind == .laborPool && row.period == label {
            guard let pool = pools[row.resource.id], row.availableHours > 1e-9 else { continue }
            let people = (row.workers ?? pool.headcount) * (row.availableHours + max(0, row.overtimeHours)) / row.availableHours
            if people.isFinite, abs(people - pool.headcount) > 1e-9 { found[pool.id] = people }
        }
        return found
    }

    /// The schedule of a plan's production in `window`: its lots, on machines lengthened by its
    /// overtime, with its labor pools' headcount, and how the plan fits in detail. The orders
    /// `adding` (new since the plan: a rush order) get a lot each.
    public func schedule(
        _ scenario: Scenario, plan: ProductionPlanResult, window: ShopWindow, adding: [String] = []
    ) throws(ShopFloorError) -> ShopFloorSchedule {
        var lots = ProductionLot.lots(of: plan, scenario: scenario, window: window)
        let new = Set(adding), known = Set(lots.flatMap(\.orders))
        lots += scenario.orders.filter { new.contains($0.id) && !known.contains($0.id) && $0.remaining > 1e-9 }.map { ProductionLot.lot(of: $0, window: window) }
        var made = try schedule(
            scenario, lots: lots, window: window, source: .plan,
            overtimeHours: Self.overtime(of: plan, scenario: scenario), headcount: Self.headcount(of: plan, scenario: scenario, window: window))
        made.planFit = PlanFit(plan: plan, scenario: scenario, schedule: made)
        return made
    }

    public func schedule(
        _ scenario: Scenario, lots: [ProductionLot], window: ShopWindow, source: LotSource = .plan, overtimeHours: [String: [Int: Double]] = [:],
        headcount: [String: Double] = [:]
    ) throws(ShopFloorError) -> ShopFloorSchedule {
        let model = try ShopFloorModel(scenario, lots: lots, window: window, overtimeHours: overtimeHours, headcount: headcount)
        return try solve(model, scenario: scenario, source: source, overtimeHours: overtimeHours, objective: objective)
    }

    /// Schedules again from `at` (minutes in the earlier schedule's window) what `previous`
    /// scheduled, in a changed scenario (a machine down, a rush order, an order cancelled):
    /// operations that started before `at` stay, and so do frozen orders'; the rest is scheduled by the objective, then
    /// by how far it moves from where `previous` had it (the displacement), then the makespan.
    /// Lots of orders no longer in the scenario are dropped unless started; the orders
    /// `adding` (a rush order) get a lot each, released at `at`.
    public func reschedule(
        _ scenario: Scenario, previous: ShopFloorSchedule, at: Int, adding: [String] = []
    ) throws(ShopFloorError) -> ShopFloorReschedule {
        // A schedule read back from a file may have been edited: its window and time must hold.
        guard (1...3_660).contains(previous.window.days) else {
            throw .invalidRequest("the earlier schedule's window has \(previous.window.days) days; expected 1...3660")
        }
        guard (0...previous.window.end).contains(at) else {
            throw .invalidRequest("the time to reschedule from, minute \(at), is outside the earlier schedule's window of \(previous.window.days) days")
        }
        if let bad = previous.lots.first(where: { !($0.quantity.isFinite && $0.quantity > 0) }) {
            throw .invalidRequest("lot \(bad.id) of the earlier schedule has quantity \(bad.quantity); expected a number above 0")
        }
        let open = Set(scenario.orders.filter { $0.remaining > 1e-9 }.map(\.id))
        let started = Set(previous.operations.filter { $0.start < at }.map(\.lot))
        var lots = previous.lots.filter { lot in lot.orders.isEmpty || lot.orders.contains(where: open.contains) || started.contains(lot.id) }
        let known = Set(previous.lots.flatMap(\.orders)), new = Set(adding)
        for order in scenario.orders where new.contains(order.id) && !known.contains(order.id) && order.remaining > 1e-9 {
            var lot = ProductionLot.lot(of: order, window: previous.window)
            lot.release = max(lot.release, at)
            lots.append(lot)
        }
        // A frozen order's lots were released to the shop floor: they keep their places too.
        let frozenOrders = Set(scenario.orders.filter { $0.status == .frozen }.map(\.id))
        let keeping = Set(lots.filter { !$0.orders.isEmpty && $0.orders.allSatisfy(frozenOrders.contains) }.map(\.id))
        let reference = ShopFloorModel.Reference(previous, frozenBefore: at, keeping: keeping)
        let model = try ShopFloorModel(
            scenario, lots: lots, window: previous.window, overtimeHours: previous.overtimeHours, headcount: previous.headcount, reference: reference)
        let stable = ScheduleObjective([objective.measures[0], .displacement] + objective.measures.dropFirst().filter { $0 != .displacement })
        // The search starts from the earlier schedule's machine orders, timed again in the
        // changed plant; new lots come first on their first machine from `at`.
        var keep: [Schedule.Assignment] = []
        let index = Dictionary(model.machines.enumerated().map { ($1.name, $0) }) { first, _ in first }
        let before = reference.operations
        for (o, step) in model.steps.enumerated() {
            let operation = model.problem.operations[o]
            if let old = before["\(model.lots[step.lot].id)\u{1}\(step.step)"], let m = index[old.machine], operation.duration(on: m) != nil {
                keep.append(.init(machine: m, start: old.start, end: old.start))
            } else {
                keep.append(.init(machine: operation.modes[0].machine, start: at + o, end: at + o))
            }
        }
        let start = Schedule(assignments: keep).retimed(for: model.problem)
        let schedule = try solve(model, scenario: scenario, source: previous.source, overtimeHours: previous.overtimeHours, objective: stable, start: start)
        return ShopFloorReschedule(previous: previous, schedule: schedule, at: at)
    }

    private func solve(
        _ model: ShopFloorModel, scenario: Scenario, source: LotSource, overtimeHours: [String: [Int: Double]], objective: ScheduleObjective,
        start given: Schedule? = nil
    ) throws(ShopFloorError) -> ShopFloorSchedule {
        let problem = model.problem
        let found: Schedule
        do {
            try problem.validate()
            let start: Schedule
            if let given {
                start = given
            } else if construction == .list || (construction == .automatic && problem.operations.count > Self.listSchedulingFrom) {
                start = try ListScheduling().schedule(problem)
            } else {
                start = try GifflerThompson(rule: rule).schedule(problem)
            }
            found = iterations == 0 || problem.operations.isEmpty
                ? start
                : try TabuSearch(iterations: iterations, timeLimit: timeLimit, objective: objective, seed: seed, threads: threads).schedule(problem, from: start)
        } catch {
            throw .engine(error)
        }
        if let broken = found.violations(of: problem).first { throw .engine(.invalid("the schedule breaks its problem: \(broken)")) }
        return ShopFloorReadback(model: model, schedule: found, scenario: scenario, source: source, overtimeHours: overtimeHours).result
    }
}
