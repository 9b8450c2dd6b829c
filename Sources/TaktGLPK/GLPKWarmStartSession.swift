import TaktLP

/// A GLPK problem kept loaded between solves: the first solve presolves, later ones start
/// from the basis the previous one left, without presolve (which would discard it).
final class GLPKWarmStartSession: WarmStartSession {
    private(set) var program: LinearProgram
    private var options: SolveOptions
    /// Deleted with the session, on the thread that made it (see `GLPKProblem`).
    private let loaded: GLPKProblem
    private var solvedOnce = false

    init(program: LinearProgram, options: SolveOptions) {
        self.program = program
        self.options = options
        self.loaded = GLPKProblem(program)
    }

    func setBounds(of variable: VariableID, lower: Double, upper: Double) throws(LinearProgramError) {
        try program.setBounds(of: variable, lower: lower, upper: upper)
        loaded.setColumnBounds(Int32(variable.index + 1), lower: lower, upper: upper)
    }

    func setObjective(of variable: VariableID, to coefficient: Double) throws(LinearProgramError) {
        try program.setObjective(of: variable, to: coefficient)
        loaded.setObjective(Int32(variable.index + 1), coefficient)
    }

    func setBounds(of constraint: ConstraintID, to bounds: ConstraintBounds) throws(LinearProgramError) {
        try program.setBounds(of: constraint, to: bounds)
        loaded.setRowBounds(Int32(constraint.index + 1), bounds)
    }

    func solve() -> Solution {
        let problem = loaded
        let run = GLPKRun(program: program, options: options)
        let solution = run.solve(problem, presolve: solvedOnce ? false : options.presolve && program.presolveIsSafe, fromHeldBasis: solvedOnce)
        solvedOnce = true
        // A starting basis is for the first solve; later ones start where the last ended.
        options.startingBasis = nil
        // An optimal, infeasible or unbounded simplex leaves a valid basis; a stopped one may not.
        if ![.optimal, .infeasible, .unbounded].contains(solution.status) { problem.resetBasis() }
        return solution
    }
}
