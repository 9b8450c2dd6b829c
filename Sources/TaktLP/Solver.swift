/// Something that solves a ``LinearProgram``.
///
/// A solver validates the program first and throws ``LinearProgramError`` on bad values;
/// infeasible and unbounded programs return a ``Solution`` with that status. Solvers are
/// values that can be shared across threads; each call is independent.
public protocol Solver: Sendable {
    func solve(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> Solution
    /// Loads `program` (checked first, as ``solve(_:options:)`` checks it) for solves after
    /// small changes, each from the basis the last one left; the first from
    /// `options.startingBasis` if given. The one warm-start API: a solver that keeps its
    /// problem loaded between solves (GLPK) implements it; others get ``ResolvingSession``.
    func session(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> any WarmStartSession
}

extension Solver {
    public func solve(_ program: LinearProgram) throws(LinearProgramError) -> Solution {
        try solve(program, options: SolveOptions())
    }
}
