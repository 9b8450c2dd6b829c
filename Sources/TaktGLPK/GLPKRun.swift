import CGLPK
import TaktLP

/// One solve of a loaded problem: the simplex, then branch-and-cut for a MIP, with GLPK's
/// return codes and statuses turned into a ``TerminationStatus``.
struct GLPKRun {
    let program: LinearProgram
    let options: SolveOptions
    private let start = ContinuousClock.now

    init(program: LinearProgram, options: SolveOptions) {
        self.program = program
        self.options = options
    }

    /// Solves the loaded problem: from `options.startingBasis` if it has one, else from the
    /// basis the problem holds when `fromHeldBasis` (a warm-start session's later solves),
    /// else cold.
    func solve(_ problem: GLPKProblem, presolve: Bool, fromHeldBasis: Bool = false) -> Solution {
        if program.variables.isEmpty { return emptyProgramSolution() }
        if options.deadline?.hasPassed == true { return Solution(status: .timeLimitNoSolution) }
        // GLPK's presolver refuses a problem without rows, so such a problem goes straight in.
        var usePresolve = presolve && !program.constraints.isEmpty
        var code: Int32, iterations: Int
        let given = options.startingBasis.flatMap { $0.isSquare ? $0 : nil }
        if given != nil || fromHeldBasis {
            // A given or held basis: no presolve (it would throw the basis away). The dual
            // simplex, since a change of right-hand sides leaves the old optimum dual
            // feasible; but the primal where the basis is still primal feasible (only costs
            // changed), which the dual would first have to repair.
            usePresolve = false
            var dual = true
            if let given { problem.setBasis(given) }
            if problem.warmUp() == 0 { dual = problem.primalStatus != GLP_FEAS }
            (code, iterations) = problem.simplex(options: options, presolve: false, dual: dual, timeLimitMilliseconds: remainingMilliseconds())
            let settled = code == 0 && [GLP_OPT, GLP_NOFEAS, GLP_INFEAS, GLP_UNBND].contains(problem.lpStatus)
            if !settled && code != GLP_ETMLIM && code != GLP_EITLIM {
                // Singular or ill-conditioned where the carried basis met the new program, or
                // the dual simplex gave up: the primal simplex from GLPK's own start.
                problem.advancedBasis(log: options.log)
                let again = problem.simplex(options: options, presolve: false, timeLimitMilliseconds: remainingMilliseconds())
                code = again.code
                iterations += again.iterations
            }
        } else {
            // No basis, or one that cannot be a basis (too few or too many basic): a cold solve.
            if options.crashBasis && !usePresolve { problem.crashBasis(log: options.log) }
            (code, iterations) = problem.simplex(options: options, presolve: usePresolve, timeLimitMilliseconds: remainingMilliseconds())
        }
        if code == GLP_ENODFS || code == GLP_ENOPFS && usePresolve {
            // The presolver proves only "no dual (or primal) feasible point"; the simplex
            // proper tells infeasible from unbounded and leaves a basis to warm-start from.
            problem.resetBasis()
            let again = problem.simplex(options: options, presolve: false, timeLimitMilliseconds: remainingMilliseconds())
            code = again.code
            iterations += again.iterations
        } else if usePresolve && code == 0 && problem.lpStatus == GLP_OPT {
            // The basis the presolver recovers is optimal for its reduced problem, not always
            // for this one: on the sample plant it stopped 5 in 13.8 million above the optimum
            // (1.6e-7, inside GLPK's tolerances), which a warm re-solve of the same program then
            // found in 3 iterations — so a what-if's cost depended on whether it was planned
            // cold or warm. A simplex from that basis, without presolve, finishes the job: one
            // factorisation and usually no iteration at all.
            let polish = problem.simplex(options: options, presolve: false, timeLimitMilliseconds: remainingMilliseconds())
            if polish.code == 0 { iterations += polish.iterations } else { code = polish.code }
        }
        let lpStatus = Self.lpStatus(code: code, problem: problem)
        let rows = program.constraints.count, columns = program.variables.count

        guard program.isMixedInteger else {
            guard lpStatus.hasFeasibleSolution || (lpStatus == .iterationLimit && problem.primalStatus == GLP_FEAS) else {
                return Solution(status: lpStatus, iterations: iterations)
            }
            let point = problem.lpPoint(rows: rows, columns: columns, withDuals: lpStatus == .optimal)
            return Solution(
                status: lpStatus, objective: point.objective, values: point.values, rowActivities: point.activities,
                shadowPrices: point.rowDuals, reducedCosts: point.columnDuals, iterations: iterations,
                basis: lpStatus == .optimal ? problem.basis(rows: rows, columns: columns) : nil)
        }

        switch lpStatus {
        case .optimal: break
        case .unbounded: return Solution(status: .infeasibleOrUnbounded, iterations: iterations)
        case .timeLimitFeasible, .timeLimitNoSolution: return Solution(status: .timeLimitNoSolution, iterations: iterations)
        default: return Solution(status: lpStatus, iterations: iterations)
        }
        let relaxation = problem.lpObjective
        let mipCode = problem.branchAndCut(options: options, timeLimitMilliseconds: remainingMilliseconds())
        let mipStatus = Self.mipStatus(code: mipCode, problem: problem)
        guard mipStatus.hasFeasibleSolution else { return Solution(status: mipStatus, iterations: iterations, relaxationObjective: relaxation) }
        let point = problem.mipPoint(rows: rows, columns: columns)
        return Solution(
            status: mipStatus, objective: point.objective, values: point.values, rowActivities: point.activities,
            iterations: iterations, bestBound: mipStatus == .optimal ? point.objective : nil, relaxationObjective: relaxation)
    }

