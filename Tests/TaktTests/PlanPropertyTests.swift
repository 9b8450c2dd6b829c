import Foundation
import PropertyBased
import Synchronization
import Testing

@testable import Takt

/// The planner's invariants over random scenarios and policies (x-sheep/swift-property-based
/// makes the inputs and, on a failure, prints the seed that repeats it).
@Suite struct PlanPropertyTests {
    private func isClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    /// A random plant with a random policy: backlog window (nil or 0–3 periods), lost sales,
    /// whole or continuous workers, a subcontractor's lead time, families first or one model.
    private static let inputs = (
        seed: Gen.int(in: 1...100_000), window: Gen.int(in: -1...3), lostSales: Gen.bool, wholeWorkers: Gen.bool,
        leadDays: Gen.int(in: 0...120), familiesFirst: Gen.bool
    )

    private func scenario(seed: Int, window: Int, lostSales: Bool, wholeWorkers: Bool, leadDays: Int) -> Scenario {
        var s = ScenarioFactory.random(seed: UInt64(seed), products: 5, centers: 3, orders: 80)
        s.policy.maxBacklogPeriods = window < 0 ? nil : window
        s.policy.lostSalesAllowed = lostSales
        s.policy.workforce = wholeWorkers ? .integer : .continuous
        for i in s.laborPools.indices { s.laborPools[i].headcount = s.laborPools[i].headcount.rounded() }
        // Lots: multiples of 5 or 10 and a minimum on some products, whole units on the rest.
        for i in s.products.indices where (seed + i) % 3 != 0 {
            s.products[i].lotMultiple = (seed + i) % 3 == 1 ? 5 : 10
            s.products[i].lotMin = (seed + i) % 2 == 0 ? 20 : 0
        }
        s.subcontractors = [Subcontractor(id: "S", name: "S", product: s.products[0].id, capacity: 40, unitCost: 35, leadTimeDays: leadDays)]
        return s
    }

    @Test func everyPlanKeepsItsBalances() async {
        let i = Self.inputs
        await propertyCheck(count: 24, input: i.seed, i.window, i.lostSales, i.wholeWorkers, i.leadDays, i.familiesFirst) {
            seed, window, lostSales, wholeWorkers, leadDays, familiesFirst in
            let s = scenario(seed: seed, window: window, lostSales: lostSales, wholeWorkers: wholeWorkers, leadDays: leadDays)
            #expect(s.validate().filter { $0.severity == .error }.isEmpty)
            let options = PlanOptions(method: familiesFirst ? .familiesFirst : .exact)
            let plan: ProductionPlanResult
            do { plan = try AggregatePlanner(s).plan(options) } catch {
                Issue.record("seed \(seed): \(error)")
                return
            }
            // Capacity: required hours within regular + overtime + extra shift.
            for row in plan.resources {
                #expect(row.requiredHours <= row.availableHours + row.overtimeHours + row.extraShiftHours + 1e-6, "\(row.resource.id) \(row.period)")
            }
            // Stock balance per product and period.
            for product in s.products {
                var stock = product.initialInventory
                for row in plan.products where row.product == product.id {
                    stock += row.production + row.subcontracted - row.delivered
                    #expect(isClose(stock, row.endingInventory), "\(product.id) \(row.period)")
                    #expect(row.production >= -1e-9 && row.endingInventory >= -1e-9)
                }
            }
            // Every ordered unit once: delivered portions plus unmet.
            for order in plan.orders {
                #expect(isClose(order.portions.reduce(0) { $0 + $1.quantity } + order.unmetQuantity, order.quantity), "\(order.order)")
                if let window = s.policy.maxBacklogPeriods { #expect(order.periodsLate <= window, "\(order.order)") }
            }
            // Receipts no earlier than the lead time allows.
            let earliest = s.horizon.range.start.advanced(by: leadDays)
            for line in plan.subcontracting {
                let period = s.horizon.periods.first { $0.label == line.period }!
                #expect(period.end > earliest, "\(line.period) with a lead time of \(leadDays) days")
            }
            // Costs: overtime is what its hours cost, and the categories add up to the total.
            let rates = Dictionary(uniqueKeysWithValues: s.workCenters.map { ($0.id, $0.overtimeCost) } + s.laborPools.map { ($0.id, $0.overtimeCost) })
            #expect(isClose(plan.costs.overtime, plan.resources.reduce(0) { $0 + $1.overtimeHours * rates[$1.resource.id]! }))
            #expect(isClose(plan.costs.lines.reduce(0) { $0 + $1.1 }, plan.costs.total))
            // Whole workers where the policy says so.
            if wholeWorkers {
                for row in plan.resources { if let w = row.workers { #expect(abs(w - w.rounded()) < 1e-6, "\(row.resource.id) \(row.period): \(w)") } }
            }
            // Whole lots and units, at no less than the relaxation's cost where it is a bound.
            let products = Dictionary(uniqueKeysWithValues: s.products.map { ($0.id, $0) })
            // (A plan whose status says a product is not whole keeps its relaxed quantities.)
            for row in plan.products where row.production > 0 && !plan.status.contains("not whole") {
                let product = products[row.product]!
                let lots = row.production / product.quantityStep
                #expect(abs(lots - lots.rounded()) < 1e-9 && row.production >= product.lotMin - 1e-9, "seed \(seed): \(row.product) \(row.period) \(row.production)")
            }
            for line in plan.subcontracting where !plan.status.contains("not whole") {
                #expect(abs(line.quantity - line.quantity.rounded()) < 1e-6, "seed \(seed): \(line.quantity)")
            }
            if !familiesFirst, let bound = plan.relaxedObjective { #expect(plan.objective >= bound - 1e-6 * max(1, abs(bound)), "seed \(seed)") }
            // The same input, the same plan, to the byte.
            let again = try? AggregatePlanner(s).plan(options)
            #expect(again == plan)
        }
    }
}

/// Plans and what-ifs at once on many threads give what each gives alone.
@Suite struct ConcurrentPlanningTests {
    @Test func eightPlansAndWhatIfsAtOnceEqualTheirSoloResults() throws {
        let scenarios = (1...4).map { ScenarioFactory.random(seed: UInt64(100 + $0), products: 4, centers: 3, orders: 60) }
        var scale = ScenarioOverlay(name: "more")
        scale.demand = [ScenarioOverlay.DemandScale(factor: 1.2)]
        let overlays = [scale]
        let jobs: [@Sendable () throws -> [ProductionPlanResult]] = scenarios.flatMap { s -> [@Sendable () throws -> [ProductionPlanResult]] in
            [
                { @Sendable in [try AggregatePlanner(s).plan()] },
                { @Sendable in try WhatIfAnalysis(base: s, overlays: overlays, warmStart: true).run().outcomes.map(\.plan) },
            ]
        }
        let solo = try jobs.map { try $0() }
        let slots = Mutex([Result<[ProductionPlanResult], any Error>?](repeating: nil, count: jobs.count))
        let threads = (0..<jobs.count).map { i in
            Thread {
                let result = Result { try jobs[i]() }
                slots.withLock { $0[i] = result }
            }
        }
        for thread in threads { thread.stackSize = 8 << 20 }
        threads.forEach { $0.start() }
        while slots.withLock({ $0.contains { $0 == nil } }) { Thread.sleep(forTimeInterval: 0.01) }
        let together = slots.withLock { $0 }
        for i in jobs.indices { #expect((try? together[i]?.get()) == solo[i], "job \(i)") }
    }
}
