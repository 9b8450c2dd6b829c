import Benchmark
import BenchmarkSupport
import Foundation
import Takt

/// `takt whatif` on the sample plant: 32 overlays (demand scaled from −15% to +16%, every
/// fourth with a rush order, every eighth with a machining center down for a month) planned
/// in parallel with the base, against one plan of the base alone.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)

    let base = try! ScenarioLoader.load(from: Instances.datasets.appendingPathComponent("sample-plant").path).scenario
    let overlays = (0..<32).map { k in
        var overlay = ScenarioOverlay(name: "what-if \(k + 1)")
        overlay.demand = [ScenarioOverlay.DemandScale(factor: 0.85 + 0.01 * Double(k))]
        if k % 4 == 0 {
            overlay.addOrders = [CustomerOrder(id: "RUSH-\(k)", product: "CP-100", quantity: Double(20 + 5 * k), due: Day(year: 2027, month: 2 + k % 10, day: 12), priority: 1, rush: true)]
        }
        if k % 8 == 0 {
            overlay.machinesDown = [Maintenance(workCenter: "CNC-M", start: Day(year: 2027, month: 3 + k % 9, day: 1), end: Day(year: 2027, month: 3 + k % 9, day: 28), machines: 1)]
        }
        return overlay
    }
    Benchmark("sample plant: one plan (baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try AggregatePlanner(base).plan()) }
    }
    Benchmark("sample plant: base and 32 what-ifs, compared") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try WhatIfAnalysis(base: base, overlays: overlays).run()) }
    }
    Benchmark("sample plant: base and 32 what-ifs, warm start") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try WhatIfAnalysis(base: base, overlays: overlays, warmStart: true).run()) }
    }

    // Small changes to a 10,000-order plan solved in one model: demand up 1% to 8%.
    let plant = ScenarioGenerator(orders: 10_000, products: 20, families: 4, seed: 1).scenario()
    let changes = (1...8).map { k in
        var overlay = ScenarioOverlay(name: "demand +\(k)%")
        overlay.demand = [ScenarioOverlay.DemandScale(factor: 1 + 0.01 * Double(k))]
        return overlay.applied(to: plant)
    }
    Benchmark("10,000 orders, 20 products: one what-if planned cold (baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try AggregatePlanner(changes[0]).plan()) }
    }
    Benchmark("10,000 orders, 20 products: the base cold, then 8 what-ifs re-planned warm") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try AggregatePlanner.warmPlans(base: plant, whatIfs: changes)) }
    }
}
