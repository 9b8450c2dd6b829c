import Benchmark
import Foundation
import Takt

/// `takt decompose` on a generated plant of 2,000 products in 20 families, 5 units and 30
/// work centers (50,000 orders make its sales plan), down to weeks. The baseline is the same
/// decomposition split by sales, which solves no model: what the capacity-aware split adds is
/// the linear programs: the family plan, then each family's products (by week: the months,
/// then each month's weeks with the next as a look-ahead).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 3)

    // S, M and L: 200 products in 20 families, 5 units, sales plans from 1,000, 10,000 and
    // 100,000 orders, by week.
    for (size, orders) in [("S", 1_000), ("M", 10_000), ("L", 100_000)] {
        let plant = ScenarioGenerator(orders: orders, products: 200, families: 20, units: 5, seed: 1).scenario()
        Benchmark("\(size), \(orders) orders, 200 products, by week: split by sales (baseline)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try PlanDecomposer(plant).decompose(DecompositionOptions(to: .week, method: .sales))) }
        }
        Benchmark("\(size), \(orders) orders, 200 products, by week: capacity-aware, families first") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try PlanDecomposer(plant).decompose(DecompositionOptions(to: .week, method: .capacity, capacityModel: .families)))
            }
        }
    }

    let scenario = ScenarioGenerator(orders: 50_000, products: 2_000, families: 20, units: 5, seed: 1).scenario()
    Benchmark("2000 products, 5 units, by week: split by sales (baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .week, method: .sales))) }
    }
    Benchmark("2000 products, 5 units, by week: capacity-aware, families first") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .week, method: .capacity, capacityModel: .families)))
        }
    }
    Benchmark("2000 products, 5 units, by week: capacity-aware, families first, one thread") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .week, method: .capacity, capacityModel: .families, threads: 1)))
        }
    }
    Benchmark("2000 products, 5 units, by month: capacity-aware, families first") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .month, method: .capacity, capacityModel: .families)))
        }
    }
}
