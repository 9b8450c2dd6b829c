/// Why a solver stopped. Infeasible and unbounded are answers about the model, not errors.
public enum TerminationStatus: String, Hashable, Sendable, Codable {
    /// A proven optimum (for a MIP: within the requested relative gap).
    case optimal
    /// No point satisfies every constraint and bound.
    case infeasible
    /// The objective improves without limit over the feasible points.
    case unbounded
    /// The solver proved one of the two but not which (a MIP whose relaxation is unbounded).
    case infeasibleOrUnbounded
    /// The time limit ran out; the best feasible point found is reported.
    case timeLimitFeasible
    /// The time limit ran out before any feasible point was found.
    case timeLimitNoSolution
    /// The iteration limit ran out.
    case iterationLimit
    /// Branch-and-bound opened its most nodes (``SolveOptions/nodeLimit``); the best
    /// feasible point found is reported.
    case nodeLimitFeasible
    /// The solver gave up for numerical reasons (singular or ill-conditioned basis).
    case numericalFailure

    /// Whether the time limit stopped the solver, with or without a point.
    public var isTimeLimit: Bool { self == .timeLimitFeasible || self == .timeLimitNoSolution }

    /// Whether ``Solution/values`` hold a point that satisfies the model.
    public var hasFeasibleSolution: Bool {
        self == .optimal || self == .timeLimitFeasible || self == .nodeLimitFeasible
    }
}
