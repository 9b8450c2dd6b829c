import Foundation
import Testing
@testable import Takt
import TaktSchedule

/// The shop-floor schedule: lots from plans and orders, machine calendars from the working
/// calendar, setups and changeovers, and the independent check of every schedule.
@Suite struct ShopFloorTests {
    static let monday = Day(year: 2027, month: 1, day: 4)

    /// One work center of `machines` machines on one 8-hour shift from 08:00, products of
    /// 1 hour a unit and 2 hours' setup, Monday to Friday.
    static func shop(machines: Int = 1, products: [String] = ["A"]) -> Scenario {
        Scenario(
            name: "shop", horizon: Horizon(start: Day(year: 2027, month: 1, day: 1), periodLength: .month, periodCount: 2),
            units: [ProductionUnit(id: "U", name: "U")],
            products: products.map { Product(id: $0, name: $0, family: "F\($0)") },
            workCenters: [WorkCenter(id: "W", name: "W", unit: "U", machines: machines, shiftsPerDay: 1, hoursPerShift: 8)],
            routings: products.map { RoutingStep(product: $0, step: 10, workCenter: "W", runHours: 1, setupHours: 2) })
    }

    static func lot(_ id: String, _ product: String = "A", quantity: Double, due: Int = 100_000) -> ProductionLot {
        ProductionLot(id: id, product: product, quantity: quantity, due: due)
    }

    static let window = ShopWindow(start: monday, days: 14)

    @Test func aHolidayPushesAnOperationOverTheBreak() throws {
        var scenario = Self.shop()
        scenario.calendarExceptions = [CalendarException(start: Self.monday.advanced(by: 1), kind: .holiday)]
        let schedule = try ShopFloorScheduler(iterations: 0).schedule(scenario, lots: [Self.lot("L1", quantity: 10)], window: Self.window)
        let o = try #require(schedule.operations.first)
        // 8 hours on Monday, Tuesday off, the last 2 hours on Wednesday.
        #expect(Self.window.text(of: o.start) == "2027-01-04 08:00")
        #expect(Self.window.text(of: o.end) == "2027-01-06 10:00")
        #expect(o.runMinutes == 600 && o.day == Self.monday && o.shift == 1)
        #expect(ShopFloorChecker.violations(schedule, scenario: scenario).isEmpty)
        let days = schedule.days.filter { $0.workCenter == "W" }
        #expect(days.prefix(3).map(\.scheduledMinutes) == [480, 0, 120])
        #expect(days.prefix(3).map(\.availableMinutes) == [480, 0, 480])
    }

