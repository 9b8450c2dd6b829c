import TaktLP

/// The one way planning code solves a formulation: the solver's answer if it holds a
/// feasible point, else an error that keeps what went wrong as a type — the solver's
/// termination status, or the program's validation error.
protocol SolveFailure: Error {
    static func invalidModel(_ error: LinearProgramError) -> Self
    static func solverStopped(_ status: TerminationStatus) -> Self
}

extension Solver {
    /// Solves `program`; a solution without a feasible point, or a program the solver
    /// refuses, is a `Failure`.
    func feasibleSolution<Failure: SolveFailure>(
        _ program: LinearProgram, options: SolveOptions, failing: Failure.Type = Failure.self
    ) throws(Failure) -> Solution {
        try answer(program, options: options, failing: Failure.self).feasible(Failure.self)
    }

    /// Solves `program`, whatever its status (an infeasible repair is an answer, not a
    /// failure), except a time limit reached before any feasible point.
    func answer<Failure: SolveFailure>(
        _ program: LinearProgram, options: SolveOptions, failing: Failure.Type = Failure.self
    ) throws(Failure) -> Solution {
        let solution: Solution
        do { solution = try solve(program, options: options) } catch { throw .invalidModel(error) }
        if solution.status.isTimeLimit && !solution.status.hasFeasibleSolution { throw .solverStopped(solution.status) }
        return solution
    }
}

extension Solution {
    /// This solution if it holds a feasible point, else the `Failure` of its status.
    func feasible<Failure: SolveFailure>(_ failing: Failure.Type = Failure.self) throws(Failure) -> Solution {
        guard status.hasFeasibleSolution else { throw .solverStopped(status) }
        return self
    }
}

extension PlanningError: SolveFailure {}
extension DecompositionError: SolveFailure {}
