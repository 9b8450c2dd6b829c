import Testing
@testable import Takt

@Suite struct CapacityLoadTests {
    private func isClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(b)) }

    @Test func equipmentAndLaborCapacityByHand() throws {
        var s = ScenarioFactory.small()
        s.calendarExceptions = [CalendarException(start: Day(year: 2027, month: 1, day: 1), kind: .holiday)]
        // One of two machines down Monday 4 and Tuesday 5 January; 4 machine-days lost in March.
        s.maintenance = [
            Maintenance(workCenter: "W", start: Day(year: 2027, month: 1, day: 4), end: Day(year: 2027, month: 1, day: 5)),
            Maintenance(workCenter: "W", period: PeriodReference("2027-03"), machineDays: 4),
        ]
        let table = try CapacityLoadAnalysis(s).table()
        let january = try #require(table.row("W", kind: .workCenter, period: 0))
        // 2 machines × 20 days × 2 shifts × 8 h × 0.9 = 576 h, less 1 × 2 days × 14.4 h = 28.8 h.
        #expect(isClose(january.maintenanceHours, 28.8))
        #expect(isClose(january.availableHours, 576 - 28.8))
        #expect(isClose(january.overtimeHours, 40))
        // An extra shift: 2 machines × 20 days × 8 h × 0.9.
        #expect(isClose(january.extraShiftHours, 288))
        // March 2027 has 23 weekdays: 2 × 23 × 14.4 = 662.4 h, less 4 machine-days × 14.4 h.
        let march = try #require(table.row("W", kind: .workCenter, period: 2))
        #expect(isClose(march.availableHours, 662.4 - 57.6))
        // 10 workers × 20 days × 8 h × 0.95.
        let labor = try #require(table.row("L", kind: .laborPool, period: 0))
        #expect(isClose(labor.availableHours, 1520))
        #expect(isClose(labor.overtimeHours, 100))
    }

    @Test func fixedWorkingDaysOverrideTheCalendar() throws {
        var s = ScenarioFactory.small(machines: 1, shifts: 1, hoursPerShift: 2, efficiency: 1)
        s.horizon.workingDaysPerPeriod = 20
        let table = try CapacityLoadAnalysis(s).table()
        for period in 0..<12 { #expect(isClose(table.row("W", kind: .workCenter, period: period)!.availableHours, 40)) }
    }

    @Test func orderLoadByHand() throws {
        let orders = [
            // Due 20 January: 100 × 0.5 + 2 h setup on W, 100 × 0.2 h on L.
            CustomerOrder(id: "A", product: "P", quantity: 100, due: Day(year: 2027, month: 1, day: 20)),
            // Due 3 March but 40 made already: 60 × 0.5 + 2 in March.
            CustomerOrder(id: "B", product: "P", quantity: 100, due: Day(year: 2027, month: 3, day: 3), completed: 40),
            // Frozen in February although due in April.
            CustomerOrder(id: "C", product: "P", quantity: 10, due: Day(year: 2027, month: 4, day: 15), status: .frozen, frozenPeriod: PeriodReference("2027-02")),
            // May not start before 2 June though due... 10 June: stays in June.
            CustomerOrder(id: "D", product: "P", quantity: 20, due: Day(year: 2027, month: 6, day: 10), earliestStart: Day(year: 2027, month: 6, day: 2)),
        ]
        var s = ScenarioFactory.small(orders: orders)
        s.routings[0].offsetDays = 5
        let table = try CapacityLoadAnalysis(s).table()
        #expect(isClose(table.row("W", kind: .workCenter, period: 0)!.requiredHours, 52))
        #expect(isClose(table.row("L", kind: .laborPool, period: 0)!.requiredHours, 20))
        // B's step is 5 days before 3 March: 26 February.
        #expect(isClose(table.row("W", kind: .workCenter, period: 1)!.requiredHours, 32 + 7))
        #expect(isClose(table.row("W", kind: .workCenter, period: 2)!.requiredHours, 0))
        #expect(isClose(table.row("W", kind: .workCenter, period: 5)!.requiredHours, 12))
        let total = table.totals.first { $0.resource.id == "W" }!
        #expect(isClose(total.requiredHours, 52 + 32 + 7 + 12))
    }

    @Test func overloadsRankTheirOrders() throws {
        // Capacity in January: 1 machine × 20 days (21 weekdays, no holiday given: 21) × 8 h.
        let due = Day(year: 2027, month: 1, day: 25)
        let orders = [300.0, 100, 50, 20, 10, 5, 400].enumerated().map { i, q in
            CustomerOrder(id: "O\(i)", product: "P", quantity: q, due: due)
        }
        let s = ScenarioFactory.small(machines: 1, shifts: 1, efficiency: 1, orders: orders)
        let table = try CapacityLoadAnalysis(s).table()
        let january = try #require(table.row("W", kind: .workCenter, period: 0))
        #expect(isClose(january.availableHours, 168))
        #expect(january.status == .overloaded)
        #expect(january.topOrders.map(\.order) == ["O6", "O0", "O1", "O2", "O3"])
        #expect(isClose(january.topOrders[0].hours, 202))
        #expect(table.bottlenecks.first?.resource.id == "W")
        #expect(isClose(table.bottlenecks[0].overHours, january.requiredHours - 168))
    }

    @Test func statusesFollowTheThresholds() {
        #expect(LoadStatus.of(available: 100, required: 101, tight: 0.9, underload: 0.5) == .overloaded)
        #expect(LoadStatus.of(available: 100, required: 100, tight: 0.9, underload: 0.5) == .tight)
        #expect(LoadStatus.of(available: 100, required: 90, tight: 0.9, underload: 0.5) == .tight)
        #expect(LoadStatus.of(available: 100, required: 89, tight: 0.9, underload: 0.5) == .normal)
        #expect(LoadStatus.of(available: 100, required: 49, tight: 0.9, underload: 0.5) == .underloaded)
        #expect(LoadStatus.of(available: 0, required: 1, tight: 0.9, underload: 0.5) == .overloaded)
        #expect(LoadStatus.of(available: 0, required: 0, tight: 0.9, underload: 0.5) == .idle)
    }

    @Test func planLoadUsesPeriodEndsAndAlternatives() throws {
        var s = ScenarioFactory.small()
        s.workCenters.append(WorkCenter(id: "W-ALT", name: "Alt", unit: "U"))
        s.routings[0].alternatives = ["W-ALT"]
        s.routings[0].offsetDays = 40
        // A plan's setups are spread over the product's lot, as the plan counts them: 2 h a
        // lot of 20, so 0.1 h a unit on top of the 0.5 h run.
        s.products[0].lotMultiple = 20
        let plan = [
            // Completed end of March; the step 40 days earlier falls in February.
            PlannedProduction(product: "P", period: 2, quantity: 100),
            PlannedProduction(product: "P", period: 5, quantity: 10, alternatives: [StepAssignment(step: 10, workCenter: "W-ALT")]),
        ]
        let table = try CapacityLoadAnalysis(s, source: .plan(plan)).table()
        #expect(isClose(table.row("W", kind: .workCenter, period: 1)!.requiredHours, 60))
        #expect(isClose(table.row("W-ALT", kind: .workCenter, period: 4)!.requiredHours, 6))
        #expect(isClose(table.row("W", kind: .workCenter, period: 4)!.requiredHours, 0))
        var noAlternative = s
        noAlternative.routings[0].alternatives = []
        let moved = [PlannedProduction(product: "P", period: 0, quantity: 1, alternatives: [StepAssignment(step: 10, workCenter: "W-ALT")])]
        #expect(throws: CapacityLoadError.unknownAlternative(product: "P", step: 10, workCenter: "W-ALT", line: 0)) {
            try CapacityLoadAnalysis(noAlternative, source: .plan(moved)).table()
        }
        #expect(throws: CapacityLoadError.self) {
            try CapacityLoadAnalysis(s, source: .plan([PlannedProduction(product: "X", period: 0, quantity: 1)])).table()
        }
        #expect(throws: CapacityLoadError.self) {
            try CapacityLoadAnalysis(s, source: .plan([PlannedProduction(product: "P", period: 12, quantity: 1)])).table()
        }
    }

    @Test func unitFilterKeepsTheUnitAndWhatIsUnderIt() throws {
        let s = ScenarioFactory.random(seed: 1)
        let all = try CapacityLoadAnalysis(s).table()
        let two = try CapacityLoadAnalysis(s, unit: "U2").table()
        #expect(two.totals.allSatisfy { $0.resource.unit == "U2" })
        #expect(try CapacityLoadAnalysis(s, unit: "U1").table().totals.count == all.totals.count)
        #expect(throws: CapacityLoadError.self) { try CapacityLoadAnalysis(s, unit: "NOPE").table() }
    }

    /// Over random scenarios: total load is Σ remaining quantity × hours + setups, wherever
    /// the steps land, and every bucketing gives the same totals.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func invariantsOverRandomScenarios(seed: UInt64) throws {
        let s = ScenarioFactory.random(seed: seed)
        #expect(s.validate().filter { $0.severity == .error }.isEmpty)
        let byMonth = try CapacityLoadAnalysis(s).table()
        var expectedCenter = 0.0, expectedLabor = 0.0
        for order in s.orders where order.remaining > 0 {
            for step in s.routings where step.product == order.product {
                expectedCenter += step.runHours * order.remaining + step.setupHours
                expectedLabor += step.laborHours * order.remaining
            }
        }
        let center = byMonth.totals.filter { $0.resource.kind == .workCenter }.reduce(0) { $0 + $1.requiredHours }
        let labor = byMonth.totals.filter { $0.resource.kind == .laborPool }.reduce(0) { $0 + $1.requiredHours }
        #expect(isClose(center, expectedCenter))
        #expect(isClose(labor, expectedLabor))

        for length in [PeriodLength.week, .quarter, .year] {
            let other = try CapacityLoadAnalysis(s, by: length).table()
            for (a, b) in zip(byMonth.totals, other.totals) {
                #expect(isClose(a.requiredHours, b.requiredHours))
                #expect(isClose(a.availableHours, b.availableHours))
            }
            // Rows add up to their totals.
            for (r, total) in other.totals.enumerated() {
                let rows = other.rows[(r * other.periods.count)..<((r + 1) * other.periods.count)]
                #expect(isClose(rows.reduce(0) { $0 + $1.requiredHours }, total.requiredHours))
            }
        }
        // Months rolled up into quarters give each quarter's numbers.
        let byQuarter = try CapacityLoadAnalysis(s, by: .quarter).table()
        for r in byMonth.totals.indices {
            for q in 0..<4 {
                let months = (0..<3).map { byMonth.rows[r * 12 + q * 3 + $0] }
                let quarter = byQuarter.rows[r * 4 + q]
                #expect(isClose(months.reduce(0) { $0 + $1.requiredHours }, quarter.requiredHours))
                #expect(isClose(months.reduce(0) { $0 + $1.availableHours }, quarter.availableHours))
            }
        }
    }

    @Test func samplePlantOutputsAgree() throws {
        let s = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let table = try CapacityLoadAnalysis(s).table()
        #expect(table.rows.count == 13 * 12)
        let csvLines = table.csv().split(separator: "\n")
        #expect(csvLines.count == 13 * 12 + 1)
        // The JSON carries the same numbers as the rows.
        let json = try table.json()
        #expect(json.contains("\"required_hours\""))
        #expect(try table.json() == json)
        #expect(table.text().contains("Bottlenecks"))
    }
}

