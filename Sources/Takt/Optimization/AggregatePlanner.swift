import TaktGLPK
import TaktLP

/// Options for making a plan.
public struct PlanOptions: Sendable {
    /// How the plan is made.
    public enum Method: String, CaseIterable, Sendable {
        /// One model of every product (exact), unless the scenario has more products than
        /// ``PlanOptions/exactProductLimit`` and more than one family: then families first.
        case automatic
        /// One model of every product: the least-cost plan, but slow past a few dozen products.
        case exact
        /// Families first, then each family's products (see `HierarchicalPlanner`).
        case familiesFirst = "families-first"
    }

    /// Whether a plan's quantities are whole or relaxed.
    public enum Quantities: String, CaseIterable, Sendable {
        /// Production in lots (`lot_multiple`, `lot_min`), whole units of discrete products
        /// made, bought and routed, whole workers where the policy's `workforce` says so: a
        /// plan a workshop can run (see `WholePlan`).
        case whole
        /// Every quantity continuous: the linear programming relaxation, a bound on the whole
        /// plan's cost when planned in one model.
        case relaxed
    }

    public var method: Method
    /// Whole quantities (the default) or the relaxation.
    public var quantities: Quantities
    /// Above this many products, ``Method/automatic`` plans families first.
    public var exactProductLimit: Int
    /// Seconds the whole plan may take, model building and every solve included (a plan
    /// made families first solves hundreds of models); `nil` for no limit. When it runs out
    /// families first keeps the plan it has (its status says so), one model keeps the best
    /// feasible point the solver has, and without one the plan fails with
    /// ``PlanningError/solverStopped(_:)``.
    public var timeLimit: Double?
    /// The instant by which planning must end: set from ``timeLimit`` when a plan starts,
    /// or by a caller that gives several plans one budget (a what-if run, a promise).
    public var deadline: Deadline?
    /// Relative gap at which a plan with whole workers is accepted.
    public var relativeGap: Double
    /// Families first: how many times each product is planned again in what all the others
    /// finally take. Each round can only lower the cost; on 200 products by week the plan is
    /// 0.49% above the one model's optimum after one, 0.45% after two.
    public var refinementRounds: Int
    /// Told each phase of the planning as it starts ("family plan: solving 4212 columns ×
    /// 1830 rows"), on the planning thread; for a progress line.
    public var progress: (@Sendable (String) -> Void)?
    /// A plan to keep where the optimal cost allows (see `StablePlan`): set by
    /// ``AggregatePlanner/plan(_:keeping:)`` and by what-ifs, which keep their base.
    var kept: ProductionPlanResult?

    public init(
        method: Method = .automatic, quantities: Quantities = .whole, exactProductLimit: Int = 30, timeLimit: Double? = nil,
        relativeGap: Double = 1e-6, refinementRounds: Int = 2, deadline: Deadline? = nil
    ) {
        self.quantities = quantities
        self.deadline = deadline
        self.method = method
        self.exactProductLimit = exactProductLimit
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.refinementRounds = max(0, refinementRounds)
    }
}

/// A plan could not be made: the solver stopped without one, was given a model it refuses,
/// or the request itself is wrong.
public enum PlanningError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The solver stopped without a feasible plan: the time limit, or a numerical failure.
    case solverStopped(TerminationStatus)
    /// The model holds a value the solver cannot take (see `LinearProgram.Magnitudes`).
    case invalidModel(LinearProgramError)
    /// A request names a product the scenario does not have (an order to promise).
    case unknownProduct(String)
    /// A request's quantity is not a number above 0.
    case invalidQuantity(Double)

    public var description: String {
        switch self {
        case .solverStopped(let status):
            switch status {
            case .timeLimitNoSolution: "the time limit ran out before any plan was found; allow more time"
            case .iterationLimit: "the solver's iteration limit ran out"
            default: "the solver stopped without a plan (\(status.rawValue))"
            }
        case .invalidModel(let error): "the planning model is invalid: \(error)"
        case .unknownProduct(let id): "unknown product '\(id)'"
        case .invalidQuantity(let quantity): "the quantity must be a number above 0, not \(quantity)"
        }
    }
}