    @Test func aMaintenanceWindowBlocksItsMachine() throws {
        var scenario = Self.shop(machines: 2)
        scenario.maintenance = [Maintenance(workCenter: "W", start: Self.monday, end: Self.monday, machines: 1)]
        let lots = [Self.lot("L1", quantity: 4), Self.lot("L2", quantity: 4)]
        let schedule = try ShopFloorScheduler(objective: .makespan, iterations: 200).schedule(scenario, lots: lots, window: Self.window)
        // W-1 is down on Monday: one lot runs on W-2 on Monday, the other on Monday's W-2
        // afternoon or Tuesday's W-1, whichever the search finds; never on W-1 on Monday.
        for o in schedule.operations where o.machine == "W-1" { #expect(o.start >= Self.window.minute(of: Self.monday.advanced(by: 1))) }
        #expect(schedule.makespan == 8 * 60 + 8 * 60)  // both on W-2 on Monday, 08:00–16:00
        #expect(ShopFloorChecker.violations(schedule, scenario: scenario).isEmpty)
    }

    @Test func aSetupMatrixChangesTheBestSequence() throws {
        var scenario = Self.shop(products: ["A", "B", "C"])
        let lots = ["C", "B", "A"].map { Self.lot("L\($0)", $0, quantity: 1) }
        // Without changeovers every change takes 2 hours: 3 hours of work and 4 of setups.
        let plain = try ShopFloorScheduler(objective: .makespan, iterations: 500).schedule(scenario, lots: lots, window: Self.window)
        #expect(plain.makespan == 8 * 60 + 7 * 60)
        // A → B and B → C take 6 minutes, everything else 3 hours: A, B, C is the one good order.
        scenario.setupChanges = [
            SetupChange(from: "A", to: "B", hours: 0.1), SetupChange(from: "FB", to: "C", hours: 0.1),
            SetupChange(from: "FA", to: "FC", hours: 3), SetupChange(from: "B", to: "A", hours: 3), SetupChange(from: "C", to: "A", hours: 3),
            SetupChange(from: "C", to: "B", hours: 3),
        ]
        let matrix = try ShopFloorScheduler(objective: .makespan, iterations: 500).schedule(scenario, lots: lots, window: Self.window)
        #expect(matrix.operations.map(\.product) == ["A", "B", "C"])
        #expect(matrix.operations.map(\.setupMinutes) == [0, 6, 6])
        #expect(matrix.makespan == 8 * 60 + 3 * 60 + 12)
        #expect(ShopFloorChecker.violations(matrix, scenario: scenario).isEmpty)
    }

    @Test func workersGoHomeOverBreaksWhileTheJobWaits() throws {
        // Two machines of one crew of one worker: A on machine 0 pauses over [10, 20), when
        // machine 1 works; B fits there only if A's worker leaves over the break.
        func problem(_ held: Bool) -> ShopProblem {
            ShopProblem(
                machineCount: 2,
                operations: [
                    .init(job: 0, modes: [(0, 20)], labor: .init(pool: 0)), .init(job: 1, modes: [(1, 10)], labor: .init(pool: 0)),
                ],
                jobs: [.init(name: "A", operations: [0]), .init(name: "B", operations: [1])],
                calendars: [MachineCalendar(working: [0..<10, 20..<30, 40..<100]), MachineCalendar(working: [10..<20, 30..<100])],
                laborPools: [.init(name: "crew", workers: 1, heldOverBreaks: held)])
        }
        for held in [true, false] {
            let schedule = try GifflerThompson().schedule(problem(held))
            #expect(schedule.violations(of: problem(held)).isEmpty)
            if held {
                #expect(schedule.makespan > 30)  // one of them waits for the other's end
            } else {
                #expect(schedule.assignments.map(\.start) == [0, 10] && schedule.makespan == 30)
            }
        }
        // The checker counts the same way.
        let overlap = Schedule(assignments: [.init(machine: 0, start: 0, end: 30), .init(machine: 1, start: 10, end: 20)])
        #expect(overlap.violations(of: problem(false)).isEmpty)
        #expect(!overlap.violations(of: problem(true)).isEmpty)
    }

    @Test func thePlansHeadcountStaffsTheShopFloor() throws {
        // Two machines, one worker: the two lots of a shift each run one after the other; with
        // the plan's two workers, side by side.
        var scenario = Self.shop(machines: 2)
        scenario.laborPools = [LaborPool(id: "CREW", name: "CREW", unit: "U", headcount: 1, hoursPerDay: 8, attendance: 1)]
        scenario.routings[0].laborPool = "CREW"
        scenario.routings[0].laborHours = 1
        let lots = [Self.lot("L1", quantity: 8), Self.lot("L2", quantity: 8)]
        let alone = try ShopFloorScheduler(objective: .makespan, iterations: 50).schedule(scenario, lots: lots, window: Self.window)
        #expect(alone.makespan == Self.window.minute(of: Self.monday.advanced(by: 1)) + 16 * 60)
        #expect(alone.crews == [.init(laborPool: "CREW", headcount: 1, planned: false, workers: 1)])
        let staffed = try ShopFloorScheduler(objective: .makespan, iterations: 50).schedule(scenario, lots: lots, window: Self.window, headcount: ["CREW": 2.4])
        #expect(staffed.makespan == 16 * 60)
        #expect(staffed.crews == [.init(laborPool: "CREW", headcount: 2.4, planned: true, workers: 2)])
        #expect(staffed.headcount == ["CREW": 2.4])
        // A reschedule keeps the plan's headcount.
        let again = try ShopFloorScheduler(objective: .makespan, iterations: 50).reschedule(scenario, previous: staffed, at: 0)
        #expect(again.schedule.makespan == 16 * 60)
    }

    @Test func theSamplePlantsFirstMonthPassesTheChecker() throws {
        let scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let plan = try AggregatePlanner(scenario).plan(PlanOptions())
        let window = ShopWindow(firstPeriodOf: scenario.horizon)
        let lots = ProductionLot.lots(of: plan, scenario: scenario, window: window)
        let overtime = ShopFloorScheduler.overtime(of: plan, scenario: scenario)
        let schedule = try ShopFloorScheduler(iterations: 30, timeLimit: 600).schedule(scenario, lots: lots, window: window, overtimeHours: overtime)
        #expect(ShopFloorChecker.violations(schedule, scenario: scenario, plan: plan, overtime: overtime) == [])
        // Every in-house unit of the month is in a lot; orders pegged to it ship from them.
        #expect(schedule.lots.count >= 40)
        // Less the steps done before the steps in progress.
        let orders = Dictionary(uniqueKeysWithValues: scenario.orders.map { ($0.id, $0) })
        let done = scenario.operationsInProgress.reduce(0) { sum, item in
            sum + scenario.routings.filter { $0.product == orders[item.order]!.product && $0.step < item.step }.count
        }
        #expect(done == 1)
        #expect(schedule.operations.count == lots.reduce(0) { sum, lot in sum + scenario.routings.filter { $0.product == lot.product }.count } - done)
        #expect(!schedule.shipments.isEmpty && schedule.shipments.allSatisfy { $0.daysLate == 0 || $0.holdUp != nil })
        // Late orders first.
        let lateness = schedule.shipments.map(\.daysLate)
        #expect(lateness == lateness.sorted(by: >))
        // Days: working minutes only on working days; on Sunday 3 January only the night shift
        // of HEAT's three shifts that began on Saturday.
        let sunday = schedule.days.filter { $0.day == Day(year: 2027, month: 1, day: 3) }
        #expect(sunday.filter { $0.availableMinutes > 0 }.map(\.workCenter) == ["HEAT"])
        #expect(sunday.first { $0.workCenter == "HEAT" }?.availableMinutes == 6 * 60)  // its shifts start at 06:00
        #expect(schedule.days.allSatisfy { $0.scheduledMinutes <= $0.availableMinutes })
        // The same input gives the same schedule (the steps, not the time limit, end the search).
        let again = try ShopFloorScheduler(iterations: 30, timeLimit: 600).schedule(scenario, lots: lots, window: window, overtimeHours: overtime)
        #expect(try again.json() == schedule.json())
    }

    @Test func seededPlantsPassTheChecker() throws {
        for seed in UInt64(1)...4 {
            let scenario = ScenarioFactory.random(seed: seed, products: 6, centers: 4, orders: 40)
            let window = ShopWindow(start: scenario.horizon.start, days: 60)
            let lots = ProductionLot.lots(ofOrders: scenario, window: window)
            let schedule = try ShopFloorScheduler(iterations: 50, seed: seed).schedule(scenario, lots: lots, window: window, source: .orders)
            #expect(ShopFloorChecker.violations(schedule, scenario: scenario) == [], "seed \(seed)")
            #expect(schedule.lots.count == scenario.orders.filter { $0.remaining > 0 && ($0.due < window.range.end || $0.status == .frozen) }.count)
            #expect(Set(schedule.shipments.map(\.order)) == Set(schedule.lots.flatMap(\.orders)))
        }
    }

    @Test func lotsOfAPlanFollowLotSizesAndPegging() throws {
        let scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let plan = try AggregatePlanner(scenario).plan(PlanOptions())
        let window = ShopWindow(firstPeriodOf: scenario.horizon)
        let lots = ProductionLot.lots(of: plan, scenario: scenario, window: window)
        let products = Dictionary(uniqueKeysWithValues: scenario.products.map { ($0.id, $0) })
        // Forecast lots are of the lot size, but for one a period with the rest.
        for (key, group) in Dictionary(grouping: lots.filter(\.orders.isEmpty), by: { "\($0.product)/\($0.period!)" }) {
            let size = products[group[0].product]!.setupLot
            #expect(size == 0 ? group.count == 1 : group.filter { abs($0.quantity - size) > 1e-9 }.count <= 1, "\(key)")
            #expect(group.allSatisfy { $0.due == window.end })
        }
        for lot in lots where !lot.orders.isEmpty {
            let order = scenario.orders.first { $0.id == lot.orders[0] }!
            #expect(lot.due == window.minute(of: order.due.advanced(by: 1)))
        }
    }

    @Test func aStepWithNoWorkingMachineIsAClearError() throws {
        var scenario = Self.shop()
        scenario.workCenters[0].shiftsPerDay = 0
        #expect(throws: ShopFloorError.self) {
            try ShopFloorScheduler(iterations: 0).schedule(scenario, lots: [Self.lot("L1", quantity: 1)], window: Self.window)
        }
    }
}