/// Load lands where work can happen: a step due on a day its resource does not work moves
/// to the resource's last working day before it.
@Suite struct LoadOnWorkingDaysTests {
    @Test func workDueInAHolidayWeekIsDoneBeforeIt() throws {
        // Spring Festival, Friday 5 to Thursday 11 February 2027; the order is due on the 9th.
        let due = Day(year: 2027, month: 2, day: 9)
        var s = ScenarioFactory.small(orders: [CustomerOrder(id: "O", customer: "c", product: "P", quantity: 100, due: due)])
        s.calendarExceptions = [CalendarException(start: Day(year: 2027, month: 2, day: 5), end: Day(year: 2027, month: 2, day: 11), kind: .holiday)]
        let table = try CapacityLoadAnalysis(s, by: .week).table()
        for row in table.rows where row.requiredHours > 0 {
            #expect(row.availableHours > 0, "\(row.resource.id) \(row.period): needs \(row.requiredHours) h, has none")
        }
        // The week holding Thursday 4 February, the last working day before, carries it all.
        let week = table.rows.filter { $0.resource.id == "W" && $0.requiredHours > 0 }
        let thursday = Day(year: 2027, month: 2, day: 4)
        #expect(week.count == 1 && week[0].periodStart <= thursday && thursday < week[0].periodStart.advanced(by: 7), "\(week.map(\.period))")
        #expect(abs(week[0].requiredHours - (0.5 * 100 + 2)) < 1e-9)
    }

