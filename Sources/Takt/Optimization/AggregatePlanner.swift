import TaktGLPK
import TaktLP

/// Options for making a plan.
public struct PlanOptions: Sendable {
    /// Seconds the solver may take; `nil` for no limit.
    public var timeLimit: Double?
    /// Relative gap at which a plan with whole workers is accepted.
    public var relativeGap: Double

    public init(timeLimit: Double? = nil, relativeGap: Double = 1e-6) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }
}

/// A plan could not be made: the solver stopped without one, or was given bad values.
public enum PlanningError: Error, Hashable, Sendable, CustomStringConvertible {
    case solverStopped(TerminationStatus)
    case invalidModel(String)

    public var description: String {
        switch self {
        case .solverStopped(let status):
            switch status {
            case .timeLimitNoSolution: "the time limit ran out before any plan was found; allow more time"
            case .iterationLimit: "the solver's iteration limit ran out"
            default: "the solver stopped without a plan (\(status.rawValue))"
            }
        case .invalidModel(let message): "the planning model is invalid: \(message)"
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
/// The model is ``AggregatePlanModel``; its size grows with products × periods, not with
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

    public func plan(_ options: PlanOptions = PlanOptions()) throws(PlanningError) -> ProductionPlanResult {
        let demand = DemandProfile(scenario)
        var model = AggregatePlanModel(scenario: scenario, demand: demand, hours: ResourceHours(scenario))
        model.build()
        let solution: Solution
        do {
            solution = try solver.solve(
                model.program, options: SolveOptions(timeLimit: options.timeLimit, relativeGap: options.relativeGap))
        } catch {
            throw .invalidModel(error.description)
        }
        guard solution.status.hasFeasibleSolution else { throw .solverStopped(solution.status) }
        return PlanReadback(model: model, solution: solution).result()
    }
}
