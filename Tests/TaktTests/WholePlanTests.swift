import Foundation
import PropertyBased
import Testing

@testable import Takt

/// Whole quantities: the rounding of one product's production by hand and over random
/// plans, and whole plans against their relaxation on the sample plant and random plants.
@Suite struct WholePlanTests {
    private func isClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test func runningTotalRoundedUpToTheLot() {
        let rounding = LotRounding(step: 10, lotMin: 0)
        // 305.1875 by March is 310 made by then; 317.4875 by May is 320.
        #expect(rounding.rounded([305.1875, 0, 12.3], stock: [0, 0, 0]) == [310, 0, 10])
        // A period's quantity below the minimum lot makes a minimum lot; the next makes less.
        let minimum = LotRounding(step: 10, lotMin: 20)
        #expect(minimum.rounded([305.1875, 0, 12.3, 30], stock: [0, 0, 0, 0]) == [310, 0, 20, 20])
        // Whole units without a lot multiple; nothing made, nothing rounded.
        #expect(LotRounding(step: 1, lotMin: 0).rounded([0.4, 0.4, 0.4, 0], stock: [0, 0, 0, 0]) == [1, 0, 1, 0])
        #expect(LotRounding(step: 1, lotMin: 0).rounded([0, 0], stock: [0, 0]) == [0, 0])
    }

    @Test func maximumStockRoundsDown() {
        let rounding = LotRounding(step: 10, lotMin: 0, maxInventory: 400)
        // 4.81 more in stock fits below 400 at 395; at 398 it does not, and 300 is made.
        #expect(rounding.rounded([305.19], stock: [395]) == [310])
        #expect(rounding.rounded([305.19], stock: [398]) == [300])
    }

    @Test func flooredNeverMakesMoreThanThePlan() {
        let rounding = LotRounding(step: 10, lotMin: 20)
        #expect(rounding.floored([305.19, 15, 25, 20]) == [300, 0, 20, 20])
        #expect(rounding.isWhole([300, 0, 20, 20]))
        #expect(!rounding.isWhole([300, 10]))
        #expect(!rounding.isWhole([305]))
    }

    /// Over random relaxed plans: multiples of the step, at least the minimum lot, the running
    /// total never below the plan's and less than a step plus a minimum lot above it.
    @Test func roundingKeepsTheRunningTotal() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...1_000_000)) { seed in
            var random = SeededRandom(seed: UInt64(seed))
            let step = [0.0, 1, 5, 10, 25][Int.random(in: 0...4, using: &random)]
            let lotMin = [0.0, 10, 40][Int.random(in: 0...2, using: &random)]
            let relaxed = (0..<12).map { _ in Bool.random(using: &random) ? 0 : Double.random(in: 0...300, using: &random) }
            let rounded = LotRounding(step: step, lotMin: lotMin).rounded(relaxed, stock: relaxed.map { _ in 0 })
            var planned = 0.0, made = 0.0
            for t in relaxed.indices {
                planned += relaxed[t]
                made += rounded[t]
                #expect(made >= planned - 1e-6, "seed \(seed), period \(t)")
                #expect(made < planned + max(step, 1e-6) + lotMin + 1e-6, "seed \(seed), period \(t)")
                if rounded[t] > 0 {
                    #expect(rounded[t] >= lotMin - 1e-9, "seed \(seed), period \(t)")
                    if step > 0 { #expect(abs(rounded[t] / step - (rounded[t] / step).rounded()) < 1e-9, "seed \(seed), period \(t)") }
                }
            }
        }
    }

    @Test func samplePlantInLotsAndWholeWorkers() throws {
        let scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let relaxed = try AggregatePlanner(scenario).plan(PlanOptions(quantities: .relaxed))
        let whole = try AggregatePlanner(scenario).plan()
        #expect(relaxed.relaxedObjective == nil)
        let bound = try #require(whole.relaxedObjective)
        #expect(isClose(bound, relaxed.objective))
        #expect(whole.objective >= bound - 1e-6)
        #expect(try #require(whole.gapToRelaxation) < 0.01)
        let products = Dictionary(uniqueKeysWithValues: scenario.products.map { ($0.id, $0) })
        for row in whole.products where row.production > 0 {
            let product = try #require(products[row.product])
            let step = product.quantityStep
            #expect(abs(row.production / step - (row.production / step).rounded()) < 1e-9, "\(row.product) \(row.period): \(row.production)")
            #expect(row.production >= product.lotMin - 1e-9, "\(row.product) \(row.period): \(row.production)")
        }
        // The example: CP-100's lot multiple is 10.
        #expect(relaxed.products.contains { $0.product == "CP-100" && abs($0.production / 10 - ($0.production / 10).rounded()) > 1e-6 })
        for row in whole.resources { if let w = row.workers { #expect(w == w.rounded(), "\(row.resource.id) \(row.period): \(w)") } }
        for action in whole.actions where action.unit == .workers || action.kind == .subcontract {
            #expect(abs(action.quantity - action.quantity.rounded()) < 1e-6, "\(action.kind) \(action.subject) \(action.period): \(action.quantity)")
        }
        for line in whole.subcontracting { #expect(abs(line.quantity - line.quantity.rounded()) < 1e-6) }
        for route in whole.routes { #expect(abs(route.quantity - route.quantity.rounded()) < 1e-6, "\(route.product) \(route.step): \(route.quantity)") }
    }
}
