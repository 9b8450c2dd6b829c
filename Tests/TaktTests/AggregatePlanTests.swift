import Testing
import TaktLP
@testable import Takt

@Suite struct AggregatePlanTests {
    private func isClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test func redTomatoContinuousAndWholeWorkers() throws {
        var scenario = try ScenarioLoader.load(from: Datasets.root.appendingPathComponent("textbook/red-tomato").path).scenario
        let continuous = try AggregatePlanner(scenario).plan()
        #expect(isClose(continuous.costs.total, 422_275))
        #expect(isClose(continuous.objective, 422_275))
        scenario.policy.workforce = .integer
        let whole = try AggregatePlanner(scenario).plan()
        #expect(isClose(whole.costs.total, 422_660))
        #expect(whole.resources.compactMap(\.workers).allSatisfy { $0 == $0.rounded() })
        // The plan ends with at least 500 in stock and no backlog.
        let last = try #require(whole.products.last)
        #expect(last.endingInventory >= 500 - 1e-6 && last.endingBacklog == 0)
    }

    @Test func sailcoAsAPlanningScenario() throws {
        let scenario = try ScenarioLoader.load(from: Datasets.sailco.path).scenario
        let plan = try AggregatePlanner(scenario).plan()
        #expect(isClose(plan.costs.total, 78_450))
        #expect(plan.products.map(\.production).map { $0.rounded() } == [40, 50, 75, 25])
        #expect(plan.resources.map(\.overtimeHours).map { $0.rounded() } == [0, 10, 35, 0])
        // Overtime costs 50 an hour: one more regular hour in quarter 3 saves that.
        #expect(isClose(plan.resources[2].hourValue ?? 0, 50))
    }

    // MARK: Hand-checked features

    /// One product, one work center of 100 h a month (1 h a unit) with overtime, two months.
    private func twoMonths(demand: [Double], overtimeCost: Double, backlogCost: Double) -> Scenario {
        var s = ScenarioFactory.small(machines: 1, shifts: 1, hoursPerShift: 5, efficiency: 1, periods: 2)
        s.horizon.workingDaysPerPeriod = 20
        s.laborPools = []
        s.routings = [RoutingStep(product: "P", step: 10, workCenter: "W", runHours: 1)]
        s.workCenters[0].overtimeHoursMax = 1000
        s.workCenters[0].overtimeCost = overtimeCost
        s.workCenters[0].extraShiftCost = nil
        s.products[0].backlogCost = backlogCost
        s.products[0].holdingCost = 1
        s.salesPlan = demand.enumerated().map { SalesPlanLine(product: "P", period: PeriodReference("2027-0\($0.offset + 1)")!, quantity: $0.element) }
        return s
    }

    @Test func overtimeOnlyWhenCheaperThanBacklog() throws {
        // 150 units in month 1, 0 in month 2: 50 units over capacity in month 1.
        let dearOvertime = try AggregatePlanner(twoMonths(demand: [150, 0], overtimeCost: 20, backlogCost: 5)).plan()
        #expect(isClose(dearOvertime.resources[0].overtimeHours, 0))
        #expect(isClose(dearOvertime.products[0].endingBacklog, 50))
        let cheapOvertime = try AggregatePlanner(twoMonths(demand: [150, 0], overtimeCost: 4, backlogCost: 5)).plan()
        #expect(isClose(cheapOvertime.resources[0].overtimeHours, 50))
        #expect(isClose(cheapOvertime.products[0].endingBacklog, 0))
    }

    @Test func subcontractLeadTimeIsRespected() throws {
        var s = twoMonths(demand: [150, 150], overtimeCost: 100, backlogCost: 50)
        s.policy.backlogAllowed = false
        s.subcontractors = [Subcontractor(id: "S", name: "S", product: "P", unitCost: 3, leadTimeDays: 20)]
        let plan = try AggregatePlanner(s).plan()
        // Nothing can arrive in the first month; the shortfall there goes on overtime.
        #expect(plan.subcontracting.allSatisfy { $0.period == "2027-02" })
        #expect(isClose(plan.resources[0].overtimeHours, 50))
        // Month 2: 100 units in regular time, 50 bought at 3 rather than made on overtime at 100.
        #expect(isClose(plan.subcontracting.reduce(0) { $0 + $1.quantity }, 50))
    }

    @Test func frozenOrderIsKeptInItsPeriod() throws {
        var s = twoMonths(demand: [0, 0], overtimeCost: 1, backlogCost: 5)
        // Due in month 2 but frozen in month 1: made in month 1 though holding costs more.
        s.orders = [CustomerOrder(id: "F", product: "P", quantity: 60, due: Day(year: 2027, month: 2, day: 20), status: .frozen, frozenPeriod: PeriodReference("2027-01"))]
        let plan = try AggregatePlanner(s).plan()
        #expect(isClose(plan.products[0].production, 60))
        #expect(plan.orders[0].portions.map(\.period) == ["2027-01"])
        #expect(plan.contradictions.isEmpty)
    }

    @Test func frozenOrderOnAClosedWorkCenterIsAContradiction() throws {
        var s = twoMonths(demand: [0, 0], overtimeCost: 1, backlogCost: 5)
        s.workCenters[0].overtimeHoursMax = 0
        s.calendarExceptions = [CalendarException(scope: "W", start: Day(year: 2027, month: 1, day: 1), end: Day(year: 2027, month: 1, day: 31), kind: .closure)]
        s.horizon.workingDaysPerPeriod = nil
        s.orders = [CustomerOrder(id: "F", product: "P", quantity: 60, due: Day(year: 2027, month: 2, day: 20), status: .frozen, frozenPeriod: PeriodReference("2027-01"))]
        let plan = try AggregatePlanner(s).plan()
        let contradiction = try #require(plan.contradictions.first)
        #expect(contradiction.kind == .frozenShortfall && contradiction.subject == "P" && contradiction.period == "2027-01")
        #expect(contradiction.message.contains("work center W has at most 0 hours in 2027-01"))
        // Still a plan: the order is made in month 2 instead.
        #expect(plan.orders[0].onTime)
    }

