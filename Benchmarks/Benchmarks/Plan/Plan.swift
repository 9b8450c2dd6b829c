import Benchmark
import Foundation
import Takt

/// `takt plan` on generated plants (30 work centers, 3 units, 52 weeks). The exact model
/// grows with products × weeks, not with orders, but GLPK's time grows much faster than the
/// model; from 30 products on, the plan is made families first. The baseline is reading and
/// validating the same scenario's CSV files; the whole plan's own baseline, the relaxed plan.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)

    // S, M and L at 200 products (families first), and the exact model at 20 and 40 products;
    // with production runs (`takt generate --setups`) at 20 and 200 products.
    let plants = [(200, 1_000, false), (20, 10_000, false), (40, 10_000, false), (200, 10_000, false), (200, 100_000, false), (20, 1_000, true), (200, 10_000, true)]
    for (products, orders, setups) in plants {
        let runs = setups ? " with setups" : ""
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-bench-\(products)-\(orders)\(setups ? "-setups" : "")").path
        let scenario = ScenarioGenerator(orders: orders, products: products, families: max(1, products / 10), seed: 1, setups: setups).scenario()
        try? ScenarioCSVWriter.write(scenario, to: folder)
        let out = folder + "-out"
        try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

        Benchmark("\(products) products, \(orders) orders\(runs): load and validate (baseline)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ScenarioLoader.load(from: folder)) }
        }
        // The floor: read the scenario's files and write as many bytes as the plan's outputs,
        // doing nothing in between. How far `takt plan` is from pure I/O.
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()) ?? []
        let outputBytes: [(String, Int)] = (try? {
            let plan = try AggregatePlanner(ScenarioLoader.load(from: folder).scenario).plan()
            return [("plan.csv", plan.productsCSV().utf8.count), ("orders.csv", plan.ordersCSV().utf8.count), ("plan.json", try plan.json().utf8.count)]
        }()) ?? []
        Benchmark("\(products) products, \(orders) orders\(runs): read the files, write as many bytes (floor)") { benchmark in
            for _ in benchmark.scaledIterations {
                var total = 0
                for file in files { total += FileManager.default.contents(atPath: folder + "/" + file)?.count ?? 0 }
                blackHole(total)
                for (name, count) in outputBytes { try AtomicFile.write(String(repeating: "x", count: count), to: out + "/floor-" + name) }
            }
        }
        // Whole lots, units and workers (the default), and the relaxed plan they are rounded
        // from: what whole quantities cost in time.
        for quantities in [PlanOptions.Quantities.whole, .relaxed] {
            let label = quantities == .whole ? "" : ", relaxed quantities"
            Benchmark("\(products) products, \(orders) orders\(runs): load, plan, write\(label)") { benchmark in
                for _ in benchmark.scaledIterations {
                    let loaded = try ScenarioLoader.load(from: folder).scenario
                    let plan = try AggregatePlanner(loaded).plan(PlanOptions(quantities: quantities))
                    for (name, text) in [("plan.csv", plan.productsCSV()), ("orders.csv", plan.ordersCSV()), ("plan.json", try plan.json())] {
                        try AtomicFile.write(text, to: out + "/" + name)
                    }
                }
            }
        }
    }
}
