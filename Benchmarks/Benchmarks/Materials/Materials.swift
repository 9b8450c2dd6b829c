import Benchmark
import BenchmarkSupport
import Takt

/// Material requirements planning of a plan: the sample plant's (9 materials, 31 bill of
/// materials lines, monthly) and a generated plant's (10,000 orders, 200 products, 52 weeks,
/// 500 materials, three levels through 40 sub-assemblies). The baseline in the same run is
/// the capacity-load table of the same plan, which explodes the plan through the routings as
/// MRP explodes it through the bills of materials.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(10),
        maxIterations: 10)

    let sample = try! ScenarioLoader.load(from: Instances.datasets.appendingPathComponent("sample-plant").path).scenario
    let samplePlan = try! AggregatePlanner(sample).plan(PlanOptions())
    Benchmark("sample plant: material plan") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try MaterialPlanner(sample).plan(samplePlan)) }
    }
    Benchmark("sample plant: capacity-load table of the plan (baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try CapacityLoadAnalysis(sample, plan: samplePlan).table()) }
    }

    let large = ScenarioGenerator(orders: 10_000, products: 200, periods: 52, materials: 500, bomLevels: 3).scenario()
    let largePlan = try! AggregatePlanner(large).plan(PlanOptions(quantities: .relaxed))
    Benchmark("10000 orders, 500 materials, 3 levels, 52 weeks: material plan") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try MaterialPlanner(large).plan(largePlan)) }
    }
    Benchmark("10000 orders, 500 materials, 3 levels, 52 weeks: capacity-load table of the plan (baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try CapacityLoadAnalysis(large, plan: largePlan).table()) }
    }
}
