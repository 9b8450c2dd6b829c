import Foundation
import Testing
@testable import Takt
import TaktGLPK
import TaktLP

@Suite struct DecompositionTests {
    static let january = Day(year: 2027, month: 1, day: 1)

    /// One product on one work center with 100 hours a month (20 days × 5 h), 1 h a unit.
    static func quarterCase(sales: [Double], overtime: Double = 0) -> Scenario {
        Scenario(
            name: "quarters",
            horizon: Horizon(start: january, periodLength: .month, periodCount: 12, workingDaysPerPeriod: 20),
            units: [ProductionUnit(id: "U", name: "Unit")],
            products: [Product(id: "P", name: "P", family: "F", holdingCost: 1, backlogCost: 5)],
            workCenters: [WorkCenter(id: "W", name: "W", unit: "U", hoursPerShift: 5, overtimeHoursMax: overtime, overtimeCost: 2)],
            routings: [RoutingStep(product: "P", step: 10, workCenter: "W", runHours: 1)],
            salesPlan: sales.enumerated().map { SalesPlanLine(product: "P", period: PeriodReference("2027-Q\($0 + 1)")!, quantity: $1) })
    }

    static func production(_ plan: DecomposedPlan, _ level: PlanLevel, product: String = "P") -> [Double] {
        plan.products.filter { $0.level == level && $0.product == product }.map(\.production)
    }

    @Test func roundedRunningTotalKeepsTheTotal() {
        // Running totals 3.33, 6.67, 10 lots round to 3, 7, 10.
        #expect(QuantitySplit.split(100, weights: [1, 1, 1], step: 10) == [30, 40, 30])
        #expect(QuantitySplit.split(105, weights: [1, 1], step: 10) == [55, 50])
        #expect(QuantitySplit.split(7, weights: [0, 0], fallback: [1, 3], step: 1) == [2, 5])
        #expect(QuantitySplit.split(0, weights: [1, 2], step: 1) == [0, 0])
        let fine = QuantitySplit.split(1, weights: [1, 1, 1], step: 0)
        #expect(fine.reduce(0, +) == 1)
    }

    @Test func weeksNestInMonths() {
        let calendar = PlanCalendar(start: Self.january, to: .week)
        #expect(calendar.levels == [.year, .quarter, .month, .week])
        #expect(calendar.periods[1].map(\.label) == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"])
        let january = calendar.periods[3].filter { calendar.parent[3][$0.index] == 0 }
        // 2027-01-01 is a Friday: 1–3, 4–10, 11–17, 18–24, 25–31.
        #expect(january.map(\.range.dayCount) == [3, 7, 7, 7, 7])
        // Whole weeks have ISO labels, cut ones their first day, as the horizon names weeks.
        #expect(january.map(\.label) == ["2027-01-01", "2027-W01", "2027-W02", "2027-W03", "2027-W04"])
        #expect(Set(calendar.finest.map(\.label)).count == calendar.finest.count)
        let march = calendar.periods[3].filter { calendar.parent[3][$0.index] == 2 }
        #expect(march.last?.label == "2027-03-29" && march.last?.range.dayCount == 3)
        #expect(calendar.finest.reduce(0) { $0 + $1.range.dayCount } == 365)
        for (t, week) in calendar.finest.enumerated() {
            let month = calendar.periods[2][calendar.parent[3][t]]
            #expect(month.start <= week.start && week.end <= month.end)
        }
    }

    @Test func levelSplitsEquallyAtEveryLevel() throws {
        let scenario = Self.quarterCase(sales: [300, 300, 300, 300])
        let plan = try PlanDecomposer(scenario, annualPlan: [AnnualPlanEntry(item: "P", quantity: 1200)])
            .decompose(DecompositionOptions(to: .month, method: .level))
        #expect(Self.production(plan, .year) == [1200])
        #expect(Self.production(plan, .quarter) == [300, 300, 300, 300])
        #expect(Self.production(plan, .month) == Array(repeating: 100, count: 12))
        #expect(plan.annual.first?.source == .given)
    }

