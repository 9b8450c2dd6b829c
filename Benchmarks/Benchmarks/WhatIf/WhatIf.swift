import Benchmark
import BenchmarkSupport
import Foundation
import Takt

/// `takt whatif` on the sample plant: 32 overlays (demand scaled from −15% to +16%, every
/// fourth with a rush order, every eighth with a machining center down for a month) planned
/// with the base, cold in parallel and warm (in two chains from the base's basis), against
/// one plan of the base alone.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)

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
    // What keeping the base costs: the same what-ifs each planned as alone.
    Benchmark("sample plant: base and 32 what-ifs, compared, as alone") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try WhatIfAnalysis(base: base, overlays: overlays, keepsBase: false).run()) }
    }
    Benchmark("sample plant: base and 32 what-ifs, warm start, as alone") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try WhatIfAnalysis(base: base, overlays: overlays, warmStart: true, keepsBase: false).run())
        }
    }

    // S, M and L: small changes to generated plants of 20 products (one model each), demand
    // up 1% to 8%: one of them planned cold, against the base and all eight planned warm.
    for (size, orders) in [("S", 1_000), ("M", 10_000), ("L", 100_000)] {
        let plant = ScenarioGenerator(orders: orders, products: 20, families: 4, seed: 1).scenario()
        let changes = (1...8).map { k in
            var overlay = ScenarioOverlay(name: "demand +\(k)%")
            overlay.demand = [ScenarioOverlay.DemandScale(factor: 1 + 0.01 * Double(k))]
            return overlay
        }
        let first = changes[0].applied(to: plant)
        Benchmark("\(size), \(orders) orders, 20 products: one what-if planned cold (baseline)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try AggregatePlanner(first).plan()) }
        }
        Benchmark("\(size), \(orders) orders, 20 products: the base and 8 what-ifs, warm start") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try WhatIfAnalysis(base: plant, overlays: changes, warmStart: true).run()) }
        }
    }
}