    @Test func rushOrderIsServedFirst() throws {
        var s = twoMonths(demand: [0, 0], overtimeCost: 1000, backlogCost: 5)
        // Two orders due in month 1 for 80 each; capacity 100 in month 1.
        let due = Day(year: 2027, month: 1, day: 25)
        s.orders = [
            CustomerOrder(id: "A-NORMAL", product: "P", quantity: 80, due: due, priority: 5),
            CustomerOrder(id: "B-RUSH", product: "P", quantity: 80, due: due.advanced(by: 1), priority: 5, rush: true),
        ]
        let plan = try AggregatePlanner(s).plan()
        let rush = try #require(plan.orders.first { $0.order == "B-RUSH" })
        let normal = try #require(plan.orders.first { $0.order == "A-NORMAL" })
        #expect(rush.onTime)
        #expect(normal.periodsLate == 1)
    }

    @Test func lostSalesOnlyWhereAllowed() throws {
        var s = twoMonths(demand: [300, 0], overtimeCost: 1000, backlogCost: 5)
        s.workCenters[0].overtimeHoursMax = 0
        s.products[0].lostSaleCost = 7
        s.policy.backlogAllowed = false
        // Not allowed: 200 units cannot be made in time; they are unmet, and said so.
        let strict = try AggregatePlanner(s).plan()
        #expect(isClose(strict.unmetDemand, 200))
        #expect(strict.contradictions.contains { $0.kind == .unmetDemand })
        #expect(isClose(strict.costs.lostSales, 0))
        s.policy.lostSalesAllowed = true
        // Allowed: the same 200 units are unmet demand, let go as lost sales, not unsupplied.
        let lenient = try AggregatePlanner(s).plan()
        #expect(isClose(lenient.unmetDemand, 200) && isClose(lenient.lostSalesQuantity, 200))
        #expect(isClose(lenient.unsuppliedDemand, 0) && isClose(strict.unsuppliedDemand, 200))
        #expect(isClose(lenient.costs.lostSales, 200 * 7))
    }

    // MARK: Invariants

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func invariantsOverRandomScenarios(seed: UInt64) throws {
        var s = ScenarioFactory.random(seed: seed, products: 6, centers: 4, orders: 120)
        for i in s.workCenters.indices { s.workCenters[i].overtimeCost = 40; s.workCenters[i].extraShiftCost = 2000 }
        for i in s.products.indices { s.products[i].backlogCost = 3; s.products[i].holdingCost = 1; s.products[i].initialInventory = Double(10 * i) }
        s.subcontractors = [Subcontractor(id: "S", name: "S", product: "P0", capacity: 50, unitCost: 30, leadTimeDays: 15)]
        let plan = try AggregatePlanner(s).plan()

        // Capacity: required hours never exceed regular + overtime + extra shift.
        for row in plan.resources {
            #expect(row.requiredHours <= row.availableHours + row.overtimeHours + row.extraShiftHours + 1e-6)
        }
        // Inventory balance per product and period.
        for (p, product) in s.products.enumerated() {
            let rows = plan.products.filter { $0.product == product.id }
            var stock = product.initialInventory
            for row in rows {
                stock += row.production + row.subcontracted - row.delivered
                #expect(isClose(stock, row.endingInventory, 1e-6), "product \(p) \(row.period)")
            }
        }
        // Every ordered unit is accounted for exactly once.
        for order in plan.orders {
            let supplied = order.portions.reduce(0) { $0 + $1.quantity }
            #expect(isClose(supplied + order.unmetQuantity, order.quantity), "\(order)")
        }
        let ordered = s.orders.reduce(0) { $0 + $1.remaining }
        let accounted = plan.orders.reduce(0) { $0 + $1.portions.reduce(0) { $0 + $1.quantity } + $1.unmetQuantity }
        #expect(isClose(accounted, ordered))
    }

    /// For small random scenarios the compact model's optimum equals that of the
    /// straightforward model with one column per order and period.
    @Test(arguments: [21, 22, 23, 24, 25] as [UInt64])
    func compactModelMatchesOrderByPeriodModel(seed: UInt64) throws {
        var s = ScenarioFactory.random(seed: seed, products: 4, centers: 3, orders: 40)
        for i in s.orders.indices {
            s.orders[i].status = .open
            s.orders[i].frozenPeriod = nil
            s.orders[i].rush = i % 7 == 0
        }
        for i in s.products.indices {
            s.products[i].backlogCost = 4
            s.products[i].holdingCost = 1
            s.products[i].unitCost = 10
            s.products[i].initialInventory = Double(15 * i)
        }
        for i in s.workCenters.indices { s.workCenters[i].overtimeCost = 25; s.workCenters[i].extraShiftCost = 900 }
        for i in s.laborPools.indices { s.laborPools[i].overtimeHoursMax = 5; s.laborPools[i].overtimeCost = 30 }
        // No production runs: their relaxation depends on the big M, which the order model has not.
        for i in s.routings.indices { s.routings[i].setupHours = 0 }
        let compact = try AggregatePlanner(s).plan(PlanOptions(quantities: .relaxed))
        let reference = try GLPKSolverForTests.solve(OrderPeriodModel(s).program())
        #expect(isClose(compact.objective, reference, 1e-7), "compact \(compact.objective) vs order × period \(reference)")
    }
}
