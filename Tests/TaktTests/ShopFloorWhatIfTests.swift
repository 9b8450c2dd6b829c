import Foundation
import Testing
@testable import Takt

/// What-if schedules side by side: the base and each overlay in one window.
@Suite struct ShopFloorWhatIfTests {
    @Test func aMachineDownMakesAnOrderLateAndMovesItsWork() throws {
        // Two machines, two orders of a shift each due Monday night: on time side by side; with
        // W-1 down on Monday one of them waits for Tuesday.
        var scenario = ShopFloorTests.shop(machines: 2)
        let monday = ShopFloorTests.monday, window = ShopFloorTests.window
        scenario.orders = [
            CustomerOrder(id: "O1", product: "A", quantity: 8, due: monday),
            CustomerOrder(id: "O2", product: "A", quantity: 8, due: monday),
        ]
        var down = ScenarioOverlay(name: "W-1 down")
        down.machinesDown = [Maintenance(workCenter: "W", start: monday, end: monday, machines: 1)]  // the first machine
        var rush = ScenarioOverlay(name: "rush")
        rush.addOrders = [CustomerOrder(id: "R", product: "A", quantity: 4, due: monday, priority: 1, rush: true)]
        let run = try ShopFloorWhatIf(
            base: scenario, overlays: [down, rush], window: window, source: .orders, scheduler: ShopFloorScheduler(iterations: 100, timeLimit: 600)
        ).run()
        #expect(run.schedules.map(\.name) == ["base", "W-1 down", "rush"])
        let c = run.comparison
        func values(_ subject: ShopFloorComparison.Subject) -> [Double]? { c.measures.first { $0.subject == subject }?.values }
        #expect(values(.operations) == [2, 2, 3])
        #expect(values(.lateOrders) == [0, 1, 1])
        #expect(values(.onTimeOrders) == [1, 0.5, 2.0 / 3])
        #expect(values(.makespanHours) == [16, 24 + 16, 24 + 12])  // rush 4 h then O2's 8 h on one machine
        #expect(values(.utilization(workCenter: "W"))?.first.map { $0 > 0 } == true)
        #expect(c.changes.count == 2)
        // One order's work moves to Tuesday and is late.
        #expect(!c.changes[0].moved.isEmpty && c.changes[0].newlyLate.count == 1)
        #expect(c.changes[1].added == 1 && c.changes[1].newlyLate.count == 1)
        for (name, schedule) in run.schedules {
            let applied = name == "base" ? scenario : (name == "rush" ? rush : down).applied(to: scenario)
            #expect(ShopFloorChecker.violations(schedule, scenario: applied) == [], "\(name)")
        }
        // The text names the what-ifs and what they changed.
        let text = c.text()
        #expect(text.contains("W-1 down: ") && text.contains(" operation") && text.contains("late now: "))
        #expect(c.csv().hasPrefix("measure,base,W-1 down,rush\noperations,2,2,3\nlate orders,0,1,1\n"))
    }

    @Test func withoutAPlanEachScenarioIsPlannedAndTheSameRunGivesTheSameBytes() throws {
        let scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        var more = ScenarioOverlay(name: "demand +10%")
        more.demand = [.init(factor: 1.1)]
        let whatIf = ShopFloorWhatIf(
            base: scenario, overlays: [more], window: ShopWindow(start: scenario.horizon.start, days: 14),
            scheduler: ShopFloorScheduler(iterations: 5, timeLimit: 600))
        let run = try whatIf.run()
        #expect(run.schedules.count == 2)
        // More demand, more lots to make in the same two weeks.
        let lots = run.schedules.map { $0.schedule.lots.reduce(0) { $0 + $1.quantity } }
        #expect(lots[1] > lots[0])
        #expect(try whatIf.run().comparison.json() == run.comparison.json())
    }
}
