import Foundation
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

    // 10,000 materials and about 660 sub-assemblies over five levels, 52 weeks: 2,800 products
    // (2,000 finished, the rest sub-assemblies) of a generated plant with 20,000 orders. Each
    // product is made in the week its orders are due (planning 2,800 products first would take
    // minutes); the plan is read from JSON, as `takt materials --plan` reads one.
    let group = ScenarioGenerator(orders: 20_000, products: 2_000, families: 20, periods: 52, materials: 10_000, bomLevels: 5).scenario()
    let groupPlan = orderWeekPlan(group)
    Benchmark("10,000 materials, 5 levels, 52 weeks (20,000 orders, 2,000 products): material plan") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try MaterialPlanner(group).plan(groupPlan)) }
    }
    Benchmark("10,000 materials, 5 levels, 52 weeks: capacity-load table of the plan (baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try CapacityLoadAnalysis(group, plan: groupPlan).table()) }
    }
}

/// A plan that makes each product's orders in the week they are due.
private func orderWeekPlan(_ scenario: Scenario) -> ProductionPlanResult {
    let periods = scenario.horizon.periods
    var made: [String: [Double]] = [:]
    for order in scenario.orders {
        guard let t = scenario.horizon.periodIndex(containing: order.due) else { continue }
        made[order.product, default: [Double](repeating: 0, count: periods.count)][t] += order.quantity
    }
    let rows: [[String: Any]] = scenario.products.flatMap { product in
        periods.indices.map { t -> [String: Any] in
            let q = made[product.id]?[t] ?? 0
            return [
                "product": product.id, "family": product.family, "unit": "U", "period": periods[t].label, "periodIndex": t, "demand": q,
                "production": q, "subcontracted": 0, "delivered": q, "endingInventory": 0, "endingBacklog": 0, "unmet": 0,
            ]
        }
    }
    let costs: [String: Any] = [
        "material": 0, "regularLabor": 0, "overtime": 0, "extraShifts": 0, "subcontracting": 0, "holding": 0, "backlog": 0,
        "lostSales": 0, "hiring": 0, "layoffs": 0, "safetyStock": 0, "revenue": 0,
    ]
    let plan: [String: Any] = [
        "scenario": scenario.name, "status": "optimal", "costs": costs, "objective": 0, "products": rows, "resources": [],
        "subcontracting": [], "actions": [], "orders": [], "contradictions": [], "unmetDemand": 0, "lostSalesQuantity": 0,
        "modelRows": 0, "modelColumns": 0, "routes": [],
    ]
    return try! JSONDecoder().decode(ProductionPlanResult.self, from: JSONSerialization.data(withJSONObject: plan))
}