/// Rescheduling after a breakdown: started work stays, the rest moves as little as it must.
@Suite struct ShopFloorRescheduleTests {
    @Test func aBreakdownRescheduleKeepsStartedOperations() throws {
        // Two machines, four lots of a shift each: Monday W-1 and W-2 take one each, Tuesday the next two.
        let scenario = ShopFloorTests.shop(machines: 2)
        let window = ShopFloorTests.window
        let lots = (1...4).map { ShopFloorTests.lot("L\($0)", quantity: 8, due: window.minute(of: ShopFloorTests.monday.advanced(by: 2))) }
        let before = try ShopFloorScheduler(iterations: 100).schedule(scenario, lots: lots, window: window)
        #expect(ShopFloorChecker.violations(before, scenario: scenario).isEmpty)
        #expect(before.lateOrders.isEmpty && before.lateLots == 0)
        // W-1 breaks down on Tuesday before the shift; reschedule from Tuesday 07:00.
        var broken = scenario
        broken.maintenance = [Maintenance(workCenter: "W", start: ShopFloorTests.monday.advanced(by: 1), end: ShopFloorTests.monday.advanced(by: 2), machines: 1)]
        let at = window.minute(of: ShopFloorTests.monday.advanced(by: 1)) + 7 * 60
        let after = try ShopFloorScheduler(iterations: 100).reschedule(broken, previous: before, at: at)
        let started = before.operations.filter { $0.start < at }
        #expect(after.schedule.frozen == started.count && started.count == 2)
        for o in started {
            let now = try #require(after.schedule.operations.first { $0.lot == o.lot && $0.step == o.step })
            #expect(now.machine == o.machine && now.start == o.start)
        }
        // Nothing runs on W-1 on Tuesday or Wednesday: Tuesday's lot on W-1 moves.
        let downFrom = at, downTo = window.minute(of: ShopFloorTests.monday.advanced(by: 3))
        for o in after.schedule.operations where o.machine == "W-1" && o.start >= downFrom { #expect(o.start >= downTo) }
        #expect(ShopFloorChecker.violations(after.schedule, scenario: broken).isEmpty)
        #expect(!after.moved.isEmpty && after.moved.allSatisfy { m in !started.contains { $0.lot == m.lot } })
        #expect(after.newlyLate.isEmpty)  // the lots carry no orders
        #expect(after.schedule.lateLots >= 1)
    }

    @Test func anEditedEarlierScheduleIsAClearErrorNotACrash() throws {
        let scenario = ShopFloorTests.shop()
        let before = try ShopFloorScheduler(iterations: 0).schedule(scenario, lots: [ShopFloorTests.lot("L1", quantity: 4)], window: ShopFloorTests.window)
        var negative = before
        negative.window.days = -5
        #expect(throws: ShopFloorError.invalidRequest("the earlier schedule's window has -5 days; expected 1...3660")) {
            try ShopFloorScheduler(iterations: 0).reschedule(scenario, previous: negative, at: 0)
        }
        var nothing = before
        nothing.lots[0].quantity = .nan
        #expect(throws: ShopFloorError.self) { try ShopFloorScheduler(iterations: 0).reschedule(scenario, previous: nothing, at: 0) }
        #expect(throws: ShopFloorError.self) { try ShopFloorScheduler(iterations: 0).reschedule(scenario, previous: before, at: -1) }
    }

