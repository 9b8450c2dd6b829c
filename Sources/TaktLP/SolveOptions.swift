/// Limits and switches for one solve. The defaults solve to optimality silently.
public struct SolveOptions: Hashable, Sendable, Codable {
    /// Wall-clock limit in seconds; `nil` for none.
    public var timeLimit: Double?
    /// An instant by which the solve must end, whatever `timeLimit` says: the budget of a
    /// larger piece of work this solve is part of. `nil` for none.
    public var deadline: Deadline?
    /// Simplex iteration limit; `nil` for none.
    public var iterationLimit: Int?
    /// Relative MIP gap `|best − bound| / |best|` at which branch-and-cut may stop.
    public var relativeGap: Double
    /// Whether the solver may print its log (to standard output). Off by default.
    public var log: Bool
    /// Whether to run the solver's presolver before the simplex.
    public var presolve: Bool
    /// A basis to start the simplex from (of this program, or carried over to it with
    /// ``Basis/carried(from:to:)``); the presolver is then skipped. A basis with too few or
    /// too many basic columns and rows is ignored (a cold solve); one that proves singular,
    /// or from which the dual simplex fails, is dropped for the solver's own start.
    public var startingBasis: Basis?
    /// For a cold solve without the presolver: start from a crash basis (basic columns the
    /// solver picks to make a triangular, well-conditioned basis) instead of every row's
    /// slack. Model-dependent: the decomposition's split models solve in a third of the
    /// time from one, the aggregate plan's family plan takes three times as long.
    public var crashBasis: Bool
    /// For a MIP: a feasible point (values indexed like the program's columns), given to
    /// branch-and-cut as its first incumbent so that it only has to improve on it. Its
    /// feasibility is the caller's to ensure: GLPK checks only that its integer columns are
    /// whole. A point of the wrong length, or with a value that is not finite, is ignored.
    public var incumbent: [Double]?
    /// For a MIP: cutting planes (mixed-integer rounding, cover and clique cuts) and a
    /// pseudocost branching rule, which pay on lot-sizing models; off, the solver's plain
    /// branch-and-bound.
    public var cuts: Bool = false
    /// For a MIP: the most branch-and-bound nodes to open before it stops with its best
    /// point (status ``TerminationStatus/nodeLimitFeasible``, or
    /// ``TerminationStatus/iterationLimit`` without one); unlike a time limit, the same
    /// program then always stops at the same point. `nil` for no limit.
    public var nodeLimit: Int?

    public init(
        timeLimit: Double? = nil,
        iterationLimit: Int? = nil,
        relativeGap: Double = 1e-9,
        log: Bool = false,
        presolve: Bool = true,
        startingBasis: Basis? = nil,
        crashBasis: Bool = false,
        deadline: Deadline? = nil,
        nodeLimit: Int? = nil,
        incumbent: [Double]? = nil
    ) {
        self.nodeLimit = nodeLimit
        self.incumbent = incumbent
        self.timeLimit = timeLimit
        self.deadline = deadline
        self.iterationLimit = iterationLimit
        self.relativeGap = relativeGap
        self.log = log
        self.presolve = presolve
        self.startingBasis = startingBasis
        self.crashBasis = crashBasis
    }

    /// Checks that every option is a value a solver can take.
    public func validate() throws(LinearProgramError) {
        if let nodeLimit, nodeLimit < 1 {
            throw .invalidOption(name: "nodeLimit", value: "\(nodeLimit)", expected: "at least 1 node")
        }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw .invalidOption(name: "timeLimit", value: "\(timeLimit)", expected: "a positive number of seconds")
        }
        if let iterationLimit, iterationLimit <= 0 {
            throw .invalidOption(name: "iterationLimit", value: "\(iterationLimit)", expected: "a positive count")
        }
        if !(relativeGap.isFinite && relativeGap >= 0) {
            throw .invalidOption(name: "relativeGap", value: "\(relativeGap)", expected: "a finite number ≥ 0")
        }
    }

    /// Checks every option, and that a starting basis has one status per column and row of
    /// `program`.
    public func validate(for program: LinearProgram) throws(LinearProgramError) {
        try validate()
        if let basis = startingBasis, basis.variables.count != program.variables.count || basis.constraints.count != program.constraints.count {
            throw .invalidOption(
                name: "startingBasis", value: "\(basis.variables.count) columns, \(basis.constraints.count) rows",
                expected: "\(program.variables.count) columns and \(program.constraints.count) rows, as the program has (see Basis.carried(from:to:))")
        }
    }
}
