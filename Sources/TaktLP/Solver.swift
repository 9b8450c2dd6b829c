/// Something that solves a ``LinearProgram``.
///
/// A solver validates the program first and throws ``LinearProgramError`` on bad values;
/// infeasible and unbounded programs return a ``Solution`` with that status. Solvers are
/// values that can be shared across threads; each call is independent.
public protocol Solver: Sendable {
    func solve(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> Solution
}

extension Solver {
    public func solve(_ program: LinearProgram) throws(LinearProgramError) -> Solution {
        try solve(program, options: SolveOptions())
    }
}