    /// What is left of the time limit, in GLPK's milliseconds (at least 1).
    private func remainingMilliseconds() -> Int32? {
        var left: Double?
        if let limit = options.timeLimit {
            let elapsed = ContinuousClock.now - start
            left = limit - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        if let deadline = options.deadline { left = min(left ?? .infinity, deadline.secondsLeft) }
        guard let left else { return nil }
        return Int32(clamping: max(1, min(Int(Int32.max), Int((min(left, 2e6) * 1000).rounded(.up)))))
    }

    /// No columns: every row's activity is zero, and the objective is its constant.
    private func emptyProgramSolution() -> Solution {
        let feasible = program.constraints.allSatisfy { $0.bounds.lower <= 0 && 0 <= $0.bounds.upper }
        guard feasible else { return Solution(status: .infeasible) }
        let zeros = [Double](repeating: 0, count: program.constraints.count)
        return Solution(
            status: .optimal, objective: program.objectiveConstant, values: [], rowActivities: zeros,
            shadowPrices: program.isMixedInteger ? nil : zeros, reducedCosts: [], bestBound: nil)
    }

    static func lpStatus(code: Int32, problem: GLPKProblem) -> TerminationStatus {
        switch code {
        case 0:
            switch problem.lpStatus {
            case GLP_OPT: return .optimal
            case GLP_NOFEAS, GLP_INFEAS: return .infeasible
            case GLP_UNBND: return .unbounded
            case GLP_FEAS: return problem.dualStatus == GLP_NOFEAS ? .unbounded : .numericalFailure
            default: return .numericalFailure
            }
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .infeasibleOrUnbounded
        case GLP_EITLIM: return .iterationLimit
        case GLP_ETMLIM: return problem.primalStatus == GLP_FEAS ? .timeLimitFeasible : .timeLimitNoSolution
        default: return .numericalFailure
        }
    }

    static func mipStatus(code: Int32, problem: GLPKProblem) -> TerminationStatus {
        let status = problem.mipStatus
        switch code {
        case 0, GLP_EMIPGAP:
            switch status {
            case GLP_OPT, GLP_FEAS: return .optimal
            case GLP_NOFEAS: return .infeasible
            default: return .numericalFailure
            }
        case GLP_ESTOP where problem.nodeLimitReached:
            return status == GLP_FEAS || status == GLP_OPT ? .nodeLimitFeasible : .iterationLimit
        case GLP_ETMLIM, GLP_ESTOP:
            return status == GLP_FEAS || status == GLP_OPT ? .timeLimitFeasible : .timeLimitNoSolution
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .infeasibleOrUnbounded
        default: return .numericalFailure
        }
    }
}
