import Foundation
import Testing
@testable import Takt

@Suite struct PlanDiffTests {
    @Test func aRushOrderShowsAsAnAddedOrderWithItsCost() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        var rush = ScenarioOverlay(name: "rush")
        rush.addOrders = [CustomerOrder(id: "RUSH-1", product: "CP-100", quantity: 120, due: Day(year: 2027, month: 2, day: 12), priority: 1, rush: true)]
        let before = try AggregatePlanner(base).plan()
        let after = try AggregatePlanner(rush.applied(to: base)).plan()

        #expect(PlanDiff(from: before, to: before).isEmpty)
        let diff = PlanDiff(from: before, to: after)
        #expect(!diff.isEmpty)
        let added = try #require(diff.movedOrders.first { $0.order == "RUSH-1" })
        #expect(added.before == nil && added.after != nil)
        let total = try #require(diff.costs.last)
        #expect(total.category == "total" && total.change == after.costs.total - before.costs.total)
        // Every product-period whose production differs is listed, with both quantities.
        for change in diff.quantities {
            let a = before.products.filter { $0.product == change.product && $0.period == change.period }.reduce(0) { $0 + $1.production }
            let b = after.products.filter { $0.product == change.product && $0.period == change.period }.reduce(0) { $0 + $1.production }
            #expect(a == change.before && b == change.after)
        }
        let listed = Set(diff.quantities.map { $0.product + $0.period })
        for line in after.products where !listed.contains(line.product + line.period) {
            let old = before.products.first { $0.product == line.product && $0.period == line.period }
            #expect(abs((old?.production ?? 0) - line.production) <= 1e-6)
        }
    }

    /// A plan written as JSON reads back as the same plan, so diffs of released plans are exact.
    @Test func planJSONReadsBackExactly() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let plan = try AggregatePlanner(base).plan()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("takt-plan-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try plan.json().write(to: file, atomically: true, encoding: .utf8)
        #expect(try PlanResultFile.read(file.path) == plan)

        try #"{"scenario": "x"}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try PlanResultFile.read(file.path)
        } throws: { error in
            (error as? ScenarioLoadError)?.description.contains("missing; expected plan.json written by takt plan") == true
        }
    }
}
