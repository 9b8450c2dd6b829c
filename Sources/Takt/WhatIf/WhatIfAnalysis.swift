import Foundation
import TaktGLPK
import TaktLP

/// One scenario of a what-if run and its plan.
public struct WhatIfOutcome: Hashable, Sendable, Codable {
    public var name: String
    public var plan: ProductionPlanResult
}

/// An order whose completion period differs from the base plan's.
public struct MovedOrder: Hashable, Sendable, Codable {
    public var order: String
    public var basePeriod: String?
    public var period: String?
}

/// Scenarios side by side: one value per scenario (the base first) for each measure.
public struct WhatIfComparison: Hashable, Sendable, Codable {
    public struct Measure: Hashable, Sendable, Codable {
        public var name: String
        public var values: [Double]
    }

    public var scenarios: [String]
    public var measures: [Measure]
    /// Per scenario (the base's is empty), the orders that complete in another period.
    public var movedOrders: [[MovedOrder]]

    init(_ outcomes: [WhatIfOutcome]) {
        scenarios = outcomes.map(\.name)
        let plans = outcomes.map(\.plan)
        var measures: [Measure] = []
        func add(_ name: String, _ value: (ProductionPlanResult) -> Double) { measures.append(Measure(name: name, values: plans.map(value))) }
        add("total cost") { $0.costs.total }
        for (k, line) in CostBreakdown().lines.enumerated() {
            add(line.0) { $0.costs.lines[k].1 }
        }
        add("on-time rate") { $0.onTimeRate }
        add("late orders") { Double($0.lateOrders.count) }
        add("periods late, summed") { $0.orders.reduce(0) { $0 + Double($1.periodsLate) } }
        add("unmet demand") { $0.unmetDemand }
        add("overtime hours") { $0.resources.reduce(0) { $0 + $1.overtimeHours } }
        add("extra-shift hours") { $0.resources.reduce(0) { $0 + $1.extraShiftHours } }
        add("subcontracted quantity") { $0.subcontracting.reduce(0) { $0 + $1.quantity } }
        // The base's three most loaded work centers, followed through every scenario.
        if let base = plans.first {
            func utilisation(_ plan: ProductionPlanResult, _ id: String) -> Double {
                let rows = plan.resources.filter { $0.resource.kind == .workCenter && $0.resource.id == id }
                let available = rows.reduce(0) { $0 + $1.availableHours }
                return available > 0 ? rows.reduce(0) { $0 + $1.requiredHours } / available : 0
            }
            let centers = Set(base.resources.filter { $0.resource.kind == .workCenter }.map(\.resource.id))
            for id in centers.sorted(by: { (utilisation(base, $0), $1) > (utilisation(base, $1), $0) }).prefix(3) {
                add("utilisation \(id)") { utilisation($0, id) }
            }
        }
        self.measures = measures
        let baseCompletion = Dictionary((plans.first?.orders ?? []).map { ($0.order, $0.completionPeriod) }) { a, _ in a }
        movedOrders = plans.enumerated().map { index, plan in
            guard index > 0 else { return [] }
            return plan.orders.compactMap { order in
                guard let before = baseCompletion[order.order], before != order.completionPeriod else { return nil }
                return MovedOrder(order: order.order, basePeriod: before, period: order.completionPeriod)
            }
        }
    }
}

/// Plans a base scenario and its what-ifs, in parallel across cores, and compares them.
///
///     let run = try WhatIfAnalysis(base: scenario, overlays: [rushOrder, machineDown]).run()
///     run.comparison.measures.first { $0.name == "total cost" }?.values   // base, rush, machine down
///
/// Each scenario is planned on its own thread with its own GLPK problem, exactly as it would
/// be alone: the results are the same as planning them one by one.
public struct WhatIfAnalysis: Sendable {
    public var base: Scenario
    public var overlays: [ScenarioOverlay]
    public var options: PlanOptions
    public var solver: any Solver
    /// Plan the base first, then the what-ifs from the optimal basis of a plan already made
    /// (see ``AggregatePlanner/plan(_:from:)``): each from the nearest in total demand, in
    /// `WarmChains` planned in parallel. Same costs as planned from scratch; where several
    /// plans cost the same, the one found may differ from a cold plan's. The chains depend on
    /// the scenarios only, so the results are the same on every run and every machine.
    public var warmStart: Bool

    public init(
        base: Scenario, overlays: [ScenarioOverlay], options: PlanOptions = PlanOptions(), solver: any Solver = GLPKSolver(),
        warmStart: Bool = false
    ) {
        self.base = base
        self.overlays = overlays
        self.options = options
        self.solver = solver
        self.warmStart = warmStart
    }

    /// The scenarios planned: the base, then each overlay applied to it.
    public var scenarios: [Scenario] { [base] + overlays.map { $0.applied(to: base) } }

    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(PlanningError) -> (outcomes: [WhatIfOutcome], comparison: WhatIfComparison) {
        let scenarios = self.scenarios
        // One budget for the whole run, warm or cold, so both end the same way.
        let options = options.started()
        var plans: [ProductionPlanResult]
        if warmStart {
            let (basePlan, whatIfs) = try ParallelPlanning.plan(warm: base, Array(scenarios.dropFirst()), options: options, solver: solver) {
                finished, _ in progress?(finished, scenarios.count)
            }
            plans = [basePlan] + whatIfs
        } else {
            plans = try ParallelPlanning.plan(scenarios, options: options, solver: solver, progress: progress)
        }
        let outcomes = zip(scenarios, plans).enumerated().map { i, pair in WhatIfOutcome(name: i == 0 ? "base" : pair.0.name, plan: pair.1) }
        return (outcomes, WhatIfComparison(outcomes))
    }
}

