import Testing
import TaktGLPK
import TaktLP

/// Small models with known answers; every solver backend must pass these.
@Suite struct ConformanceTests {
    let solver = GLPKSolver()

    @Test func sailcoReachesWinstonsOptimum() throws {
        let solution = try solver.solve(KnownModels.sailco())
        #expect(solution.status == .optimal)
        #expect(solution.objective.isClose(to: 78_450))
        // Winston's plan: 40 regular every quarter, overtime 10 and 35 in quarters 2 and 3.
        let program = KnownModels.sailco()
        let overtime = program.variables.indices.filter { program.variables[$0].name.hasPrefix("overtime") }
        #expect(overtime.map { solution.values[$0] }.map { $0.rounded() } == [0, 10, 35, 0])
    }

    @Test func foodManufactureReachesWilliamsOptimum() throws {
        let solution = try solver.solve(KnownModels.foodManufacture())
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 107_842.59) / 107_842.59 <= 1e-6)
    }

    @Test func wyndorGivesShadowPricesAndReducedCosts() throws {
        let solution = try solver.solve(KnownModels.wyndor())
        #expect(solution.status == .optimal)
        #expect(solution.objective.isClose(to: 36))
        #expect(solution.values[0].isClose(to: 2) && solution.values[1].isClose(to: 6))
        let prices = try #require(solution.shadowPrices)
        #expect(prices[0].isClose(to: 0) && prices[1].isClose(to: 1.5) && prices[2].isClose(to: 1))
        let reduced = try #require(solution.reducedCosts)
        #expect(reduced.allSatisfy { $0.isClose(to: 0) })
        #expect(solution.rowActivities[2].isClose(to: 18))
        // The program evaluates a point the same way the solver reports it.
        let program = KnownModels.wyndor()
        #expect(program.objectiveValue(at: solution.values).isClose(to: solution.objective))
        #expect(program.activity(of: ConstraintID(index: 2), at: solution.values).isClose(to: solution.rowActivities[2]))
    }

    @Test func reducedCostOfAnUnusedColumn() throws {
        // min 2x + 3y, x + y ≥ 4: x = 4 at cost 8; y's reduced cost is 3 − 2 = 1.
        var lp = LinearProgram()
        let x = lp.addVariable("x", objective: 2)
        let y = lp.addVariable("y", objective: 3)
        let cover = lp.addConstraint("cover", [Term(x, 1), Term(y, 1)], .greaterOrEqual(4))
        let solution = try solver.solve(lp)
        #expect(solution.objective.isClose(to: 8))
        #expect(solution.reducedCost(y)?.isClose(to: 1) == true)
        #expect(solution.shadowPrice(cover)?.isClose(to: 2) == true)
    }

    @Test func smallMIPRoundsBelowItsRelaxation() throws {
        let solution = try solver.solve(KnownModels.smallMIP())
        #expect(solution.status == .optimal)
        #expect(solution.objective.isClose(to: 20))
        #expect(solution.values == [4, 0])
        #expect(solution.shadowPrices == nil)
        var relaxed = KnownModels.smallMIP()
        for i in relaxed.variables.indices { relaxed.variables[i].kind = .continuous }
        #expect(try solver.solve(relaxed).objective.isClose(to: 21))
    }

    @Test func binaryKnapsack() throws {
        // weights 12, 2, 1, 1, 4; values 4, 2, 1, 2, 10; capacity 15 → 15 (all but the first).
        var lp = LinearProgram(sense: .maximize)
        let items = zip([12.0, 2, 1, 1, 4], [4.0, 2, 1, 2, 10]).enumerated().map { i, item in
            (lp.addVariable("item\(i)", kind: .binary, objective: item.1), item.0)
        }
        lp.addConstraint("capacity", items.map { Term($0.0, $0.1) }, .lessOrEqual(15))
        let solution = try solver.solve(lp)
        #expect(solution.objective.isClose(to: 15))
        #expect(solution.values == [0, 1, 1, 1, 1])
    }

    @Test func infeasibleLPIsAStatus() throws {
        var lp = LinearProgram()
        let x = lp.addVariable("x", objective: 1)
        lp.addConstraint("atLeast5", [Term(x, 1)], .greaterOrEqual(5))
        lp.addConstraint("atMost3", [Term(x, 1)], .lessOrEqual(3))
        let solution = try solver.solve(lp)
        #expect(solution.status == .infeasible)
        #expect(solution.values.isEmpty)
        // The same without the presolver.
        #expect(try solver.solve(lp, options: SolveOptions(presolve: false)).status == .infeasible)
    }

    @Test func infeasibleMIPIsAStatus() throws {
        // 2x = 3 has no whole solution although its relaxation does.
        var lp = LinearProgram()
        let x = lp.addVariable("x", upperBound: 10, kind: .integer, objective: 1)
        lp.addConstraint("odd", [Term(x, 2)], .equal(3))
        #expect(try solver.solve(lp).status == .infeasible)
    }

    @Test func unboundedLPIsAStatus() throws {
        var lp = LinearProgram(sense: .maximize)
        let x = lp.addVariable("x", objective: 1)
        let y = lp.addVariable("y", objective: 1)
        lp.addConstraint("gap", [Term(x, 1), Term(y, -1)], .lessOrEqual(1))
        #expect(try solver.solve(lp).status == .unbounded)
        #expect(try solver.solve(lp, options: SolveOptions(presolve: false)).status == .unbounded)
    }

    @Test func degenerateLPDoesNotCycle() throws {
        let solution = try solver.solve(KnownModels.beale())
        #expect(solution.status == .optimal)
        #expect(solution.objective.isClose(to: -0.05))
        #expect(solution.values[0].isClose(to: 0.04) && solution.values[2].isClose(to: 1))
    }

    @Test func emptyModelIsOptimalAtItsConstant() throws {
        var lp = LinearProgram()
        lp.objectiveConstant = 12.5
        let solution = try solver.solve(lp)
        #expect(solution.status == .optimal)
        #expect(solution.objective == 12.5)
        #expect(solution.values.isEmpty)
    }

    @Test func modelWithoutRowsSitsOnItsBounds() throws {
        var lp = LinearProgram()
        lp.addVariable("x", lowerBound: 2, upperBound: 5, objective: 1)
        lp.addVariable("y", lowerBound: -3, upperBound: 4, objective: -2)
        let solution = try solver.solve(lp)
        #expect(solution.status == .optimal)
        #expect(solution.values == [2, 4])
        #expect(solution.objective.isClose(to: -6))
    }

    @Test func rangedAndFreeRowsAndConstant() throws {
        // min x + y + 10, 3 ≤ x + y ≤ 8, x − y free (reported only), x ≥ 1 → 13.
        var lp = LinearProgram()
        lp.objectiveConstant = 10
        let x = lp.addVariable("x", lowerBound: 1, objective: 1)
        let y = lp.addVariable("y", objective: 1)
        lp.addConstraint("band", [Term(x, 1), Term(y, 1)], .range(3, 8))
        lp.addConstraint("spread", [Term(x, 1), Term(y, -1)], .free)
        let solution = try solver.solve(lp)
        #expect(solution.objective.isClose(to: 13))
        #expect(solution.rowActivities[0].isClose(to: 3))
    }

    @Test func timeLimitedMIPStopsInTime() throws {
        let program = KnownModels.marketSplit()
        let clock = ContinuousClock()
        var solution = Solution(status: .optimal)
        let elapsed = try clock.measure {
            solution = try solver.solve(program, options: SolveOptions(timeLimit: 0.3))
        }
        #expect([.timeLimitFeasible, .timeLimitNoSolution].contains(solution.status))
        #expect(elapsed < .seconds(10))
        if solution.status == .timeLimitFeasible {
            for (row, constraint) in program.constraints.enumerated() {
                #expect(solution.rowActivities[row].isClose(to: constraint.bounds.lower))
            }
        }
    }

    @Test func iterationLimitIsAStatus() throws {
        let options = SolveOptions(iterationLimit: 1, presolve: false)
        #expect(try solver.solve(KnownModels.foodManufacture(), options: options).status == .iterationLimit)
    }

    @Test func relativeGapStopsBranchAndCutEarly() throws {
        // A 50% gap accepts the first integer point; it must still be feasible.
        let solution = try solver.solve(KnownModels.smallMIP(), options: SolveOptions(relativeGap: 0.5))
        #expect(solution.status == .optimal)
        #expect(solution.rowActivities[0] <= 24 + 1e-9 && solution.rowActivities[1] <= 6 + 1e-9)
    }
}

extension Double {
    func isClose(to other: Double, tolerance: Double = 1e-7) -> Bool {
        abs(self - other) <= tolerance * max(1, abs(other))
    }
}