/// Makes the aggregate production plan (综合生产计划) of a scenario: production per product
/// and period, overtime, extra shifts, subcontracting, inventory, backlog and workforce,
/// chosen by linear programming at least cost; then every order's share of it.
///
///     let plan = try AggregatePlanner(scenario).plan()
///     print(plan.costs.total, plan.onTimeRate)
///
/// The model is `AggregatePlanModel`; its size grows with products × periods, not with
/// orders. Orders are recovered from the solution exactly: each class's deliveries in each
/// period go to its orders earliest due first, and each delivery is traced to the
/// production, subcontracting or stock that supplies it, oldest first.
public struct AggregatePlanner: Sendable {
    public let scenario: Scenario
    public var solver: any Solver

    public init(_ scenario: Scenario, solver: any Solver = GLPKSolver()) {
        self.scenario = scenario
        self.solver = solver
    }

    /// The single model of every product that ``PlanOptions/Method/exact`` solves, for
    /// exporting to other solvers.
    public static func exactModel(of scenario: Scenario) -> LinearProgram {
        var model = AggregatePlanModel(scenario: scenario, demand: DemandProfile(scenario), hours: ResourceHours(scenario))
        model.carriesMaterials = true
        model.build()
        return model.program
    }

    /// Whether `options` plan this scenario families first rather than in one model.
    func plansFamiliesFirst(_ options: PlanOptions) -> Bool {
        let families = Set(scenario.products.map(\.family)).count
        return switch options.method {
        case .exact: false
        case .familiesFirst: families > 1
        // Only the one model carries constrained materials.
        case .automatic: families > 1 && scenario.products.count > options.exactProductLimit && MaterialFlow.materials(of: scenario).isEmpty
        }
    }

    /// A families-first plan with the constrained materials it buys: their rows, their cost,
    /// the expedited purchases as actions, and the purchases in the material by item.
    private func withMaterials(_ plan: ProductionPlanResult, _ rows: [MaterialPeriodPlan]) -> ProductionPlanResult {
        guard !rows.isEmpty else { return plan }
        var plan = plan
        plan.materials = rows
        let cost = rows.reduce(0) { $0 + $1.cost }
        plan.costs.material += cost
        plan.objective += cost
        plan.actions += PlanAction.expedites(in: rows, scenario)
        let bought = MaterialCostLine.lines(scenario, used: [Double](repeating: 0, count: scenario.materials.count), bought: rows)
        plan.materialCosts = MaterialCostLine.merged([plan.materialCosts ?? [], bought], scenario)
        return plan
    }

    public func plan(_ options: PlanOptions = PlanOptions()) throws(PlanningError) -> ProductionPlanResult {
        try plan(options, from: nil).plan
    }

    /// Plans, starting the solver from `start` (a similar scenario's model and optimal basis,
    /// carried over by row and column name) where the plan is made in one model; returns the
    /// plan and, when it was made in one LP, its own start for the next. The optimum is the
    /// same as a cold plan's; where several plans cost the same, the one found may differ.
    public func plan(_ options: PlanOptions, from start: PlanStart?) throws(PlanningError) -> (plan: ProductionPlanResult, start: PlanStart?) {
        let options = options.started()
        if plansFamiliesFirst(options) {
            let made = try HierarchicalPlanner(scenario: scenario, solver: solver, options: options).plan()
            // Families first sees a share of the products at a time, so it cannot carry the
            // constrained materials they share: where its plan needs more than can be had, the
            // plan is made in the one model that does.
            let materials = MaterialFlow.purchases(for: made, scenario)
            guard let short = materials.shortage else { return (withMaterials(made, materials.rows), nil) }
            let period = scenario.horizon.periods[short.period].label
            options.progress?("families first needs more \(short.material) by \(period) than can be had: planning in one model")
            var (plan, next) = try plan(model(), options, from: start)
            plan.status += ", in one model: families first needed more \(short.material) by \(period) than can be had"
            return (plan, next)
        }
        options.progress?("building the model: \(scenario.products.count) products × \(scenario.horizon.periodCount) periods")
        return try plan(model(), options, from: start)
    }

    /// Solves a model made by ``model()``, from `start` where given.
    func solution(of model: AggregatePlanModel, _ options: PlanOptions, from start: PlanStart?) throws(PlanningError) -> Solution {
        options.progress?(PlanOptions.solving(model.program, start == nil ? nil : "from a plan's basis"))
        let basis = start.map { $0.basis.carried(from: $0.program, to: model.program) }
        return try solver.feasibleSolution(model.program, options: options.started().solveOptions(startingBasis: basis), failing: PlanningError.self)
    }