/// Plans scenarios at once, one per core, each on its own thread with its own GLPK problem.
enum ParallelPlanning {
    static func plan(
        _ scenarios: [Scenario], options: PlanOptions, solver: any Solver, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(PlanningError) -> [ProductionPlanResult] {
        let slots = Slots(count: scenarios.count)
        DispatchQueue.concurrentPerform(iterations: scenarios.count) { i in
            let result = Result { () throws(PlanningError) in try AggregatePlanner(scenarios[i], solver: solver).plan(options) }
            let finished = slots.set(i, result)
            progress?(finished, scenarios.count)
        }
        return try slots.plans()
    }

    /// Plans `base`, then its what-ifs warm in `WarmChains`: chains in parallel, each what-if
    /// from the plan before it in its chain, the first from the base plan, in the GLPK problem
    /// already loaded where the shape allows (see ``WarmChainRun``). While the base is
    /// solved, the other chains' threads build the what-ifs' models (which need nothing from
    /// it) in the order the chains will want them; they stop building the moment the base is
    /// planned, and a chain builds whatever model is not ready when it gets there. (Building
    /// all 32 of the sample plant's models took longer than planning its base: a barrier
    /// after both left the base's core idle.) `progress` counts the base as the first of
    /// `whatIfs.count + 1`.
    static func plan(
        warm base: Scenario, _ whatIfs: [Scenario], options: PlanOptions, solver: any Solver, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(PlanningError) -> (base: ProductionPlanResult, whatIfs: [ProductionPlanResult]) {
        let planners = whatIfs.map { AggregatePlanner($0, solver: solver) }
        let chains = WarmChains(base: base, whatIfs: whatIfs).chains
        let models = Shelf<AggregatePlanModel>(count: whatIfs.count)
        let basePlan = Gate<Result<(plan: ProductionPlanResult, start: PlanStart?), PlanningError>>()
        let slots = Slots(count: whatIfs.count)
        // First steps of every chain first: the order in which the chains reach them.
        let buildOrder = (0..<(chains.map(\.count).max() ?? 0)).flatMap { step in chains.compactMap { step < $0.count ? $0[step] : nil } }
            .filter { !planners[$0].plansFamiliesFirst(options) }

        let chainRun = WarmChainRun(planners: planners, options: options)
        func runChain(_ chain: [Int], from start: PlanStart?) {
            chainRun.run(chain, from: start, model: { i in
                planners[i].plansFamiliesFirst(options) ? nil : models.take(i) ?? planners[i].model()
            }) { i, outcome in
                let finished = slots.set(i, outcome.map(\.plan))
                progress?(finished + 1, whatIfs.count + 1)
            }
        }
        // Threads of their own rather than a dispatch pool: they wait for the base, which is
        // safe only where each waiting chain surely has a thread.
        let helpers = chains.indices.dropFirst().map { c in
            WorkerThread {
                for i in buildOrder where !basePlan.isOpen && !models.contains(i) { models.put(i, planners[i].model()) }
                guard case .success(let made) = basePlan.wait() else { return }
                runChain(chains[c], from: made.start)
            }
        }
        helpers.forEach { $0.start() }
        let made = Result { () throws(PlanningError) in try AggregatePlanner(base, solver: solver).plan(options, from: nil) }
        basePlan.open(made)
        if case .success(let first) = made {
            progress?(1, whatIfs.count + 1)
            if let chain = chains.first { runChain(chain, from: first.start) }
        }
        helpers.forEach { $0.join() }
        return (try made.get().plan, try slots.plans())
    }

    /// A value that threads wait for until it is set, once.
    private final class Gate<Value>: @unchecked Sendable {
        private let condition = NSCondition()
        private var value: Value?

        var isOpen: Bool { condition.withLock { value != nil } }

        func open(_ value: Value) {
            condition.withLock {
                self.value = value
                condition.broadcast()
            }
        }

        func wait() -> Value {
            condition.withLock {
                while value == nil { condition.wait() }
                return value!
            }
        }
    }

    /// Values put and taken by index from several threads.
    private final class Shelf<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Value?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        var count: Int { values.count }

        func put(_ index: Int, _ value: Value) {
            lock.lock()
            defer { lock.unlock() }
            values[index] = value
        }

        func contains(_ index: Int) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            return values[index] != nil
        }

        /// The value, left in place.
        subscript(index: Int) -> Value? {
            lock.lock()
            defer { lock.unlock() }
            return values[index]
        }

        /// The value, removed (so that its memory goes as soon as it is used).
        func take(_ index: Int) -> Value? {
            lock.lock()
            defer { lock.unlock() }
            defer { values[index] = nil }
            return values[index]
        }
    }

    /// Plan results written from several threads, counted as they come in.
    private final class Slots: @unchecked Sendable {
        private let shelf: Shelf<Result<ProductionPlanResult, PlanningError>>
        private let lock = NSLock()
        private var finished = 0

        init(count: Int) { shelf = Shelf(count: count) }

        /// Stores a result; returns how many are in.
        func set(_ index: Int, _ result: Result<ProductionPlanResult, PlanningError>) -> Int {
            shelf.put(index, result)
            return lock.withLock {
                finished += 1
                return finished
            }
        }

        /// The plans, in order, once every slot is set; the first error otherwise.
        func plans() throws(PlanningError) -> [ProductionPlanResult] {
            var plans: [ProductionPlanResult] = []
            for index in 0..<shelf.count {
                switch shelf[index]! {
                case .success(let plan): plans.append(plan)
                case .failure(let error): throw error
                }
            }
            return plans
        }
    }
}
