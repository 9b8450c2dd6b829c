/// A program kept loaded in a solver between solves, so that a re-solve after a small change
/// starts from the previous optimal basis instead of from scratch.
///
/// A session lives only inside ``WarmStartSolver/withWarmStart(_:options:_:)``'s closure
/// (or as long as its holder keeps it, see ``SessionSolver``) and on the thread that made
/// it; using it elsewhere is a programmer error.
public protocol WarmStartSession: AnyObject {
    /// The program as it stands after the changes made so far.
    var program: LinearProgram { get }
    /// Changes a column's bounds.
    func setBounds(of variable: VariableID, lower: Double, upper: Double) throws(LinearProgramError)
    /// Changes a column's objective coefficient.
    func setObjective(of variable: VariableID, to coefficient: Double) throws(LinearProgramError)
    /// Changes a row's bounds (its right-hand side).
    func setBounds(of constraint: ConstraintID, to bounds: ConstraintBounds) throws(LinearProgramError)
    /// Solves the program as it stands, from the last basis.
    func solve() -> Solution
}

/// A solver that can keep a program loaded between solves.
public protocol WarmStartSolver: Solver {
    /// Loads `program`, hands a session to `body`, and releases the program when `body` returns.
    func withWarmStart<Result>(
        _ program: LinearProgram,
        options: SolveOptions,
        _ body: (any WarmStartSession) throws -> Result
    ) throws -> Result
}

/// A solver whose sessions the caller keeps: many programs loaded at once, each re-solved
/// when it needs to be.
///
/// A session lives as long as the caller holds it, on the thread that made it: using or
/// releasing it on another thread is a programmer error.
public protocol SessionSolver: Solver {
    /// Loads `program` (checked first, as ``Solver/solve(_:options:)`` checks it); its first
    /// solve starts from `options.startingBasis` if given.
    func session(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> any WarmStartSession
}

extension LinearProgram {
    /// Whether `other` differs from this program only in bounds and objective coefficients:
    /// the same columns (and kinds), the same rows with the same coefficients, the same
    /// objective constant. A session loaded with one can then be turned into the other.
    public func differsOnlyInBoundsAndCosts(from other: LinearProgram) -> Bool {
        guard variables.count == other.variables.count, constraints.count == other.constraints.count,
            objectiveConstant == other.objectiveConstant, sense == other.sense
        else { return false }
        for (a, b) in zip(variables, other.variables) where a.kind != b.kind { return false }
        for (a, b) in zip(constraints, other.constraints) where a.terms != b.terms { return false }
        return true
    }
}

extension WarmStartSession {
    /// Changes the loaded program into `target`, which must differ from it only in bounds and
    /// objective coefficients (see ``LinearProgram/differsOnlyInBoundsAndCosts(from:)``), touching
    /// only what differs.
    public func update(to target: LinearProgram) throws(LinearProgramError) {
        let current = program
        precondition(current.differsOnlyInBoundsAndCosts(from: target), "update(to:) needs a program of the same shape")
        for (index, (a, b)) in zip(current.variables, target.variables).enumerated() {
            if a.lowerBound != b.lowerBound || a.upperBound != b.upperBound {
                try setBounds(of: VariableID(index: index), lower: b.lowerBound, upper: b.upperBound)
            }
            if a.objective != b.objective { try setObjective(of: VariableID(index: index), to: b.objective) }
        }
        for (index, (a, b)) in zip(current.constraints, target.constraints).enumerated() where a.bounds != b.bounds {
            try setBounds(of: ConstraintID(index: index), to: b.bounds)
        }
    }
}
