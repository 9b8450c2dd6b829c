import Foundation
import Testing
@testable import Takt

/// Work the shop floor has started: steps in progress stay on their machine, earlier steps
/// count as done, and frozen orders keep their places in a reschedule.
@Suite struct WorkInProgressTests {
    static let monday = ShopFloorTests.monday
    static let window = ShopFloorTests.window

    /// W (2 machines, 1 h a unit, 2 h setup) then P (1 machine, 0.5 h a unit), one 8-hour
    /// shift from 08:00.
    static func shop() -> Scenario {
        var scenario = ShopFloorTests.shop(machines: 2)
        scenario.workCenters.append(WorkCenter(id: "P", name: "P", unit: "U", machines: 1, shiftsPerDay: 1, hoursPerShift: 8))
        scenario.routings.append(RoutingStep(product: "A", step: 20, workCenter: "P", runHours: 0.5))
        scenario.orders = [
            CustomerOrder(id: "O1", product: "A", quantity: 4, due: monday.advanced(by: 4)),
            CustomerOrder(id: "O2", product: "A", quantity: 4, due: monday.advanced(by: 4)),
            CustomerOrder(id: "O3", product: "A", quantity: 8, due: monday.advanced(by: 4)),
        ]
        scenario.operationsInProgress = [
            // Started on Sunday's overtime: 1.5 hours left, from Monday's shift.
            OperationInProgress(order: "O1", step: 20, machine: "P-1", start: monday.advanced(by: -1), startTime: TimeOfDay(hour: 9), remainingHours: 1.5),
            // Started on Monday at 10:00 on W-2: the whole step, 4 hours.
            OperationInProgress(order: "O2", step: 10, machine: "W-2", start: monday, startTime: TimeOfDay(hour: 10)),
        ]
        return scenario
    }

    @Test func stepsInProgressStayAndEarlierStepsAreDone() throws {
        let scenario = Self.shop()
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
        let lots = ProductionLot.lots(ofOrders: scenario, window: Self.window)
        let schedule = try ShopFloorScheduler(iterations: 200).schedule(scenario, lots: lots, window: Self.window, source: .orders)
        let o1 = schedule.operations.filter { $0.lot == "O1" }
        #expect(o1.map(\.step) == [20])
        #expect(o1.map(\.machine) == ["P-1"])
        #expect(o1.map { Self.window.text(of: $0.start) } == ["2027-01-04 08:00"])
        #expect(o1.map { Self.window.text(of: $0.end) } == ["2027-01-04 09:30"])
        let o2 = schedule.operations.filter { $0.lot == "O2" }.sorted { $0.step < $1.step }
        #expect(o2.map(\.step) == [10, 20])
        #expect(o2.first.map { "\($0.machine) \(Self.window.text(of: $0.start))–\(Self.window.text(of: $0.end))" } == "W-2 2027-01-04 10:00–2027-01-04 14:00")
        #expect(o2[1].start >= o2[0].end)
        #expect(schedule.operations.filter { $0.lot == "O3" }.map(\.step) == [10, 20])
        #expect(schedule.frozen == 2)
        #expect(ShopFloorChecker.violations(schedule, scenario: scenario) == [])
        // Without the rows every step of every order is scheduled.
        var fresh = scenario
        fresh.operationsInProgress = []
        let whole = try ShopFloorScheduler(iterations: 0).schedule(fresh, lots: lots, window: Self.window, source: .orders)
        #expect(whole.operations.count == 6 && whole.frozen == 0)
    }

    @Test func anOrderInProgressIsScheduledWhateverItsDueDate() throws {
        var scenario = Self.shop()
        scenario.orders[1].due = Self.monday.advanced(by: 40)  // after the window
        scenario.orders[2].due = Self.monday.advanced(by: 40)
        let lots = ProductionLot.lots(ofOrders: scenario, window: Self.window)
        #expect(lots.map(\.id) == ["O1", "O2"])
        scenario.orders[2].status = .frozen
        scenario.orders[2].frozenPeriod = PeriodReference("2027-02")
        #expect(ProductionLot.lots(ofOrders: scenario, window: Self.window).map(\.id) == ["O1", "O2", "O3"])
    }

    @Test func aStepInProgressOnAMachineThatIsDownMovesToAnother() throws {
        var scenario = Self.shop()
        // W-1 is down for good: O2's step 10, in progress there, starts again on W-2.
        scenario.maintenance = [Maintenance(workCenter: "W", start: Self.monday, end: Self.monday.advanced(by: 500), machines: 1)]
        scenario.operationsInProgress[1].machine = "W-1"
        let lots = ProductionLot.lots(ofOrders: scenario, window: Self.window)
        let schedule = try ShopFloorScheduler(iterations: 50).schedule(scenario, lots: lots, window: Self.window, source: .orders)
        #expect(schedule.frozen == 1)
        #expect(schedule.operations.filter { $0.lot == "O2" }.map(\.step) == [10, 20])
        #expect(!schedule.operations.contains { $0.machine == "W-1" })
        #expect(ShopFloorChecker.violations(schedule, scenario: scenario).filter { !$0.contains("step in progress") } == [])
    }

