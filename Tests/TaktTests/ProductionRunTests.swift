import Foundation
import PropertyBased
import Testing

@testable import Takt

/// Production runs with setups: Wagner–Whitin cases against their dynamic programme, a
/// capacitated case by hand, and invariants on generated plants with setups.
@Suite struct ProductionRunTests {
    private func isClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    /// One product on one work center, made per run: no lots, no backlog, no labor, a setup
    /// cost K, holding h, demand d[t] by month. Ten machines on one 8-hour shift give some
    /// 1,600 hours a month, more than all the demand of the uncapacitated cases.
    private func oneProduct(demand: [Double], setupCost: Double, holding: Double, setupHours: Double = 0, machines: Int = 10) -> Scenario {
        var s = ScenarioFactory.small(machines: machines, shifts: 1, hoursPerShift: 8, efficiency: 1, periods: demand.count)
        s.products[0].setupCost = setupCost
        s.products[0].holdingCost = holding
        s.products[0].unitCost = 7
        s.workCenters[0].overtimeHoursMax = 0
        s.workCenters[0].extraShiftCost = nil
        s.routings = [RoutingStep(product: "P", step: 10, workCenter: "W", runHours: 1, setupHours: setupHours)]
        s.laborPools = []
        s.policy.backlogAllowed = false
        s.orders = demand.enumerated().compactMap { t, d in
            d > 0 ? CustomerOrder(id: "O\(t)", product: "P", quantity: d, due: s.horizon.periods[t].end.advanced(by: -1)) : nil
        }
        return s
    }

    /// Wagner–Whitin: f(t) = min over j ≤ t of f(j−1) + K + Σ_{j≤τ≤t} h·(τ−j)·d[τ], a run in j
    /// making the demand of j…t; plus the unit cost of all demand.
    private func wagnerWhitin(_ demand: [Double], setupCost: Double, holding: Double, unitCost: Double) -> Double {
        var best = [Double](repeating: .infinity, count: demand.count + 1)
        best[0] = 0
        for t in 1...demand.count {
            if demand[t - 1] == 0 { best[t] = min(best[t], best[t - 1]) }
            for j in 1...t {
                guard demand[j - 1] > 0 || j == t else { continue }
                let carried = (j...t).reduce(0.0) { $0 + holding * Double($1 - j) * demand[$1 - 1] }
                best[t] = min(best[t], best[j - 1] + setupCost + carried)
            }
        }
        return best[demand.count] + unitCost * demand.reduce(0, +)
    }

    /// A hand case: K = 100, h = 1, demand 60, 40, 0, 70, 10, 60. Runs in 1 (for 1 and 2: 40 held
    /// once, 140 against two runs' 200), 4 (for 4 and 5: 110 against 200) and 6 (holding its 60
    /// twice from 4 costs 120): 3 runs 300 + holding 50 + units 7·240.
    @Test func wagnerWhitinByHand() throws {
        let demand: [Double] = [60, 40, 0, 70, 10, 60]
        #expect(wagnerWhitin(demand, setupCost: 100, holding: 1, unitCost: 7) == 300 + 50 + 7 * 240)
        let plan = try AggregatePlanner(oneProduct(demand: demand, setupCost: 100, holding: 1)).plan(PlanOptions(method: .exact))
        #expect(isClose(plan.objective, 300 + 50 + 7 * 240), "objective \(plan.objective)")
        #expect(plan.products.map(\.production) == [100, 0, 0, 80, 0, 60])
        #expect(plan.costs.setups == 300)
        #expect(isClose(plan.costs.total, plan.objective))
    }

    /// Over random uncapacitated single products, the whole plan's cost is the dynamic
    /// programme's optimum.
    @Test func wagnerWhitinOverRandomDemand() async {
        await propertyCheck(count: 20, input: Gen.int(in: 1...1_000_000)) { seed in
            var random = SeededRandom(seed: UInt64(seed))
            let periods = Int.random(in: 3...8, using: &random)
            let demand = (0..<periods).map { _ in Bool.random(using: &random) ? 0 : Double(Int.random(in: 1...60, using: &random)) }
            let setupCost = Double(Int.random(in: 10...300, using: &random))
            let holding = Double(Int.random(in: 1...5, using: &random))
            let expected = wagnerWhitin(demand, setupCost: setupCost, holding: holding, unitCost: 7)
            let plan = try! AggregatePlanner(oneProduct(demand: demand, setupCost: setupCost, holding: holding)).plan(PlanOptions(method: .exact))
            #expect(isClose(plan.objective, expected), "seed \(seed): \(plan.objective) vs \(expected), demand \(demand)")
        }
    }

