import Testing
import TaktGLPK
import TaktLP

@Suite struct WarmStartTests {
    let solver = GLPKSolver()

    @Test func warmResolveTakesFewerIterationsThanCold() throws {
        let (program, ship) = KnownModels.transportation(size: 40, seed: 11)
        let (warm, changed) = try solver.withWarmStart(program) { session in
            let first = session.solve()
            #expect(first.status == .optimal)
            // Make a few used lanes dearer: the old basis stays primal feasible.
            let used = ship.joined().filter { first[$0] > 0 }.prefix(3)
            for lane in used { try session.setObjective(of: lane, to: session.program[lane].objective + 20) }
            return (session.solve(), session.program)
        }
        let cold = try solver.solve(changed)
        #expect(warm.status == .optimal && cold.status == .optimal)
        #expect(warm.objective.isClose(to: cold.objective))
        #expect(warm.iterations < cold.iterations, "warm \(warm.iterations) vs cold \(cold.iterations)")
    }

    /// A cold solve from a crash basis reaches the same optimum as one from all slacks.
    @Test func aCrashBasisSolvesToTheSameOptimum() throws {
        let (transport, _) = KnownModels.transportation(size: 30, seed: 5)
        for program in [KnownModels.sailco(), transport] {
            let slacks = try solver.solve(program, options: SolveOptions(presolve: false))
            let crash = try solver.solve(program, options: SolveOptions(presolve: false, crashBasis: true))
            #expect(crash.status == .optimal && crash.objective.isClose(to: slacks.objective))
        }
        #expect(try solver.solve(KnownModels.sailco(), options: SolveOptions(presolve: false, crashBasis: true)).objective.isClose(to: 78_450))
    }

    @Test func boundsAndRightHandSidesChangeBetweenSolves() throws {
        try solver.withWarmStart(KnownModels.sailco()) { session in
            #expect(session.solve().objective.isClose(to: 78_450))
            // Demand of quarter 4 from 25 to 35: ten more boats on quarter 4's idle regular time.
            try session.setBounds(of: ConstraintID(index: 3), to: .equal(35))
            #expect(session.solve().objective.isClose(to: 78_450 + 4_000))
            // Regular capacity of quarter 4 down to 30 moves five boats to overtime: +5 × 50.
            try session.setBounds(of: VariableID(index: 9), lower: 0, upper: 30)
            let solution = session.solve()
            #expect(solution.objective.isClose(to: 78_450 + 4_000 + 250))
            #expect(try solver.solve(session.program).objective.isClose(to: solution.objective))
        }
    }

    /// Sessions the caller keeps: several loaded at once, each re-solved after its own
    /// changes, the first from a given basis; a bad program is refused before GLPK sees it.
    @Test func keptSessionsResolveIndependently() throws {
        let sailco = KnownModels.sailco()
        let optimum = try solver.solve(sailco)
        var sessions = try (0..<3).map { _ in try solver.session(sailco, options: SolveOptions(startingBasis: optimum.basis)) }
        let first = sessions.map { $0.solve() }
        #expect(first.allSatisfy { $0.objective.isClose(to: 78_450) && $0.iterations == 0 })
        // Quarter 4's demand up by 0, 5 and 10 boats: 400 each on idle regular time.
        for (k, session) in sessions.enumerated() { try session.setBounds(of: ConstraintID(index: 3), to: .equal(25 + 5 * Double(k))) }
        for (k, session) in sessions.enumerated().reversed() {
            #expect(session.solve().objective.isClose(to: 78_450 + 400 * 5 * Double(k)))
        }
        sessions.removeAll()
        var bad = sailco
        bad.variables[0].upperBound = -1
        #expect(throws: LinearProgramError.self) { _ = try solver.session(bad, options: SolveOptions()) }
    }