    @Test func aFrozenOrderKeepsItsPlaceInAReschedule() throws {
        var scenario = Self.shop()
        scenario.operationsInProgress = []
        let lots = ProductionLot.lots(ofOrders: scenario, window: Self.window)
        let before = try ShopFloorScheduler(iterations: 100).schedule(scenario, lots: lots, window: Self.window, source: .orders)
        // A rush order arrives at once; O3 was released to the floor and must not move.
        var changed = scenario
        changed.orders[2].status = .frozen
        changed.orders[2].frozenPeriod = PeriodReference("2027-01")
        changed.orders.append(CustomerOrder(id: "RUSH", product: "A", quantity: 8, due: Self.monday, priority: 1, rush: true))
        let after = try ShopFloorScheduler(iterations: 100).reschedule(changed, previous: before, at: 0, adding: ["RUSH"])
        for o in before.operations where o.lot == "O3" {
            let now = try #require(after.schedule.operations.first { $0.lot == o.lot && $0.step == o.step })
            #expect(now.machine == o.machine && now.start == o.start)
        }
        #expect(after.schedule.frozen == 2)
        #expect(!after.moved.contains { $0.lot == "O3" })
        #expect(ShopFloorChecker.violations(after.schedule, scenario: changed) == [])
    }

    @Test func badRowsAreLocatedErrors() throws {
        var files = ScenarioCSVWriter.files(Self.shop()).reduce(into: [String: Data]()) { $0[$1.0] = Data($1.1.utf8) }
        files["operations_in_progress.csv"] = Data("""
            order,step,machine,start,remaining_hours
            O1,20,P-1,2027-01-03 09:00,1.5
            NOPE,10,W-1,2027-01-04 08:00,
            O2,30,W-1,2027-01-04 08:00,
            O2,10,W-3,2027-01-04 08:00,
            O3,10,P-1,2027-01-04 08:00,
            O3,20,P-1,2027-01-04 25:00,
            O3,20,P,2027-01-04 10:00,-1

            """.utf8)
        #expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(csvFiles: files) }
        do {
            _ = try ScenarioLoader.load(csvFiles: files)
        } catch {
            let lines = error.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.message)" }
            let text = lines.joined(separator: "\n")
            #expect(text.contains("operations_in_progress.csv, row 3") && text.contains("unknown order; expected an id from orders.csv"))
            #expect(text.contains("operations_in_progress.csv, row 4") && text.contains("the routing of A has no such step; expected one of 10, 20"))
            #expect(text.contains("operations_in_progress.csv, row 5") && text.contains("not a machine of step 10's work centers; expected W-1…W-2"))
            #expect(text.contains("operations_in_progress.csv, row 6") && text.contains("not a machine of step 10's work centers"))
            #expect(text.contains("operations_in_progress.csv, row 7") && text.contains("expected YYYY-MM-DD HH:MM"))
            #expect(text.contains("operations_in_progress.csv, row 8") && text.contains("remaining_hours"))
            // Row 5 is O2's second step in progress as well.
            #expect(text.contains("row 5, column order a second step in progress for this order; the first is at operations_in_progress.csv, row 4"))
            #expect(lines.count == 7, "\(text)")
        }
    }

    @Test func twoOperationsOnOneMachineOrTwoStepsOfOneOrderAreErrors() throws {
        var scenario = Self.shop()
        scenario.operationsInProgress.append(OperationInProgress(order: "O3", step: 20, machine: "P", start: Self.monday))
        scenario.operationsInProgress.append(OperationInProgress(order: "O3", step: 10, machine: "W-1", start: Self.monday))
        let errors = scenario.validate().filter { $0.severity == .error }.map(\.message)
        #expect(errors.count == 2)
        #expect(errors.contains { $0.hasPrefix("a second operation in progress on P-1") })
        #expect(errors.contains { $0.hasPrefix("a second step in progress for this order") })
    }

    @Test func theTableRoundTripsThroughCSVAndJSON() throws {
        let scenario = Self.shop()
        let files = ScenarioCSVWriter.files(scenario).reduce(into: [String: Data]()) { $0[$1.0] = Data($1.1.utf8) }
        let back = try ScenarioLoader.load(csvFiles: files).scenario
        #expect(back.operationsInProgress == scenario.operationsInProgress)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = try encoder.encode(scenario)
        #expect(try ScenarioLoader.load(json: json).scenario.operationsInProgress == scenario.operationsInProgress)
    }
}
