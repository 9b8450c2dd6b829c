import Testing
@testable import Takt

@Suite struct HierarchicalPlanTests {
    private func scenario(seed: UInt64) -> Scenario {
        ScenarioGenerator(orders: 1_500, products: 24, families: 4, workCenters: 8, units: 2, periods: 12, periodLength: .month, seed: seed).scenario()
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func familiesFirstKeepsEveryPromiseOfAPlan(seed: UInt64) throws {
        let s = scenario(seed: seed)
        let plan = try AggregatePlanner(s).plan(PlanOptions(method: .familiesFirst))
        #expect(plan.status.hasSuffix("families first"))
        // Capacity: no resource takes more than its regular hours, overtime limit and extra shift.
        let limits = try CapacityLoadAnalysis(s).table()
        for (row, limit) in zip(plan.resources, limits.rows) {
            #expect(row.resource == limit.resource && row.period == limit.period)
            #expect(row.requiredHours <= row.availableHours + row.overtimeHours + row.extraShiftHours + 1e-6)
            #expect(row.overtimeHours <= limit.overtimeHours + 1e-6, "\(row.resource.id) \(row.period)")
            #expect(row.extraShiftHours <= limit.extraShiftHours + 1e-6)
        }
        // Inventory balance, and every ordered unit accounted for once.
        for product in s.products {
            var stock = product.initialInventory
            for row in plan.products where row.product == product.id {
                stock += row.production + row.subcontracted - row.delivered
                #expect(abs(stock - row.endingInventory) < 1e-6 * max(1, stock))
            }
        }
        #expect(plan.orders.count == s.orders.count)
        for order in plan.orders {
            #expect(abs(order.portions.reduce(0) { $0 + $1.quantity } + order.unmetQuantity - order.quantity) < 1e-6 * order.quantity)
        }
    }

    /// A product's model given other hours is the model built with them: further rounds
    /// re-bound the model they have instead of building it again, and start from its basis.
    /// Others taking regular time and overtime but for rounding (1.1 + 0.1 h taken as 1.2)
    /// leave no overtime: a column bounded at 1.4e-16 h made families first's capacity row
    /// too badly scaled for GLPK (found by `everyPlanKeepsItsBalances`, seed 8367).
    @Test func hoursLeftByRoundingAreNone() {
        var hours = ResourceHours(scenario(seed: 1))
        hours.regular = ResourceGrid([[1.1, 5]])
        hours.overtime = ResourceGrid([[0.1, 2]])
        hours.extraShift = ResourceGrid([[0, 0]])
        hours.extraShiftLeft = ResourceGrid([[1, 1]])
        #expect(0.1 - (1.2 - 1.1) > 0)
        let left = hours.leaving(ResourceGrid([[1.2, 5.5]]))
        #expect(left.regular == ResourceGrid([[0, 0]]))
        #expect(left.overtime == ResourceGrid([[0, 1.5]]))
    }

    @Test func aModelGivenOtherHoursIsTheModelBuiltWithThem() throws {
        var s = scenario(seed: 1)
        s.products = [s.products[0]]
        s.routings = s.routings.filter { $0.product == s.products[0].id }
        s.subcontractors = s.subcontractors.filter { $0.product == s.products[0].id }
        s.orders = s.orders.filter { $0.product == s.products[0].id }
        s.salesPlan = s.salesPlan.filter { $0.product == s.products[0].id }
        let demand = DemandProfile(s)
        let full = ResourceHours(s)
        // Others take regular hours, all overtime and part of the shift in some periods.
        let taken = ResourceGrid(full.regular.indices.map { r in
            full.regular[r].indices.map { t in t % 3 == 0 ? full.regular[r, t] + full.overtime[r, t] + full.extraShift[r, t] / 2 : full.regular[r, t] / 4 }
        })
        let left = full.leaving(taken)
        var rebounded = AggregatePlanModel(scenario: s, demand: demand, hours: full, fixedLabor: true)
        rebounded.build()
        let before = rebounded.program
        rebounded.setHours(left)
        var built = AggregatePlanModel(scenario: s, demand: demand, hours: left, fixedLabor: true)
        built.build()
        #expect(left.extraShiftLeft.values.joined().contains { $0 > 0 && $0 < 1 })
        #expect(rebounded.program != before)
        #expect(rebounded.program == built.program)
    }

    /// What the hierarchy gives up against the exact plan on small generated plants.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func familiesFirstCostsLittleMoreThanTheExactPlan(seed: UInt64) throws {
        let s = scenario(seed: seed)
        let exact = try AggregatePlanner(s).plan(PlanOptions(method: .exact))
        let hierarchical = try AggregatePlanner(s).plan(PlanOptions(method: .familiesFirst))
        let gap = (hierarchical.objective - exact.objective) / exact.objective
        #expect(gap > -1e-6, "the exact plan is the cheapest")
        #expect(gap < 0.01, "families first costs \(gap * 100)% more")
    }

    /// The hierarchy may leave demand unmet where the one model meets it (seed 6: a product's
    /// first-month orders need a work center products planned before it took; 387 units,
    /// where planning each family's products in one model left 295), but never a frozen
    /// order unmade where the one model makes it, and on seeds 1 to 5 nothing unmet at all.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func familiesFirstLeavesNoContradictionTheExactPlanDoesNotHave(seed: UInt64) throws {
        let s = scenario(seed: seed)
        let exact = try AggregatePlanner(s).plan(PlanOptions(method: .exact))
        let hierarchical = try AggregatePlanner(s).plan(PlanOptions(method: .familiesFirst))
        #expect(exact.contradictions.isEmpty)
        #expect(exact.unmetDemand == 0)
        #expect(!hierarchical.contradictions.contains { $0.kind == .frozenShortfall })
        if seed <= 5 { #expect(hierarchical.contradictions.isEmpty && hierarchical.unmetDemand == 0) }
        if seed == 6 { #expect(hierarchical.unmetDemand < 400, "\(hierarchical.unmetDemand) units unmet (387 when written)") }
    }

    /// The objective of a plan made families first is what its plan costs, as the one model
    /// counts it: no overtime a family paid for on hours that, in the whole plan, are regular
    /// time. With every order standard and no workforce to choose, that is the cost less the
    /// fixed regular labor.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func familiesFirstObjectiveIsThePlansCost(seed: UInt64) throws {
        var s = scenario(seed: seed)
        for k in s.orders.indices {
            s.orders[k].rush = false
            s.orders[k].status = .open
            s.orders[k].priority = 3
        }
        for plan in [try AggregatePlanner(s).plan(PlanOptions(method: .exact)), try AggregatePlanner(s).plan(PlanOptions(method: .familiesFirst))] {
            #expect(plan.unmetDemand == 0)
            let cost = plan.costs.total - plan.costs.regularLabor
            #expect(abs(plan.objective - cost) <= 1e-7 * cost, "\(plan.status): objective \(plan.objective), cost \(cost)")
        }
    }

    @Test func automaticPlansFewProductsExactly() throws {
        let s = scenario(seed: 4)
        let automatic = try AggregatePlanner(s).plan()
        let exact = try AggregatePlanner(s).plan(PlanOptions(method: .exact))
        #expect(automatic.objective == exact.objective)
        let many = try AggregatePlanner(s).plan(PlanOptions(exactProductLimit: 10))
        #expect(many.status.hasSuffix("families first"))
    }
}
