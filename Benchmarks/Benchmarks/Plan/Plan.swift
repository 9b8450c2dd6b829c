import Benchmark
import Foundation
import Takt

/// `takt plan` on generated plants (30 work centers, 3 units, 52 weeks). The exact model
/// grows with products × weeks, not with orders, but GLPK's time grows much faster than the
/// model; from 30 products on, the plan is made families first. The baseline is reading and
/// validating the same scenario's CSV files.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)

    for (products, orders) in [(20, 10_000), (40, 10_000), (200, 10_000), (200, 100_000)] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-bench-\(products)-\(orders)").path
        let scenario = ScenarioGenerator(orders: orders, products: products, families: max(1, products / 10), seed: 1).scenario()
        try? ScenarioCSVWriter.write(scenario, to: folder)
        let out = folder + "-out"
        try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

        Benchmark("\(products) products, \(orders) orders: load and validate (baseline)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ScenarioLoader.load(from: folder)) }
        }
        Benchmark("\(products) products, \(orders) orders: load, plan, write") { benchmark in
            for _ in benchmark.scaledIterations {
                let loaded = try ScenarioLoader.load(from: folder).scenario
                let plan = try AggregatePlanner(loaded).plan()
                for (name, text) in [("plan.csv", plan.productsCSV()), ("orders.csv", plan.ordersCSV()), ("plan.json", try plan.json())] {
                    try AtomicFile.write(text, to: out + "/" + name)
                }
            }
        }
    }
}
