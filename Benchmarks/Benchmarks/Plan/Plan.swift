import Benchmark
import Takt

/// `takt plan`'s optimisation on generated plants (30 work centers, 3 units, 52 weeks). The
/// model grows with products × weeks, not with orders; GLPK's time grows much faster than
/// the model, which these sizes show. The baseline is the capacity-load table of the same
/// scenario.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0, maxDuration: .seconds(20), maxIterations: 5)

    for (products, orders) in [(10, 1_000), (20, 10_000), (40, 10_000)] {
        let scenario = ScenarioGenerator(orders: orders, products: products, families: max(1, products / 10), seed: 1).scenario()
        Benchmark("\(products) products, \(orders) orders: capacity-load table (baseline)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try CapacityLoadAnalysis(scenario).table()) }
        }
        Benchmark("\(products) products, \(orders) orders: aggregate plan") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try AggregatePlanner(scenario).plan()) }
        }
    }
}