    @Test func aRushOrderIsAddedAndACancelledOneDropped() throws {
        var scenario = ShopFloorTests.shop(machines: 1)
        let window = ShopFloorTests.window
        scenario.orders = [
            CustomerOrder(id: "O1", product: "A", quantity: 4, due: ShopFloorTests.monday.advanced(by: 3)),
            CustomerOrder(id: "O2", product: "A", quantity: 4, due: ShopFloorTests.monday.advanced(by: 4)),
        ]
        let before = try ShopFloorScheduler(iterations: 50).schedule(scenario, lots: ProductionLot.lots(ofOrders: scenario, window: window), window: window, source: .orders)
        var changed = scenario
        changed.orders.removeAll { $0.id == "O2" }
        changed.orders.append(CustomerOrder(id: "RUSH", product: "A", quantity: 6, due: ShopFloorTests.monday, priority: 1, rush: true))
        let after = try ShopFloorScheduler(iterations: 50).reschedule(changed, previous: before, at: 0, adding: ["RUSH"])
        #expect(Set(after.schedule.lots.map(\.id)) == ["O1", "RUSH"])
        #expect(after.added == 1 && after.dropped == 1)
        // The rush order goes first: 6 hours due by Monday night, on a machine of 8 hours a day.
        #expect(after.schedule.operations.first?.lot == "RUSH")
        #expect(after.schedule.shipments.first { $0.order == "RUSH" }?.daysLate == 0)
    }
}