    @Test func aFrozenOrderStaysInItsPeriodEvenOnAClosedDay() throws {
        // Frozen in January, due 1 January (a holiday, the horizon's first day): nothing earlier
        // in its period or the horizon, so it stays on the day itself.
        let order = CustomerOrder(
            id: "F", customer: "c", product: "P", quantity: 10, due: Day(year: 2027, month: 1, day: 1), status: .frozen,
            frozenPeriod: PeriodReference("2027-01"))
        var s = ScenarioFactory.small(orders: [order])
        s.calendarExceptions = [CalendarException(start: Day(year: 2027, month: 1, day: 1), kind: .holiday)]
        let table = try CapacityLoadAnalysis(s).table()
        #expect(table.rows.filter { $0.resource.id == "W" && $0.requiredHours > 0 }.map(\.period) == ["2027-01"])
    }
}

/// A plan's load table counts its labor pools' hours at the workers the plan has, as the
/// plan's own resource rows do.
@Suite struct PlanLoadWorkforceTests {
    @Test func availableHoursAgreeWithThePlansResources() throws {
        let scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let plan = try AggregatePlanner(scenario).plan()
        #expect(plan.plannedWorkforce.keys.sorted() == ["ASM", "MACH", "QC"])
        let table = try CapacityLoadAnalysis(scenario, plan: plan).table()
        let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ("\($0.resource.id)|\($0.period)", $0) })
        for resource in plan.resources {
            let row = try #require(rows["\(resource.resource.id)|\(resource.period)"])
            #expect(abs(row.availableHours - resource.availableHours) <= 1e-6 * max(1, resource.availableHours), "\(resource.resource.id) \(resource.period)")
        }
        // The starting headcount is what a load table of the orders shows.
        let fromOrders = try CapacityLoadAnalysis(scenario).table()
        let january = fromOrders.rows.first { $0.resource.id == "MACH" && $0.period == "2027-01" }!
        let planned = rows["MACH|2027-01"]!
        #expect(planned.availableHours < january.availableHours)  // the plan lays machinists off in January
    }
}