    @Test func salesSplitFollowsTheSalesPlan() throws {
        let scenario = Self.quarterCase(sales: [100, 400, 300, 200])
        let plan = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .quarter, method: .sales))
        #expect(plan.annual.first?.source == .derived)
        #expect(Self.production(plan, .year) == [1000])
        #expect(Self.production(plan, .quarter) == [100, 400, 300, 200])
        let months = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .month, method: .sales))
        // Q1's 100 spread by days: 31, 28, 31 of 90 → running totals 34.4, 65.6, 100 → 34, 66, 100.
        #expect(Array(Self.production(months, .month).prefix(3)) == [34, 32, 34])
    }

    @Test func workingDaysSplitFollowsTheCalendar() throws {
        var scenario = Self.quarterCase(sales: [0, 0, 0, 0])
        scenario.horizon.workingDaysPerPeriod = nil
        scenario.calendars = [CalendarRule(weekdays: Weekday.workWeek)]
        let plan = try PlanDecomposer(scenario, annualPlan: [AnnualPlanEntry(item: "P", quantity: 2610)])
            .decompose(DecompositionOptions(to: .month, method: .workingDays))
        // 2027 has 261 weekdays; each month gets 10 units per weekday.
        var expected: [Double] = []
        for month in 1...12 {
            let first = Day(year: 2027, month: month, day: 1)
            let days = stride(from: first, to: first.addingMonths(1), by: 1).filter { Weekday.workWeek.contains($0.weekday) }.count
            expected.append(Double(days * 10))
        }
        #expect(Self.production(plan, .month) == expected)
    }

    /// Capacity 300 a quarter, sales 200, 500, 200, 300: every quarter must run full, 100 units
    /// wait in stock through Q1 and 100 are late through Q2.
    @Test func capacitySplitMatchesTheHandOptimum() throws {
        let scenario = Self.quarterCase(sales: [200, 500, 200, 300])
        let plan = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .quarter, method: .capacity))
        #expect(Self.production(plan, .quarter) == [300, 300, 300, 300])
        let scale = { (days: Double) in days / (365.0 / 12) }
        #expect(abs(plan.costs.holding - 100 * scale(90)) < 1e-6)
        #expect(abs(plan.costs.backlog - 500 * scale(91)) < 1e-6)
        #expect(plan.overloads.isEmpty)
        let ending = plan.products.filter { $0.level == .quarter }.map(\.endingPosition)
        #expect(zip(ending, [100, -100, 0, 0]).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func overtimeIsUsedWhenCheaperThanBacklog() throws {
        let scenario = Self.quarterCase(sales: [200, 500, 200, 300], overtime: 50)
        let plan = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .quarter, method: .capacity))
        // Q2 is 200 short. An overtime hour (2) is cheaper than a unit held through Q1 (1 a
        // month, 2.96 for 90 days), so Q2 takes all 150 hours of its overtime and Q1 builds
        // only the other 50 ahead.
        #expect(Self.production(plan, .quarter) == [250, 450, 200, 300])
        #expect(abs(plan.costs.overtime - 300) < 1e-6)
        #expect(abs(plan.costs.holding - 50 * 90 / (365.0 / 12)) < 1e-6)
        #expect(plan.costs.backlog < 1e-6)
    }

    /// Q, split level, needs 330 of W's 300 regular hours every quarter, so 30 of each
    /// quarter's 150 overtime hours are gone; P's 100 units due in Q2 fit in the other 120.
    /// (The split once read regular hours below zero as a debt on top of the overtime taken,
    /// and left P 90 hours.)
    @Test func theCapacitySplitUsesTheOvertimeOthersLeave() throws {
        var scenario = Self.quarterCase(sales: [0, 100, 0, 0], overtime: 50)
        scenario.products.append(Product(id: "Q", name: "Q", family: "G"))
        scenario.routings.append(RoutingStep(product: "Q", step: 10, workCenter: "W", runHours: 1))
        let plan = try PlanDecomposer(scenario, annualPlan: [AnnualPlanEntry(item: "Q", quantity: 1320)])
            .decompose(DecompositionOptions(to: .quarter, method: .capacity, methods: ["Q": .level]))
        #expect(Self.production(plan, .quarter, product: "Q") == [330, 330, 330, 330])
        #expect(Self.production(plan, .quarter) == [0, 100, 0, 0])
        #expect(plan.overloads.isEmpty)
        #expect(abs(plan.costs.overtime - 2 * (4 * 30 + 100)) < 1e-6)
        #expect(plan.costs.holding < 1e-6 && plan.costs.backlog < 1e-6)
    }

    /// Receipts follow the split's running total in whole units; a period with (almost) no
    /// in-house production rounds up, so the workshop gets no scraps there.
    @Test func subcontractedReceiptsAreWhole() throws {
        #expect(CapacitySplit.wholeReceipts([0.4, 0.4, 0.4, 2.4], step: 1, inHouse: [5, 5, 5, 0]) == [0, 1, 0, 3])
        #expect(CapacitySplit.wholeReceipts([18.411, 18.411, 18.411], step: 1, inHouse: [9, 9, 9]) == [18, 19, 18])
        #expect(CapacitySplit.wholeReceipts([0.25, 1.5], step: 0, inHouse: [0, 0]) == [0.25, 1.5])

        let scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let plan = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .week, method: .capacity))
        #expect(!plan.subcontracting.isEmpty)
        for line in plan.subcontracting { #expect(line.quantity == line.quantity.rounded() && line.quantity > 0, "\(line.period)") }
        #expect(abs(plan.costs.subcontracting - plan.subcontracting.reduce(0) { $0 + $1.extraCost }) < 1e-6)
    }

    /// `capacity.csv` (the split's evaluation) and the finest level's load table count the same
    /// hours per resource and period: whole quantities, what the unit makes itself (not what it
    /// buys), and a run product's setup once per period it is made in.
    @Test(arguments: [0, 1, 2])
    func capacityUseAgreesWithTheFinestLoadTable(_ plant: Int) throws {
        let scenario = switch plant {
        case 0: try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        default: ScenarioGenerator(orders: 400, products: 12, families: 3, workCenters: 6, units: 2, seed: 7, setups: plant == 2).scenario()
        }
        for to in [PlanLevel.month, .week] {
            let plan = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: to, method: .capacity))
            let table = try #require(plan.loads.last?.table)
            var required: [String: Double] = [:]
            for row in table.rows where row.requiredHours > 0 { required["\(row.resource.id) \(row.period)"] = row.requiredHours }
            var used: [String: Double] = [:]
            for use in plan.capacity { used["\(use.resource.id) \(use.period)"] = use.requiredHours }
            #expect(!used.isEmpty)
            for key in Set(required.keys).union(used.keys) {
                let a = required[key] ?? 0, b = used[key] ?? 0
                #expect(abs(a - b) <= 1e-6 * max(1, a), "\(to) \(key): load table \(a), capacity \(b)")
            }
            if plant == 2 { #expect(plan.costs.setups > 0) }
        }
    }

    @Test func anAnnualPlanThatDoesNotFitSaysWhereAndByHowMuch() throws {
        let scenario = Self.quarterCase(sales: [200, 500, 200, 300])
        let plan = try PlanDecomposer(scenario, annualPlan: [AnnualPlanEntry(item: "P", quantity: 1300)])
            .decompose(DecompositionOptions(to: .quarter, method: .capacity))
        #expect(Self.production(plan, .year) == [1300])
        // The extra 100 hours go where they save most: Q2, which would otherwise be late.
        #expect(plan.overloads.map(\.period) == ["2027-Q2"])
        #expect(abs((plan.overloads.first?.overloadHours ?? 0) - 100) < 1e-6)
        #expect(plan.text().contains("W 2027-Q2: 100 h over"))
    }

    @Test func familyEntriesKeepTheFamilyTotal() throws {
        var scenario = Self.quarterCase(sales: [100, 100, 100, 100])
        scenario.products.append(Product(id: "Q", name: "Q", family: "F", lotMultiple: 10))
        scenario.routings.append(RoutingStep(product: "Q", step: 10, workCenter: "W", runHours: 1))
        scenario.salesPlan.append(SalesPlanLine(product: "Q", period: PeriodReference("2027")!, quantity: 1200))
        let plan = try PlanDecomposer(scenario, annualPlan: [AnnualPlanEntry(item: "F", quantity: 1001)])
            .decompose(DecompositionOptions(to: .month))
        let annual = plan.annual.map(\.quantity)
        #expect(annual.reduce(0, +) == 1001)
        #expect(plan.annual.allSatisfy { $0.source == .family })
        #expect(plan.families.filter { $0.level == .year }.map(\.production) == [1001])
        #expect(throws: DecompositionError.productAndFamily(product: "P", family: "F")) {
            try PlanDecomposer(scenario, annualPlan: [AnnualPlanEntry(item: "F", quantity: 10), AnnualPlanEntry(item: "P", quantity: 5)])
                .decompose()
        }
        #expect(throws: DecompositionError.unknownItem("X")) {
            try PlanDecomposer(scenario, annualPlan: [AnnualPlanEntry(item: "X", quantity: 1)]).decompose()
        }
        #expect(throws: DecompositionError.invalidQuantity(item: "P", quantity: -1)) {
            try PlanDecomposer(scenario, annualPlan: [AnnualPlanEntry(item: "P", quantity: -1)]).decompose()
        }
    }

    /// A product that both units can make: U1 on W1 (primary), U2 on W2 (alternative), and a
    /// second product only U1 makes.
    static func twoUnits() -> Scenario {
        Scenario(
            name: "two units",
            horizon: Horizon(start: january, periodLength: .month, periodCount: 12, workingDaysPerPeriod: 20),
            units: [ProductionUnit(id: "U1", name: "One"), ProductionUnit(id: "U2", name: "Two")],
            products: [Product(id: "A", name: "A", family: "F"), Product(id: "B", name: "B", family: "G")],
            workCenters: [
                WorkCenter(id: "W1", name: "W1", unit: "U1", hoursPerShift: 10),
                WorkCenter(id: "W2", name: "W2", unit: "U2", hoursPerShift: 5),
            ],
            routings: [
                RoutingStep(product: "A", step: 10, workCenter: "W1", alternatives: ["W2"], runHours: 1),
                RoutingStep(product: "B", step: 10, workCenter: "W1", runHours: 1),
            ],
            salesPlan: [
                SalesPlanLine(product: "A", period: PeriodReference("2027")!, quantity: 1200),
                SalesPlanLine(product: "B", period: PeriodReference("2027")!, quantity: 600),
            ])
    }

    @Test func unitsShareByCapacityByFixedSharesAndBalanced() throws {
        let scenario = Self.twoUnits()
        func shares(_ options: DecompositionOptions) throws -> [String: Double] {
            let plan = try PlanDecomposer(scenario).decompose(options)
            return Dictionary(plan.annual.filter { $0.product == "A" }.map { ($0.unit, $0.quantity) }, uniquingKeysWith: +)
        }
        // W1 has 2,400 h a year, W2 1,200 h: two thirds and one third.
        #expect(try shares(DecompositionOptions(unitAllocation: .capacityShare)) == ["U1": 800, "U2": 400])
        #expect(try shares(DecompositionOptions(unitAllocation: .fixed, unitShares: ["F": ["U1": 1, "U2": 3]])) == ["U1": 300, "U2": 900])
        // B's 600 h sit on U1: equal load ratios need (600 + a)/2400 = (1200 − a)/1200, a = 600.
        #expect(try shares(DecompositionOptions(unitAllocation: .balanced)) == ["U1": 600, "U2": 600])
        // Shares are checked even where they do not come into play.
        #expect(throws: DecompositionError.unknownUnit(item: "G", unit: "U9", known: ["U1", "U2"])) {
            try PlanDecomposer(scenario).decompose(DecompositionOptions(unitShares: ["G": ["U9": 1]]))
        }
        #expect(throws: DecompositionError.unknownItem("H")) {
            try PlanDecomposer(scenario).decompose(DecompositionOptions(unitShares: ["H": ["U1": 1]]))
        }
        #expect(throws: DecompositionError.missingShares(product: "A")) {
            try PlanDecomposer(scenario).decompose(DecompositionOptions(unitAllocation: .fixed))
        }
        // The alternative work center is what U2's load table shows.
        let plan = try PlanDecomposer(scenario).decompose(DecompositionOptions(unitAllocation: .balanced))
        let year = try #require(plan.loads.first { $0.level == .year }).table
        #expect(year.totals.map(\.requiredHours) == [1200, 600])
    }

    /// Seeded generated plants: every level adds up to its parent, stock balances, lots hold,
    /// families are their products' sums, and families first never beats products by more than
    /// rounding.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func invariantsOnGeneratedPlants(seed: UInt64) throws {
        var scenario = ScenarioGenerator(orders: 400, products: 12, families: 3, workCenters: 6, units: 2, seed: seed).scenario()
        for p in scenario.products.indices where p % 3 == 0 { scenario.products[p].lotMultiple = 10 }
        var costs: [CapacityModel: Double] = [:]
        for (method, model) in [(SplitMethod.sales, CapacityModel.automatic), (.workingDays, .automatic), (.level, .automatic), (.capacity, .products), (.capacity, .families)] {
            let plan = try PlanDecomposer(scenario)
                .decompose(DecompositionOptions(to: .week, method: method, capacityModel: model))
            if method == .capacity { costs[model] = plan.costs.total }
            try Self.checkInvariants(plan, scenario: scenario)
        }
        // The costs are those of the rounded plans, and rounding to lots may cost either split
        // a little: the exact split is no dearer than families first beyond that.
        let products = try #require(costs[.products]), families = try #require(costs[.families])
        #expect(products <= families * 1.005)
    }

    /// `automatic` splits products in one model up to the size limit (items × periods of the
    /// finest level), families first beyond.
    @Test func automaticSplitsInOneModelWhileItIsAffordable() throws {
        let scenario = ScenarioGenerator(orders: 400, products: 12, families: 3, workCenters: 6, units: 2, seed: 1).scenario()
        func split(_ limit: Int) throws -> DecomposedPlan {
            try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .week, method: .capacity, capacityModel: .automatic, exactSizeLimit: limit))
        }
        let products = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .week, method: .capacity, capacityModel: .products))
        let families = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .week, method: .capacity, capacityModel: .families))
        let items = products.annual.filter { $0.method == .capacity }.count
        let weeks = Set(products.products.filter { $0.level == .week }.map(\.period)).count
        let size = items * weeks
        #expect(try split(size).capacityModel == .products && split(size).costs.total == products.costs.total)
        #expect(try split(size - 1).capacityModel == .families && split(size - 1).costs.total == families.costs.total)
        #expect(try split(DecompositionOptions().exactSizeLimit).capacityModel == .products)
    }

    /// Families' products split by monthly windows of weeks on several threads: the same plan
    /// for one, two or four threads, and the usual invariants; the same with a second round.
    @Test(arguments: [0, 1])
    func familiesSplitOnThreadsGiveOnePlan(refinementRounds: Int) throws {
        let scenario = ScenarioGenerator(orders: 600, products: 24, families: 4, workCenters: 6, units: 2, seed: 4).scenario()
        var plans: [DecomposedPlan] = []
        for threads in [1, 2, 4] {
            var options = DecompositionOptions(to: .week, method: .capacity, capacityModel: .families, threads: threads)
            options.wholeYearNonZeros = 0
            options.refinementRounds = refinementRounds
            plans.append(try PlanDecomposer(scenario).decompose(options))
        }
        #expect(plans[1] == plans[0])
        #expect(plans[2] == plans[0])
        #expect(plans[0].costs.total > 0)
        try Self.checkInvariants(plans[0], scenario: scenario)
    }

    /// A solver that solves so many programs, then refuses every other.
    final class TiringSolver: Solver, @unchecked Sendable {
        private let lock = NSLock()
        private var left: Int
        init(solves: Int) { left = solves }

        func solve(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> Solution {
            let go = lock.withLock {
                left -= 1
                return left >= 0
            }
            guard go else { throw .invalidOption(name: "solver", value: "tired", expected: "a solver that solves") }
            return try GLPKSolver().solve(program, options: options)
        }
    }

    /// A family's split that fails while others wait on it: the solver's error comes out, and
    /// no thread is left waiting.
    @Test(arguments: [3, 30, 60])
    func aFailedFamilySplitEndsEveryThread(solves: Int) throws {
        let scenario = ScenarioGenerator(orders: 600, products: 24, families: 4, workCenters: 6, units: 2, seed: 4).scenario()
        var options = DecompositionOptions(to: .week, method: .capacity, capacityModel: .families, threads: 2)
        options.wholeYearNonZeros = 0
        do {
            _ = try PlanDecomposer(scenario, solver: TiringSolver(solves: solves)).decompose(options)
            Issue.record("a tired solver's split finished")
        } catch {
            #expect("\(error)".contains("tired"), "\(error)")
        }
    }

    static func checkInvariants(_ plan: DecomposedPlan, scenario: Scenario) throws {
        let lot = Dictionary(uniqueKeysWithValues: scenario.products.map { ($0.id, $0.lotMultiple) })
        for lines in [plan.products, plan.families] {
            var byKey: [String: DecompositionLine] = [:]
            var childSums: [String: (Double, Double)] = [:]
            for line in lines {
                let key = "\(line.product ?? line.family)|\(line.unit)"
                byKey["\(key)|\(line.level)|\(line.period)"] = line
                #expect(line.production >= 0 && line.sales >= -1e-9)
                #expect(abs(line.openingPosition + line.production - line.sales - line.endingPosition) < 1e-6)
                if let product = line.product, let step = lot[product], step > 0 {
                    #expect(abs(line.production / step - (line.production / step).rounded()) < 1e-9, "\(product) \(line.period)")
                }
                if line.level != .year {
                    let parentLevel = PlanLevel.allCases[PlanLevel.allCases.firstIndex(of: line.level)! - 1]
                    let parentKey = "\(key)|\(parentLevel)|\(line.parentPeriod)"
                    let sum = childSums[parentKey] ?? (0, 0)
                    childSums[parentKey] = (sum.0 + line.production, sum.1 + line.sales)
                }
            }
            for (parentKey, sums) in childSums {
                let parent = try #require(byKey[parentKey])
                #expect(abs(parent.production - sums.0) < 1e-6, "\(parentKey)")
                #expect(abs(parent.sales - sums.1) < 1e-6, "\(parentKey)")
            }
        }
        // Families are their products' sums.
        for family in plan.families {
            let members = plan.products.filter { $0.level == family.level && $0.period == family.period && $0.family == family.family && $0.unit == family.unit }
            #expect(abs(members.reduce(0) { $0 + $1.production } - family.production) < 1e-6)
        }
        // Every product's annual quantity is planned once.
        for annual in plan.annual {
            let year = plan.products.first { $0.level == .year && $0.product == annual.product && $0.unit == annual.unit }
            #expect(abs((year?.production ?? 0) - annual.quantity) < 1e-6)
        }
    }
}
