import Foundation
import Testing
@testable import Takt

@Suite struct OrderPromiseTests {
    /// 100 units a month (20 days × 5 h, 1 h a unit), no overtime; an order of 100 due in January.
    static func tight() -> Scenario {
        let january = Day(year: 2027, month: 1, day: 1)
        return Scenario(
            name: "tight",
            horizon: Horizon(start: january, periodLength: .month, periodCount: 4, workingDaysPerPeriod: 20),
            units: [ProductionUnit(id: "U", name: "Unit")],
            products: [Product(id: "P", name: "P", family: "F", holdingCost: 1, backlogCost: 5, unitCost: 10)],
            workCenters: [WorkCenter(id: "W", name: "W", unit: "U", hoursPerShift: 5)],
            routings: [RoutingStep(product: "P", step: 10, workCenter: "W", runHours: 1)],
            orders: [CustomerOrder(id: "A", product: "P", quantity: 100, due: Day(year: 2027, month: 1, day: 20))])
    }

    @Test func aRushInAFullMonthPushesTheOrderThatWasThere() throws {
        let answer = try OrderPromise(base: Self.tight(), product: "P", quantity: 100, due: Day(year: 2027, month: 1, day: 25)).answer()
        #expect(answer.options.map(\.period) == ["2027-01", "2027-02", "2027-03", "2027-04"])
        // January is full: the rush order gets it and A waits a month (backlog 5 × weight 1
        // beats 5 × weight 4 for the rush order).
        let january = answer.options[0]
        #expect(january.onTime && january.completion == "2027-01")
        #expect(january.pushed.map(\.order) == ["A"] && january.pushed.first?.period == "2027-02")
        // Due in February both fit: 100 units made in February at 10 each, nobody pushed.
        let february = answer.options[1]
        #expect(february.onTime && february.pushed.isEmpty)
        #expect(abs(february.extraCost - 1000) < 1e-6)
        #expect(answer.earliest == january)
        // The required date is in January: it pushes A; protecting A cannot help without
        // overtime, so one of the two is late then.
        let required = try #require(answer.required)
        #expect(required.pushed.map(\.order) == ["A"])
        let protected = try #require(answer.requiredWithoutPushing)
        #expect(!protected.onTime || !protected.pushed.isEmpty)
        #expect(answer.csv().hasPrefix("option,due,period,completion,on_time,extra_cost"))
    }

    @Test func badRequestsAreErrors() {
        #expect(throws: PlanningError.self) { try OrderPromise(base: Self.tight(), product: "X", quantity: 1).answer() }
        #expect(throws: PlanningError.self) { try OrderPromise(base: Self.tight(), product: "P", quantity: -1).answer() }
    }
}
