import Foundation
import Testing

@testable import Takt

/// A re-plan keeps the previous plan where its optimal cost allows.
@Suite struct StablePlanTests {
    private func changed(_ a: ProductionPlanResult, _ b: ProductionPlanResult) -> Int {
        PlanDiff(from: a, to: b).quantities.count
    }

    /// Units of production moved: the sum over product-periods of the change's size.
    private func moved(_ a: ProductionPlanResult, _ b: ProductionPlanResult) -> Double {
        PlanDiff(from: a, to: b).quantities.reduce(0) { $0 + abs($1.change) }
    }

    @Test func aRushOrderChangesLessWhenThePreviousPlanIsKept() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        // Relaxed quantities: the optimum is the same kept or not (a whole plan's is not).
        let options = PlanOptions(quantities: .relaxed)
        let released = try AggregatePlanner(base).plan(options)
        var rush = base
        rush.orders.append(CustomerOrder(id: "RUSH-1", product: "CP-100", quantity: 40, due: Day(year: 2027, month: 2, day: 12), rush: true))
        let free = try AggregatePlanner(rush).plan(options)
        let kept = try AggregatePlanner(rush).plan(options, keeping: released)
        // The same optimum, to the solver's tolerance …
        #expect(abs(kept.objective - free.objective) <= 1e-6 * abs(free.objective))
        #expect(abs(kept.costs.total - free.costs.total) <= 1e-5 * free.costs.total)
        // … with no more changed product-periods, and every balance kept.
        #expect(moved(released, kept) <= moved(released, free) + 1e-6)
        for product in rush.products {
            var stock = product.initialInventory
            for row in kept.products where row.product == product.id {
                stock += row.production + row.subcontracted - row.delivered
                #expect(abs(stock - row.endingInventory) <= 1e-6 * max(1, stock))
            }
        }
    }

    /// The plan kept against itself is itself: nothing changes, in whole lots or relaxed.
    @Test(arguments: [PlanOptions.Quantities.whole, .relaxed])
    func aPlanKeptAgainstItselfDoesNotMove(quantities: PlanOptions.Quantities) throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let options = PlanOptions(quantities: quantities)
        let released = try AggregatePlanner(base).plan(options)
        let again = try AggregatePlanner(base).plan(options, keeping: released)
        // Relaxed, the optimum is the plan itself. Whole, the re-plan may round to a cheaper
        // whole plan (it starts from another relaxed optimum): it moves only then.
        let tolerance = 1e-6 * abs(released.objective)
        #expect(again.objective <= released.objective + tolerance)
        if quantities == .relaxed || again.objective >= released.objective - tolerance { #expect(changed(released, again) == 0) }
    }
}
