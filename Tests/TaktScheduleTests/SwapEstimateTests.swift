import Testing
@testable import TaktSchedule

/// Taillard's estimate against the timing pass on seeded random shops with releases, lags
/// and setups: it is the longest path through the two swapped operations, so it never
/// exceeds the makespan after the swap, and it is that makespan whenever it reaches the
/// makespan before it (no path avoiding the two can be longer than that).
@Suite struct SwapEstimateTests {
    static func shop(seed: UInt64) -> ShopProblem {
        var random = SeededRandom(seed: seed)
        let machines = 4
        let routes = (0..<6).map { _ in (0..<machines).map { _ in (machine: random.below(machines), duration: 1 + random.below(9)) } }
        var problem = ShopProblem(jobShop: routes, machineCount: machines)
        for o in problem.operations.indices { problem.operations[o].setupFamily = random.below(2) }
        for j in problem.jobs.indices { problem.jobs[j].release = random.below(6) }
        problem.setupTimes = SetupTimes(matrix: [[0, 2], [3, 0]])
        let job = problem.jobs[1].operations
        problem.precedences = [.init(before: job[0], after: job[1], minLag: 1 + random.below(4))]
        return problem
    }

    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func theEstimateIsTheLongestPathThroughTheSwappedPair(seed: UInt64) throws {
        let problem = Self.shop(seed: seed)
        let timing = ShopTiming(problem)
        #expect(SwapEstimate.applies(to: timing, objective: .makespan))
        #expect(!SwapEstimate.applies(to: timing, objective: .weightedTardiness))
        let start = try GifflerThompson().schedule(problem)
        let sequences = MachineSequences(start, machineCount: problem.machineCount)
        let durations = TabuSearch.durations(problem, sequences)
        let times = try #require(timing.times(sequences, durations: durations))
        let makespan = times.end.max()!
        var estimate = SwapEstimate(timing: timing)
        estimate.update(sequences, durations: durations, times: times)
        var exact = 0
        for (m, order) in sequences.order.enumerated() where order.count > 1 {
            for k in 0..<(order.count - 1) {
                var swapped = sequences
                swapped.order[m].swapAt(k, k + 1)
                guard let after = timing.times(swapped, durations: durations) else { continue }  // a cycle
                let estimated = estimate.makespan(swapping: order[k], order[k + 1], durations: durations, times: times)
                let actual = after.end.max()!
                #expect(estimated <= actual, "seed \(seed), machine \(m), position \(k)")
                if estimated >= makespan {
                    #expect(estimated == actual, "seed \(seed), machine \(m), position \(k)")
                    exact += 1
                }
            }
        }
        #expect(exact > 0)
    }
}
