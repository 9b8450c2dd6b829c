import Benchmark
import TaktSchedule

/// The scheduling engine on generated plants with calendars (two shifts, weekly maintenance)
/// and sequence-dependent setups: 2,000, 20,000 and 200,000 operations (jobs of 10 operations
/// on 10, 100 and 1,000 machines, two machines per operation). The floor is the independent
/// checker's one pass over a schedule; the first schedule is Giffler–Thompson's by most work
/// remaining; the search runs 100 tabu steps from it. Peak memory across the sizes shows
/// whether memory grows linearly with the operations.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(5),
        maxIterations: 20)

    for jobs in [200, 2_000, 20_000] {
        let machines = jobs / 20
        let problem = try! GeneratedShop(jobs: jobs, operationsPerJob: 10, machines: machines, machinesPerOperation: 2).problem()
        let first = try! GifflerThompson().schedule(problem)
        let operations = problem.operations.count
        Benchmark("\(operations) operations, \(machines) machines: check a schedule (floor)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(first.violations(of: problem)) }
        }
        Benchmark("\(operations) operations, \(machines) machines: first schedule") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try GifflerThompson().schedule(problem)) }
        }
        if operations <= 20_000 {
            Benchmark("\(operations) operations, \(machines) machines: 100 tabu steps") { benchmark in
                for _ in benchmark.scaledIterations { blackHole(try TabuSearch(iterations: 100).schedule(problem, from: first)) }
            }
        }
    }
}