/// One load picture: the load table of a plan has, for every resource and period, the hours
/// the plan itself counts (its resource rows), whichever way the plan was made.
@Suite struct OneLoadPictureTests {
    private func expectAgreement(_ scenario: Scenario, _ options: PlanOptions) throws {
        let plan = try AggregatePlanner(scenario).plan(options)
        let table = try CapacityLoadAnalysis(scenario, plan: plan).table()
        let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ("\($0.resource.id)|\($0.period)", $0) })
        var compared = 0
        for resource in plan.resources {
            let row = try #require(rows["\(resource.resource.id)|\(resource.period)"])
            let scale = max(1, resource.requiredHours, resource.availableHours)
            #expect(abs(row.requiredHours - resource.requiredHours) <= 1e-6 * scale, "\(resource.resource.id) \(resource.period): \(row.requiredHours) vs \(resource.requiredHours)")
            #expect(abs(row.availableHours - resource.availableHours) <= 1e-6 * scale, "\(resource.resource.id) \(resource.period)")
            compared += 1
        }
        #expect(compared == table.rows.count)
    }

    @Test func theSamplePlant() throws {
        try expectAgreement(try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario, PlanOptions(method: .exact))
    }

    /// Generated plants have alternatives, lots and lead-time offsets; planned both ways.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func generatedPlants(seed: UInt64) throws {
        let scenario = ScenarioGenerator(orders: 400, products: 12, families: 3, workCenters: 6, units: 2, seed: seed).scenario()
        try expectAgreement(scenario, PlanOptions(method: .exact))
        try expectAgreement(scenario, PlanOptions(method: .familiesFirst))
    }
}
