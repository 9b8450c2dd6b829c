import Testing
import TaktGLPK
import TaktLP

/// A solve started from another solve's optimal basis, carried over by name.
@Suite struct StartingBasisTests {
    let solver = GLPKSolver()

    /// Demand (right-hand sides) up 10%: the old optimum is dual feasible, so the dual simplex
    /// gets there in fewer pivots, to the same optimum.
    @Test func changedRightHandSidesSolveFromTheOldBasisInFewerIterations() throws {
        let (program, _) = KnownModels.transportation(size: 40, seed: 11)
        let first = try solver.solve(program, options: SolveOptions(presolve: false))
        let basis = try #require(first.basis)
        #expect(basis.variables.count == 1_600 && basis.constraints.count == 80 && basis.isSquare)

        var changed = program
        for index in 40..<80 { changed.constraints[index].bounds = .greaterOrEqual(changed.constraints[index].bounds.lower * 1.1) }
        for index in 0..<40 { changed.constraints[index].bounds = .lessOrEqual(changed.constraints[index].bounds.upper * 1.2) }
        let cold = try solver.solve(changed, options: SolveOptions(presolve: false))
        let warm = try solver.solve(changed, options: SolveOptions(startingBasis: basis.carried(from: program, to: changed)))
        #expect(cold.status == .optimal && warm.status == .optimal)
        #expect(warm.objective.isClose(to: cold.objective))
        #expect(warm.iterations < cold.iterations / 2, "warm \(warm.iterations) vs cold \(cold.iterations)")
    }

    /// Sailco with a fifth quarter: the new columns start at their bounds, the new row basic,
    /// and the solve still ends at the hand-checked optimum (quarter 5's 30 boats on regular
    /// time at $400 each).
    @Test func aBasisCarriesOverByNameToAProgramWithMoreColumnsAndRows() throws {
        let four = KnownModels.sailco()
        let five = KnownModels.sailco(demand: [40, 60, 75, 25, 30])
        let basis = try #require(try solver.solve(four).basis)
        let carried = basis.carried(from: four, to: five)
        #expect(carried.variables.count == 15 && carried.constraints.count == 5)
        #expect(Array(carried.variables.prefix(12)) == basis.variables)
        #expect(carried.variables.suffix(3).allSatisfy { $0 == .atLower } && carried.constraints[4] == .basic)
        #expect(carried.isSquare)
        let solution = try solver.solve(five, options: SolveOptions(startingBasis: carried))
        #expect(solution.status == .optimal)
        #expect(solution.objective.isClose(to: 78_450 + 30 * 400))
    }

    /// Nothing basic (as when the basic columns of a solved program were removed): the
    /// solver builds its own start instead.
    @Test func aBasisWithTooFewBasicsFallsBackToTheSolversOwnStart() throws {
        let program = KnownModels.sailco()
        let empty = Basis(variables: Array(repeating: .atLower, count: 12), constraints: Array(repeating: .fixed, count: 4))
        #expect(!empty.isSquare)
        let solution = try solver.solve(program, options: SolveOptions(startingBasis: empty))
        #expect(solution.status == .optimal && solution.objective.isClose(to: 78_450))
        #expect(solution.basis?.isSquare == true)
        // Exactly a cold solve (presolve and primal simplex), not a dual simplex from GLPK's
        // advanced basis, which on a 20-product year of weeks took 14 s against 0.6 s.
        #expect(solution == (try solver.solve(program)))
    }

    /// A square but singular basis is dropped, not trusted: x basic with the slacks of rows 1
    /// and 3 leaves row 2 (2y ≤ 12) without a basic entry.
    @Test func aSingularBasisIsReplaced() throws {
        let program = KnownModels.wyndor()
        let singular = Basis(variables: [.basic, .atLower], constraints: [.basic, .atUpper, .basic])
        #expect(singular.isSquare)
        let solution = try solver.solve(program, options: SolveOptions(startingBasis: singular))
        #expect(solution.status == .optimal && solution.objective.isClose(to: 36))
        // One basic too many: not square, so not tried at all.
        let tooMany = Basis(variables: [.basic, .basic], constraints: [.basic, .basic, .basic])
        #expect(!tooMany.isSquare)
        #expect(try solver.solve(program, options: SolveOptions(startingBasis: tooMany)).objective.isClose(to: 36))
    }

    @Test func aBasisOfAnotherSizeIsAnInvalidOption() throws {
        let basis = Basis(variables: [.basic], constraints: [])
        #expect(throws: LinearProgramError.self) { try solver.solve(KnownModels.wyndor(), options: SolveOptions(startingBasis: basis)) }
        #expect(throws: LinearProgramError.self) { try solver.withWarmStart(KnownModels.wyndor(), options: SolveOptions(startingBasis: basis)) { _ in } }
    }

    /// A MIP's relaxation starts from the basis; branch-and-cut carries on from there.
    @Test func aMixedIntegerProgramStartsItsRelaxationFromTheBasis() throws {
        let program = KnownModels.smallMIP()
        var relaxed = program
        for index in relaxed.variables.indices { relaxed.variables[index].kind = .continuous }
        let basis = try #require(try solver.solve(relaxed).basis)
        let solution = try solver.solve(program, options: SolveOptions(startingBasis: basis))
        #expect(solution.objective.isClose(to: 20) && solution.basis == nil)
    }
}
