import Dispatch
import Synchronization
import Testing
import TaktGLPK
import TaktLP

@Suite struct ConcurrencyTests {
    /// GLPK keeps its state per thread; sixteen solves on the pool's threads must each give
    /// their own model's answer.
    @Test func solvesOnManyThreadsAtOnce() {
        let count = 16
        let results = Mutex([Double?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            // Demand scaled by (1 + i/10) in the last quarter; one model per thread.
            let program = KnownModels.sailco(demand: [40, 60, 75, 25 + Double(i)])
            let objective = try? GLPKSolver().solve(program).objective
            results.withLock { $0[i] = objective }
        }
        let objectives = results.withLock { $0 }
        for i in 0..<count {
            // Each extra boat in quarter 4 is made on idle regular time (25 + i ≤ 40) at 400,
            // then on overtime at 450.
            let extra = Double(min(i, 15)) * 400
            #expect(objectives[i]?.isClose(to: 78_450 + extra) == true, "model \(i): \(String(describing: objectives[i]))")
        }
    }

    @Test func foodAndMIPInParallelTasks() async throws {
        let solver = GLPKSolver()
        let answers = try await withThrowingTaskGroup(of: (Int, Double).self) { group in
            for i in 0..<12 {
                group.addTask {
                    let program = i.isMultiple(of: 2) ? KnownModels.foodManufacture() : KnownModels.smallMIP()
                    return (i, try solver.solve(program).objective)
                }
            }
            return try await group.reduce(into: [Int: Double]()) { $0[$1.0] = $1.1 }
        }
        #expect(answers.count == 12)
        for (i, objective) in answers {
            #expect(objective.isClose(to: i.isMultiple(of: 2) ? 107_842.592_5 : 20, tolerance: 1e-6))
        }
    }
}