/// The schedule's page in a real browser, as the plan report is checked.
@Suite struct ShopFloorPageTests {
    @Test(.enabled(if: HeadlessChromium.isInstalled))
    func chromiumDrawsTheGanttChartAndRunsNothing() throws {
        var scenario = ShopFloorTests.shop(machines: 2, products: ["A", "<script>alert(1)</script>"])
        scenario.name = "<b>shop</b>"
        scenario.calendarExceptions = [CalendarException(start: ShopFloorTests.monday.advanced(by: 2), kind: .holiday)]
        let lots = (1...6).map { ShopFloorTests.lot("L\($0)", $0 % 2 == 0 ? "A" : "<script>alert(1)</script>", quantity: 5, due: 2 * 1_440) }
        let schedule = try ShopFloorScheduler(iterations: 50).schedule(scenario, lots: lots, window: ShopFloorTests.window)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-gantt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("schedule.html")
        try schedule.html().write(to: page, atomically: true, encoding: .utf8)
        let chromium = HeadlessChromium(folder: folder, page: page).run
        let shot = folder.appendingPathComponent("schedule.png")
        _ = try chromium(["--window-size=1400,1000", "--screenshot=\(shot.path)"])
        let png = try Data(contentsOf: shot)
        #expect(png.count > 10_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let dom = try chromium(["--dump-dom"])
        #expect(dom.contains("<h2>Gantt chart</h2>") && dom.contains("<h2>Dispatch lists</h2>"))
        // One bar per operation, a shaded holiday per machine, late lots outlined.
        #expect(dom.components(separatedBy: "<title>L").count - 1 == schedule.operations.count)
        // Every machine's nights, weekend and the holiday shaded: 8 working hours a day on 9
        // working days of the 14, so 10 gaps a machine (before each shift and the last evening).
        #expect(dom.components(separatedBy: "fill=\"#e8e8e8\"").count - 1 == 2 * 10)
        let gaps = schedule.workingTimes.map(\.working.count)
        #expect(gaps == [9, 9])
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !dom.contains("<script"))
        #expect(!dom.contains("<b>shop</b>"))
    }
}
