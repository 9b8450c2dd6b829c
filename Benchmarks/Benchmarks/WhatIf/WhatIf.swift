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
}