    /// The model ``plan(_:from:)`` solves when it plans in one model.
    func model() -> AggregatePlanModel {
        var model = AggregatePlanModel(scenario: scenario, demand: DemandProfile(scenario), hours: ResourceHours(scenario))
        model.carriesMaterials = true
        model.build()
        return model
    }

    /// Solves a model made by ``model()`` and reads the plan back.
    func plan(_ model: AggregatePlanModel, _ options: PlanOptions, from start: PlanStart?) throws(PlanningError) -> (plan: ProductionPlanResult, start: PlanStart?) {
        let solution = try self.solution(of: model, options, from: start)
        let next = solution.basis.map { PlanStart(program: model.program, basis: $0) }
        return (try finished(model, solution, options), next)
    }

    /// The plan of a solved model: moved near the plan the options keep, if any (see
    /// `StablePlan`), made whole unless the options ask for the relaxation, and read back.
    func finished(_ model: AggregatePlanModel, _ relaxed: Solution, _ options: PlanOptions) throws(PlanningError) -> ProductionPlanResult {
        if let kept = options.kept { return try stable(model, relaxed, options, keeping: kept) }
        return try rounded(model, relaxed, options)
    }

    /// The plan of a solution of the model: made whole unless the options ask for the
    /// relaxation (keeping the whole production `keeping` where it costs no more), read back.
    func rounded(_ model: AggregatePlanModel, _ relaxed: Solution, _ options: PlanOptions, keeping: [[Double]]? = nil) throws(PlanningError)
        -> ProductionPlanResult
    {
        var outcome = WholePlan.Outcome.wholeAlready
        if options.quantities == .whole {
            options.progress?("rounding to whole lots, units and workers, and solving what is left")
            outcome = try WholePlan(model: model, relaxed: relaxed, solver: solver, options: options, keeping: keeping).solution()
        }
        options.progress?("reading the plan back: orders, actions, hour values")
        switch outcome {
        case .whole(let whole):
            var result = PlanReadback(model: model, solution: whole).result()
            result.relaxedObjective = relaxed.objective
            return result
        case .partly(let whole, let relaxedProducts):
            var result = PlanReadback(model: model, solution: whole).result()
            result.relaxedObjective = relaxed.objective
            result.status += WholePlan.notWhole(products: relaxedProducts)
            return result
        case .wholeAlready:
            return PlanReadback(model: model, solution: relaxed).result()
        case .noFit:
            var result = PlanReadback(model: model, solution: relaxed).result()
            result.status += WholePlan.notWhole
            return result
        }
    }
}

extension AggregatePlanner {
    /// Solves a model made by ``model()`` in a warm-start session that holds a program of the
    /// same shape (see ``LinearProgram/differsOnlyInBoundsAndCosts(from:)``): the session is
    /// changed into this model's program, bound by bound, and re-solved from the basis and
    /// factorisation it holds.
    func plan(_ model: AggregatePlanModel, _ options: PlanOptions, in session: any WarmStartSession) throws(PlanningError)
        -> (plan: ProductionPlanResult, start: PlanStart?)
    {
        options.progress?(PlanOptions.solving(model.program, "in the problem of the plan before"))
        do { try session.update(to: model.program) } catch { throw .invalidModel(error) }
        let solution = try session.solve().feasible(PlanningError.self)
        let next = solution.basis.map { PlanStart(program: model.program, basis: $0) }
        return (try finished(model, solution, options), next)
    }
}

extension PlanOptions {
    /// These options with their deadline set, from the time limit, if it is not yet: called
    /// where planning starts, so that one budget covers all of it.
    public func started() -> PlanOptions {
        var started = self
        if let timeLimit { started.deadline = Deadline(after: timeLimit).earlier(deadline) }
        return started
    }

    /// The options of one solve of this plan: what is left of its budget.
    func solveOptions(startingBasis: Basis? = nil, presolve: Bool = true) -> SolveOptions {
        SolveOptions(relativeGap: relativeGap, presolve: presolve, startingBasis: startingBasis, deadline: deadline)
    }

    /// The progress line for a solve: what and how big.
    static func solving(_ program: LinearProgram, _ detail: String? = nil) -> String {
        "solving \(program.variables.count) columns × \(program.constraints.count) rows" + (detail.map { ", \($0)" } ?? "")
    }
}
