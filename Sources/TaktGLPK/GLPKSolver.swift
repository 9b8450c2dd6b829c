import TaktLP

/// Solves ``LinearProgram``s with GLPK: the simplex method for an LP (presolve on), then
/// branch-and-cut from the LP optimum for a MIP.
///
/// Every program is validated in Swift first, so a bad value becomes a
/// ``LinearProgramError`` rather than GLPK's `abort()`. Each call creates, solves and
/// deletes its own GLPK problem on the calling thread, so calls on different threads run in
/// parallel safely.
///
///     let solution = try GLPKSolver().solve(program, options: SolveOptions(timeLimit: 10))
///     if solution.status == .optimal { print(solution.objective) }
public struct GLPKSolver: Solver {
    public init() {}

    public func session(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> any WarmStartSession {
        try program.validate()
        try options.validate(for: program)
        return GLPKWarmStartSession(program: program, options: options)
    }

    public func solve(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> Solution {
        try program.validate()
        try options.validate(for: program)
        let problem = GLPKProblem(program)
        return GLPKRun(program: program, options: options).solve(problem, presolve: options.presolve && program.presolveIsSafe)
    }
}
