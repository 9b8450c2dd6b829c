import Benchmark
import BenchmarkSupport
import Takt

/// The capacity-load table on generated plants: 30 work centers, 200 products of 5 steps,
/// 52 weeks, at S, M and L (1,000, 10,000 and 100,000 orders) and at 200,000 orders, which
/// make 1,000,000 order-operation lines. The floor is one pass
/// over the same lines adding up run hours, with nothing placed in time.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(5),
        maxIterations: 20)

    for orders in [1_000, 10_000, 100_000, 200_000] {
        let scenario = Instances.plant(orders: orders)
        let lines = orders * 5
        Benchmark("\(lines) order-operation lines: sum run hours (floor)") { benchmark in
            var steps: [String: [Double]] = [:]
            for step in scenario.routings { steps[step.product, default: []].append(step.runHours) }
            for _ in benchmark.scaledIterations {
                var total = 0.0
                for order in scenario.orders {
                    for hours in steps[order.product] ?? [] { total += hours * order.quantity }
                }
                blackHole(total)
            }
        }
        Benchmark("\(lines) order-operation lines: capacity-load table by week") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try CapacityLoadAnalysis(scenario).table()) }
        }
    }
}
