import Benchmark
import BenchmarkSupport
import Dispatch
import Foundation
import Takt

/// `takt sweep`: 256 what-ifs of the sample plant (demand 0.8 to 1.175 × four overtime
/// policies × subcontracting offered or withdrawn × two holding costs) and 64 of a generated
/// 10,000-order plant, in one process on every core and as two shards run at once, against
/// a loop of cold plans, one per point (what a loop of `takt plan --scenario` calls does, less
/// starting the process and reading the files).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)

    let plant = try! ScenarioLoader.load(from: Instances.datasets.appendingPathComponent("sample-plant").path).scenario
    func overtime(_ factor: Double, _ base: Scenario) -> ScenarioOverlay {
        var overlay = ScenarioOverlay(name: "overtime ×\(factor)")
        overlay.workCenters = base.workCenters.map { .init(id: $0.id, overtimeHoursMax: factor == 0 ? 0 : $0.overtimeHoursMax * factor) }
        overlay.laborPools = base.laborPools.map { .init(id: $0.id, overtimeHoursMax: factor == 0 ? 0 : $0.overtimeHoursMax * factor) }
        return overlay
    }
    func demand(_ factor: Double) -> ScenarioOverlay {
        var overlay = ScenarioOverlay(name: "demand ×\(factor)")
        overlay.demand = [.init(factor: factor)]
        return overlay
    }
    func sweep(_ base: Scenario, _ axes: [[ScenarioOverlay]]) -> Sweep {
        let points = Sweep.grid(axes).enumerated().map { Sweep.Point(index: $0, coordinates: $1.coordinates, overlay: $1.overlay) }
        let parameters = axes.enumerated().map { Sweep.Parameter(name: "axis \($0.offset)", values: $0.element.map(\.name)) }
        return Sweep(name: "benchmark", base: base, parameters: parameters, points: points, contentHash: "benchmark")
    }
    var withdrawn = ScenarioOverlay(name: "SC-NB withdrawn")
    withdrawn.subcontractorsUnavailable = ["SC-NB"]
    var dearer = ScenarioOverlay(name: "holding ×1.5")
    dearer.products = plant.products.map { .init(id: $0.id, holdingCost: $0.holdingCost * 1.5) }
    let sample = sweep(plant, [
        (0..<16).map { demand(0.8 + 0.025 * Double($0)) }, [0, 0.5, 1, 2].map { overtime($0, plant) },
        [ScenarioOverlay(name: "offered"), withdrawn], [ScenarioOverlay(name: "holding ×1"), dearer],
    ])
    let relaxed = PlanOptions(quantities: .relaxed)

    func loop(_ sweep: Sweep, _ options: PlanOptions) throws -> Double {
        var total = 0.0
        for point in sweep.points { total += try AggregatePlanner(point.overlay.applied(to: sweep.base)).plan(options).costs.total }
        return total
    }
    func twoShards(_ sweep: Sweep, _ options: PlanOptions) throws -> SweepResults {
        let run = SweepRun(sweep, options: options)
        nonisolated(unsafe) var shards: [SweepShardResult?] = [nil, nil]
        DispatchQueue.concurrentPerform(iterations: 2) { i in shards[i] = try? run.shard(i, of: 2) }
        return try SweepResults.merge(shards.enumerated().map { (source: "shard \($0.offset)", shard: $0.element!) })
    }

    Benchmark("sample plant, 256 points, relaxed: a cold plan per point, in a loop (baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try loop(sample, relaxed)) }
    }
    Benchmark("sample plant, 256 points, relaxed: takt sweep, one process") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SweepRun(sample, options: relaxed).results()) }
    }
    Benchmark("sample plant, 256 points, relaxed: 2 shards at once, merged") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try twoShards(sample, relaxed)) }
    }

    // Whole plans (the default), on 32 points: demand 0.85 to 1.0 × overtime as given or none.
    let whole = sweep(plant, [(0..<16).map { demand(0.85 + 0.01 * Double($0)) }, [overtime(1, plant), overtime(0, plant)]])
    Benchmark("sample plant, 32 points, whole: a cold plan per point, in a loop (baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try loop(whole, PlanOptions())) }
    }
    Benchmark("sample plant, 32 points, whole: takt sweep, one process") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SweepRun(whole).results()) }
    }

    // 10,000 orders, 20 products (one model each): demand 0.9 to 1.21 × overtime as given or halved.
    let large = ScenarioGenerator(orders: 10_000, products: 20, families: 4, seed: 1).scenario()
    let sixtyFour = sweep(large, [(0..<32).map { demand(0.9 + 0.01 * Double($0)) }, [overtime(1, large), overtime(0.5, large)]])
    Benchmark("10,000 orders, 64 points, relaxed: a cold plan per point, in a loop (baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try loop(sixtyFour, relaxed)) }
    }
    Benchmark("10,000 orders, 64 points, relaxed: takt sweep, one process") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SweepRun(sixtyFour, options: relaxed).results()) }
    }
    Benchmark("10,000 orders, 64 points, relaxed: 2 shards at once, merged") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try twoShards(sixtyFour, relaxed)) }
    }
}