    /// Capacity C per period, run 1 h, setup 10 h, C − 5 units due in the second period: one
    /// run cannot make them (C + 5 h), so a second run in the first period makes 5 of them,
    /// held one period. Without the run's setup the plan would make all in the second period.
    @Test func aSetupMovesProductionToAnotherPeriod() throws {
        var s = oneProduct(demand: [0, 1], setupCost: 50, holding: 2, setupHours: 10, machines: 1)
        let capacity = ResourceHours(s).regular[0]
        s.orders[0].quantity = capacity[1] - 5
        let plan = try AggregatePlanner(s).plan(PlanOptions(method: .exact))
        #expect(plan.products.map(\.production) == [5, capacity[1] - 10])
        #expect(plan.costs.setups == 100)
        #expect(isClose(plan.objective, 100 + 2 * 5 + 7 * (capacity[1] - 5)))
        #expect(plan.unmetDemand == 0)
        // Each period's hours: the run hours and one setup.
        #expect(plan.resources.map(\.requiredHours) == [15, capacity[1]])
    }

    /// Setup hours given with no lot size count: one period, C − 5 units, setup 10 h → C + 5
    /// h needed, in the plan and in the load table of the orders alike.
    @Test func setupHoursWithoutALotSizeAreCounted() throws {
        var s = oneProduct(demand: [1], setupCost: 0, holding: 1, setupHours: 10, machines: 1)
        let capacity = ResourceHours(s).regular[0][0]
        s.orders[0].quantity = capacity - 5
        s.policy.lostSalesAllowed = true
        s.products[0].lostSaleCost = 1000
        let plan = try AggregatePlanner(s).plan(PlanOptions(method: .exact))
        // It cannot all be made: a setup and C − 10 units fill the hours.
        #expect(plan.products[0].production == capacity - 10)
        #expect(plan.resources[0].requiredHours == capacity)
        let orders = try CapacityLoadAnalysis(s).table()
        #expect(orders.rows.first { $0.resource.id == "W" }!.requiredHours == capacity + 5)
    }

    /// Generated plants with setups: every period a product is made in pays one setup, the
    /// costs add up to the objective, and the load table of the plan agrees with its rows.
    @Test(arguments: [1, 2] as [UInt64])
    func generatedPlantsWithSetups(seed: UInt64) throws {
        let scenario = ScenarioGenerator(orders: 300, products: 8, families: 2, workCenters: 5, units: 2, periods: 13, seed: seed, setups: true).scenario()
        #expect(scenario.products.allSatisfy { $0.setupCost > 0 })
        for method in [PlanOptions.Method.exact, .familiesFirst] {
            let plan = try AggregatePlanner(scenario).plan(PlanOptions(method: method))
            let cost = Dictionary(uniqueKeysWithValues: scenario.products.map { ($0.id, $0.setupCost) })
            let runs = plan.products.filter { $0.production > 1e-6 }.reduce(0.0) { total, row in total + cost[row.product]! }
            #expect(isClose(plan.costs.setups, runs, 1e-6), "\(method): setups \(plan.costs.setups) vs \(runs)")
            // Generated labor pools keep their headcount: their wages are a constant, not in the
            // objective. (Families first, the merged plan's objective is rebuilt from its parts'
            // and differs from its costs by about 1e-4, setups or none.)
            #expect(isClose(plan.costs.total - plan.costs.regularLabor, plan.objective, method == .exact ? 1e-9 : 1e-3), "\(method)")
            let table = try CapacityLoadAnalysis(scenario, plan: plan).table()
            let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ("\($0.resource.id)|\($0.period)", $0) })
            for resource in plan.resources {
                let row = try #require(rows["\(resource.resource.id)|\(resource.period)"])
                #expect(abs(row.requiredHours - resource.requiredHours) <= 1e-6 * max(1, resource.requiredHours), "\(method) \(resource.resource.id) \(resource.period)")
            }
        }
    }
}
