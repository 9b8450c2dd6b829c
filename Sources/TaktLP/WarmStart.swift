/// A program kept loaded in a solver between solves, so that a re-solve after a small change
/// starts from the previous optimal basis instead of from scratch.
///
/// A session lives only inside ``WarmStartSolver/withWarmStart(_:options:_:)``'s closure
/// and on the thread that called it; using it elsewhere is a programmer error.
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
