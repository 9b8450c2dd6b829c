import Foundation
import Testing
import TaktGLPK
import TaktLP
@testable import Takt

@Suite struct ChaseBasisTests {
    private func plant(seed: UInt64 = 1) -> Scenario {
        ScenarioGenerator(orders: 1_500, products: 24, families: 4, workCenters: 8, units: 2, periods: 12, periodLength: .month, seed: seed).scenario()
    }

    /// One product of a plant, as the families-first planner plans it.
    private func oneProduct(of whole: Scenario, _ p: Int) -> Scenario {
        var s = whole
        let id = s.products[p].id
        s.products = [s.products[p]]
        s.routings = s.routings.filter { $0.product == id }
        s.subcontractors = s.subcontractors.filter { $0.product == id }
        s.orders = s.orders.filter { $0.product == id }
        s.salesPlan = s.salesPlan.filter { $0.product == id }
        return s
    }

    /// Where the hours are ample and no stock is wanted, the chase plan is the optimum: the
    /// basis is then optimal as given, and it makes each period's demand in that period.
    @Test func theChaseBasisIsTheChasePlan() throws {
        var s = oneProduct(of: plant(), 0)
        s.products[0].safetyStock = 0
        s.products[0].targetEndingInventory = 0
        s.products[0].initialInventory = 0
        var hours = ResourceHours(s)
        hours.regular = hours.regular.map { $0 * 1000 + 1000 }
        let demand = DemandProfile(s)
        var model = AggregatePlanModel(scenario: s, demand: demand, hours: hours, fixedLabor: true)
        model.build()
        let basis = model.chaseBasis()
        #expect(basis.isSquare)
        let solution = try GLPKSolver().solve(model.program, options: SolveOptions(startingBasis: basis))
        #expect(solution.status == .optimal)
        #expect(solution.iterations == 0)
        for t in 0..<s.horizon.periodCount {
            #expect(abs(solution.planValue(model.production[0][t]) - demand.total(product: 0, period: t)) < 1e-9)
        }
        #expect(demand.total(product: 0, period: 0) > 0)
    }

    /// From the chase basis GLPK reaches the optimum of a cold solve: on a product short of
    /// hours (fixed labor), on a family plan and on the one model of a plant (hiring and
    /// layoffs, routings with alternatives).
    @Test(arguments: ["product", "families", "plant"])
    func fromTheChaseBasisToTheOptimum(_ kind: String) throws {
        let whole = plant(seed: 2)
        var model: AggregatePlanModel
        switch kind {
        case "product":
            let s = oneProduct(of: whole, 3)
            let full = ResourceHours(s)
            let taken = ResourceGrid(full.regular.values.map { $0.enumerated().map { t, hours in t % 2 == 0 ? hours * 0.97 : hours / 2 } })
            model = AggregatePlanModel(scenario: s, demand: DemandProfile(s), hours: full.leaving(taken), fixedLabor: true)
        case "families":
            let families = FamilyAggregation(whole, demand: DemandProfile(whole))
            model = AggregatePlanModel(scenario: families.scenario, demand: families.demand, hours: ResourceHours(whole))
            model.keepsClassesApart = false
        default:
            var s = whole
            for l in s.laborPools.indices {
                s.laborPools[l].hireCost = 300
                s.laborPools[l].layoffCost = 500
            }
            model = AggregatePlanModel(scenario: s, demand: DemandProfile(s), hours: ResourceHours(s))
        }
        model.build()
        if kind == "plant" {
            #expect(!model.splitRows.isEmpty && !model.staffRows.isEmpty, "the plant has alternatives and hires")
        }
        let basis = model.chaseBasis()
        #expect(basis.isSquare)
        let cold = try GLPKSolver().solve(model.program)
        let warm = try GLPKSolver().solve(model.program, options: SolveOptions(startingBasis: basis))
        #expect(cold.status == .optimal && warm.status == .optimal)
        #expect(abs(warm.objective - cold.objective) <= 1e-7 * abs(cold.objective))
        #expect(warm.iterations > 0, "the chase plan is not optimal here")
    }
}
