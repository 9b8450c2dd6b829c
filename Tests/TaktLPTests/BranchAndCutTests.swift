import Testing
import TaktGLPK
import TaktLP

/// Branch-and-cut's controls: a first incumbent, a node limit that stops at the same point
/// every time, cutting planes, and the relaxation's objective.
@Suite struct BranchAndCutTests {
    let solver = GLPKSolver()

    /// A binary knapsack of `count` items with weights and values from a fixed sequence.
    private func knapsack(_ count: Int) -> LinearProgram {
        var lp = LinearProgram(sense: .maximize)
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 40) % 1000 + 1)
        }
        var terms: [Term] = []
        for i in 0..<count {
            let weight = next(), value = weight + next() / 10
            terms.append(Term(lp.addVariable("item\(i)", kind: .binary, objective: value), weight))
        }
        lp.addConstraint("capacity", terms, .lessOrEqual(terms.reduce(0) { $0 + $1.coefficient } / 2))
        return lp
    }

    @Test func theRelaxationsObjectiveComesWithTheWholeOne() throws {
        let solution = try solver.solve(KnownModels.smallMIP())
        #expect(solution.objective.isClose(to: 20))
        #expect(try #require(solution.relaxationObjective).isClose(to: 21))
        #expect(try solver.solve(KnownModels.sailco()).relaxationObjective == nil)
    }

    @Test func aNodeLimitStopsAtTheSamePointEveryTime() throws {
        let program = KnownModels.marketSplit()
        let options = SolveOptions(nodeLimit: 40)
        let first = try solver.solve(program, options: options)
        let second = try solver.solve(program, options: options)
        // Market split is far from proved in 40 nodes: the limit, not the search, stops it.
        #expect([.nodeLimitFeasible, .iterationLimit].contains(first.status))
        #expect(first.status == second.status && first.values == second.values)
        if first.status == .nodeLimitFeasible {
            for (row, constraint) in program.constraints.enumerated() {
                #expect(first.rowActivities[row].isClose(to: constraint.bounds.lower))
            }
        }
    }

    @Test func anIncumbentIsKeptWhenTheSearchCannotBeatIt() throws {
        let program = knapsack(40)
        let best = try solver.solve(program)
        #expect(best.status == .optimal)
        // With one node, the search keeps the point it was given: the optimum.
        let started = try solver.solve(program, options: SolveOptions(nodeLimit: 1, incumbent: best.values))
        #expect(started.status.hasFeasibleSolution)
        #expect(started.objective.isClose(to: best.objective))
        // A feasible but poor point (nothing packed) is only a start: the result is no worse.
        let empty = [Double](repeating: 0, count: program.variables.count)
        let fromEmpty = try solver.solve(program, options: SolveOptions(nodeLimit: 1, incumbent: empty))
        #expect(fromEmpty.status.hasFeasibleSolution && fromEmpty.objective >= 0)
        // A point of the wrong size is ignored.
        let ignored = try solver.solve(program, options: SolveOptions(incumbent: [1]))
        #expect(ignored.status == .optimal && ignored.objective.isClose(to: best.objective))
    }

    @Test func cutsReachTheSameOptimum() throws {
        let program = knapsack(30)
        var options = SolveOptions()
        options.cuts = true
        let plain = try solver.solve(program)
        let cut = try solver.solve(program, options: options)
        #expect(plain.status == .optimal && cut.status == .optimal)
        #expect(cut.objective.isClose(to: plain.objective))
    }
}
