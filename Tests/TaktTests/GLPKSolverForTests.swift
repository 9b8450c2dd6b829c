import TaktGLPK
import TaktLP

enum GLPKSolverForTests {
    struct NotOptimal: Error { let status: TerminationStatus }

    static func solve(_ program: LinearProgram) throws -> Double {
        let solution = try GLPKSolver().solve(program)
        guard solution.status == .optimal else { throw NotOptimal(status: solution.status) }
        return solution.objective
    }
}