    @Test func invalidChangesAreRefused() throws {
        try solver.withWarmStart(KnownModels.wyndor()) { session in
            #expect(throws: LinearProgramError.self) { try session.setBounds(of: VariableID(index: 0), lower: 3, upper: 1) }
            #expect(throws: LinearProgramError.self) { try session.setObjective(of: VariableID(index: 5), to: 1) }
            #expect(throws: LinearProgramError.self) { try session.setBounds(of: ConstraintID(index: 9), to: .lessOrEqual(1)) }
            #expect(throws: LinearProgramError.self) { try session.setObjective(of: VariableID(index: 1), to: .nan) }
            // The refused changes left the program as it was.
            #expect(session.solve().objective.isClose(to: 36))
            // Infeasible, then feasible again from the same session.
            try session.setBounds(of: ConstraintID(index: 2), to: .greaterOrEqual(100))
            #expect(session.solve().status == .infeasible)
            try session.setBounds(of: ConstraintID(index: 2), to: .lessOrEqual(18))
            #expect(session.solve().objective.isClose(to: 36))
        }
    }

    @Test func mixedIntegerProgramsResolveToo() throws {
        try solver.withWarmStart(KnownModels.smallMIP()) { session in
            #expect(session.solve().objective.isClose(to: 20))
            try session.setObjective(of: VariableID(index: 1), to: 10)
            // max 5x + 10y: y = 3 (x + 2y ≤ 6) gives 30.
            #expect(session.solve().objective.isClose(to: 30))
        }
    }

    /// A session turned into another program of the same shape by `update(to:)` solves to that
    /// program's own optimum; a program with other rows is not of the same shape.
    @Test func aSessionUpdatesToAProgramOfTheSameShape() throws {
        let more = KnownModels.sailco(demand: [40, 60, 75, 35])
        #expect(more.differsOnlyInBoundsAndCosts(from: KnownModels.sailco()))
        #expect(!KnownModels.sailco(demand: [40, 60, 75, 25, 30]).differsOnlyInBoundsAndCosts(from: KnownModels.sailco()))
        try solver.withWarmStart(KnownModels.sailco()) { session in
            #expect(session.solve().objective.isClose(to: 78_450))
            try session.update(to: more)
            #expect(session.program == more)
            #expect(session.solve().objective.isClose(to: 78_450 + 4_000))
        }
    }

    /// A solver that only solves: its sessions are `ResolvingSession`s, which give what GLPK's
    /// kept problem gives, each re-solve from the last basis.
    struct SolvingOnly: Solver {
        func solve(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> Solution {
            try GLPKSolver().solve(program, options: options)
        }
    }

    @Test func aSolverThatOnlySolvesHasSessionsToo() throws {
        let plain = SolvingOnly()
        try plain.withWarmStart(KnownModels.sailco()) { session in
            #expect(session is ResolvingSession)
            #expect(session.solve().objective.isClose(to: 78_450))
            try session.setBounds(of: ConstraintID(index: 3), to: .equal(35))
            #expect(session.solve().objective.isClose(to: 78_450 + 4_000))
            try session.setBounds(of: VariableID(index: 9), lower: 0, upper: 30)
            let third = session.solve()
            #expect(third.objective.isClose(to: 78_450 + 4_000 + 250))
            // From the second solve's basis: a few pivots, not a solve from scratch.
            let cold = try plain.solve(session.program, options: SolveOptions(presolve: false))
            #expect(third.iterations < cold.iterations, "\(third.iterations) vs \(cold.iterations)")
            #expect(throws: LinearProgramError.self) { try session.setObjective(of: VariableID(index: 999), to: 1) }
            #expect(throws: LinearProgramError.self) { try session.setBounds(of: VariableID(index: 0), lower: .nan, upper: 1) }
        }
        #expect(throws: LinearProgramError.self) {
            try plain.session(KnownModels.sailco(), options: SolveOptions(startingBasis: Basis(variables: [.basic], constraints: [])))
        }
    }
}
