import Benchmark
import BenchmarkSupport
import Takt

/// Shop-floor schedules of scenarios: the sample plant's first month from its plan, and
/// generated plants of 1,000, 4,000 and 10,000 orders over four weeks (3,915, 15,578 and
/// 38,554 operations, 30 work centers, labor pools, setups), scheduled from their orders. The
/// floor is building the scheduling problem (lots, machine calendars, setups, crews); the
/// first schedule is the automatic construction's (Giffler–Thompson's by ATCS up to 5,000
/// operations, list scheduling beyond), and at 1,000 orders both; the search runs 20 tabu
/// steps.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(10),
        maxIterations: 10)

    let sample = try! ScenarioLoader.load(from: Instances.datasets.appendingPathComponent("sample-plant").path).scenario
    let plan = try! AggregatePlanner(sample).plan(PlanOptions())
    let month = ShopWindow(firstPeriodOf: sample.horizon)
    let planLots = ProductionLot.lots(of: plan, scenario: sample, window: month)
    let overtime = ShopFloorScheduler.overtime(of: plan, scenario: sample)
    Benchmark("sample plant, first month: build the problem (floor)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ShopFloorModel(sample, lots: planLots, window: month, overtimeHours: overtime)) }
    }
    Benchmark("sample plant, first month: first schedule") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ShopFloorScheduler(iterations: 0).schedule(sample, lots: planLots, window: month, overtimeHours: overtime))
        }
    }
    Benchmark("sample plant, first month: 20 tabu steps") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ShopFloorScheduler(iterations: 20, timeLimit: 600).schedule(sample, lots: planLots, window: month, overtimeHours: overtime))
        }
    }

    for orders in [1_000, 4_000, 10_000] {
        let scenario = ScenarioGenerator(orders: orders, periods: 4, setups: true).scenario()
        let window = ShopWindow(start: scenario.horizon.start, days: 28)
        let lots = ProductionLot.lots(ofOrders: scenario, window: window)
        Benchmark("\(orders) orders over 4 weeks: build the problem (floor)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ShopFloorModel(scenario, lots: lots, window: window)) }
        }
        Benchmark("\(orders) orders over 4 weeks: first schedule") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try ShopFloorScheduler(iterations: 0).schedule(scenario, lots: lots, window: window, source: .orders))
            }
        }
        if orders == 1_000 {
            for construction in [ShopFloorScheduler.Construction.gifflerThompson, .list] {
                Benchmark("\(orders) orders over 4 weeks: first schedule by \(construction.rawValue)") { benchmark in
                    for _ in benchmark.scaledIterations {
                        blackHole(try ShopFloorScheduler(iterations: 0, construction: construction).schedule(scenario, lots: lots, window: window, source: .orders))
                    }
                }
            }
        }
    }
}
