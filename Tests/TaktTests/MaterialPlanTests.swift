import Foundation
import Testing
@testable import Takt

/// Material requirements planning: the textbook record by hand, Wagner–Whitin against an
/// exhaustive search, and invariants on seeded plants with bills of materials.
@Suite struct MaterialPlanTests {
    static let monday = Day(year: 2027, month: 1, day: 4)

    /// A plan that makes `production[t]` of each product in week t.
    static func plan(_ scenario: Scenario, _ production: [String: [Double]], orders: [OrderAssignment] = []) -> ProductionPlanResult {
        let periods = scenario.horizon.periods
        var rows: [ProductPeriodPlan] = []
        for (product, quantities) in production.sorted(by: { $0.key < $1.key }) {
            for (t, q) in quantities.enumerated() {
                rows.append(ProductPeriodPlan(
                    product: product, family: "F", unit: "U", period: periods[t].label, periodIndex: t, demand: 0, production: q, subcontracted: 0,
                    delivered: 0, endingInventory: 0, endingBacklog: 0, unmet: 0))
            }
        }
        return ProductionPlanResult(
            scenario: scenario.name, status: "optimal", costs: CostBreakdown(), objective: 0, products: rows, resources: [], subcontracting: [],
            actions: [], orders: orders, contradictions: [], unmetDemand: 0, lostSalesQuantity: 0, modelRows: 0, modelColumns: 0)
    }

    /// Eight weeks from Monday 4 January. A (its step completing with no offset) is made of 2 B
    /// and 4 C; B, a sub-assembly of a week's lead time (its routing offset 7 days), of 3 D.
    /// C: fixed lots of 40, 2 weeks' lead time, 30 on hand, safety stock 5, a purchase order
    /// of 40 due in week 2. D: two periods of supply, a week's lead time, 50 on hand.
    static func threeLevels() -> Scenario {
        Scenario(
            name: "textbook", horizon: Horizon(start: monday, periodLength: .week, periodCount: 8),
            units: [ProductionUnit(id: "U", name: "U")],
            products: [Product(id: "A", name: "A", family: "F"), Product(id: "B", name: "B", family: "F", initialInventory: 5)],
            workCenters: [WorkCenter(id: "W", name: "W", unit: "U")],
            routings: [
                RoutingStep(product: "A", step: 10, workCenter: "W", runHours: 1),
                RoutingStep(product: "B", step: 10, workCenter: "W", runHours: 1, offsetDays: 7),
            ],
            materials: [
                Material(id: "C", leadTimeDays: 14, lotRule: .fixed, lotQuantity: 40, onHand: 30, safetyStock: 5, supplier: "S1"),
                Material(id: "D", leadTimeDays: 7, lotRule: .periods, periodsOfSupply: 2, onHand: 50),
            ],
            bom: [BOMLine(parent: "A", component: "B", quantity: 2), BOMLine(parent: "A", component: "C", quantity: 4), BOMLine(parent: "B", component: "D", quantity: 3)],
            purchaseOrders: [PurchaseOrder(id: "PO1", material: "C", quantity: 40, due: monday.advanced(by: 7))])
    }

    @Test func theTextbookRecordOfAThreeLevelProduct() throws {
        let scenario = Self.threeLevels()
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
        let result = try MaterialPlanner(scenario).plan(Self.plan(scenario, ["A": [0, 10, 0, 15, 20, 0, 10, 0]]))
        #expect(result.records.map(\.item) == ["B", "C", "D"])
        #expect(result.records.map(\.lowLevelCode) == [1, 1, 2])
        let b = result.records[0], c = result.records[1], d = result.records[2]
        // B: lot for lot from 5 on hand, released a week ahead.
        #expect(b.kind == .subassembly)
        #expect(b.gross == [0, 20, 0, 30, 40, 0, 20, 0])
        #expect(b.net == [0, 15, 0, 30, 40, 0, 20, 0])
        #expect(b.plannedReceipts == [0, 15, 0, 30, 40, 0, 20, 0])
        #expect(b.plannedReleases == [15, 0, 30, 40, 0, 20, 0, 0])
        #expect(b.projectedOnHand == [5, 0, 0, 0, 0, 0, 0, 0])
        // C: lots of 40 keep 5 in stock; what a lot leaves over serves the next week.
        #expect(c.gross == [0, 40, 0, 60, 80, 0, 40, 0])
        #expect(c.scheduledReceipts == [0, 40, 0, 0, 0, 0, 0, 0])
        #expect(c.net == [0, 0, 0, 35, 75, 0, 35, 0])
        #expect(c.plannedReceipts == [0, 0, 0, 40, 80, 0, 40, 0])
        #expect(c.projectedOnHand == [30, 30, 30, 10, 10, 10, 10, 10])
        #expect(c.plannedReleases == [0, 40, 80, 0, 40, 0, 0, 0])
        // D: B's releases × 3, two weeks at a time.
        #expect(d.gross == [45, 0, 90, 120, 0, 60, 0, 0])
        #expect(d.net == [0, 0, 85, 0, 0, 60, 0, 0])
        #expect(d.plannedReceipts == [0, 0, 205, 0, 0, 60, 0, 0])
        #expect(d.projectedOnHand == [5, 5, 120, 0, 0, 0, 0, 0])
        #expect(d.plannedReleases == [0, 205, 0, 0, 60, 0, 0, 0])
        // Pegging through the levels: D's first order serves A's weeks 4 and 5 (index 3, 4).
        let firstD = try #require(result.plannedOrders.first { $0.item == "D" })
        #expect(firstD.pegs.map(\.period) == [3, 4] && firstD.pegs.allSatisfy { $0.product == "A" })
        #expect(firstD.release == Self.monday.advanced(by: 7) && firstD.due == Self.monday.advanced(by: 14))
        #expect(result.purchasePlan.map(\.item) == ["C", "C", "C", "D", "D"])
        // The purchase order is needed when it is due: no message.
        #expect(result.exceptions.isEmpty)
    }

    @Test func exceptionsForLateReleasesAndPurchaseOrdersThatShouldMove() throws {
        var scenario = Self.threeLevels()
        scenario.materials[0].leadTimeDays = 28  // C's week-4 order should have gone out a week before the horizon
        scenario.purchaseOrders += [
            PurchaseOrder(id: "PO2", material: "D", quantity: 10, due: Self.monday),  // D lasts until week 3
            PurchaseOrder(id: "PO3", material: "D", quantity: 500, due: Self.monday.advanced(by: 49)),  // needed in week 3
        ]
        let result = try MaterialPlanner(scenario).plan(Self.plan(scenario, ["A": [0, 10, 0, 15, 20, 0, 10, 0]]))
        let late = try #require(result.exceptions.first { $0.kind == .pastDueRelease })
        #expect(late.item == "C" && late.bucket == 3 && late.days == 7 && late.quantity == 40)
        let d = result.exceptions.filter { $0.item == "D" }
        #expect(d.map(\.kind) == [.deExpedite, .expedite])
        #expect(d.map(\.toBucket) == [2, 2])
        var cancel = Self.threeLevels()
        cancel.purchaseOrders = [PurchaseOrder(id: "PO9", material: "C", quantity: 40, due: Self.monday)]
        let none = try MaterialPlanner(cancel).plan(Self.plan(cancel, ["A": [0, 0, 0, 0, 0, 0, 0, 0]]))
        #expect(none.exceptions.map(\.kind) == [.cancel])
        #expect(none.plannedOrders.isEmpty)
    }

    @Test func wagnerWhitinEqualsAnExhaustiveSearch() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let n = Int.random(in: 1...8, using: &random)
            let demand = (0..<n).map { _ in Bool.random(using: &random) ? 0 : Double(Int.random(in: 1...50, using: &random)) }
            let ordering = Double(Int.random(in: 0...200, using: &random)), holding = Double(Int.random(in: 0...5, using: &random))
            func cost(_ orders: [Range<Int>]) -> Double {
                Double(orders.count) * ordering + orders.reduce(0) { sum, r in sum + r.reduce(0) { $0 + holding * Double($1 - r.lowerBound) * demand[$1] } }
            }
            let found = LotSizing.wagnerWhitin(demand, ordering: ordering, holding: holding)
            // Every demand is covered once, by an order no later than it.
            var covered = [Int](repeating: 0, count: n)
            for r in found { for t in r { covered[t] += 1 } }
            #expect(demand.indices.allSatisfy { demand[$0] == 0 || covered[$0] == 1 })
            // The cheapest of all sets of order buckets (an order covers up to the next).
            var best = Double.infinity
            for mask in 0..<(1 << n) {
                let at = (0..<n).filter { mask & (1 << $0) != 0 }
                guard let first = demand.firstIndex(where: { $0 > 0 }) else { best = 0; break }
                guard let start = at.first, start <= first else { continue }
                let ranges = at.enumerated().map { k, t in t..<(k + 1 < at.count ? at[k + 1] : n) }
                best = min(best, cost(ranges))
            }
            #expect(abs(cost(found) - best) < 1e-6, "demand \(demand), S \(ordering), h \(holding)")
        }
    }

    @Test func seededPlantsKeepTheirBalancesAndPegEveryOrder() throws {
        for seed in UInt64(1)...4 {
            var scenario = ScenarioFactory.random(seed: seed, products: 6, centers: 3, orders: 60)
            var random = SeededRandom(seed: seed)
            let rules = Material.LotRule.allCases
            scenario.materials = (0..<5).map { m in
                Material(
                    id: "M\(m)", leadTimeDays: Int.random(in: 0...40, using: &random), lotRule: rules[m % rules.count],
                    lotQuantity: 25, orderingCost: 100, holdingCost: 1, periodsOfSupply: 2, minimumOrder: Double(m * 5), orderMultiple: m == 2 ? 10 : 0,
                    onHand: Double(Int.random(in: 50...400, using: &random)), safetyStock: Double(Int.random(in: 0...40, using: &random)))
            }
            for product in scenario.products {
                for m in 0..<5 where Bool.random(using: &random) {
                    scenario.bom.append(BOMLine(parent: product.id, component: "M\(m)", quantity: Double(Int.random(in: 1...4, using: &random)), scrap: 0.05))
                }
            }
            scenario.purchaseOrders = [PurchaseOrder(id: "P1", material: "M1", quantity: 100, due: scenario.horizon.start.advanced(by: 40))]
            #expect(scenario.validate().filter { $0.severity == .error }.isEmpty, "seed \(seed)")
            let production = try AggregatePlanner(scenario).plan(PlanOptions())
            let result = try MaterialPlanner(scenario).plan(production)
            for r in result.records {
                var level = r.onHand
                for t in result.buckets.indices {
                    level += r.scheduledReceipts[t] + r.plannedReceipts[t] - r.gross[t]
                    #expect(abs(level - r.projectedOnHand[t]) < 1e-6, "seed \(seed) \(r.item) bucket \(t): the balance")
                    #expect(r.projectedOnHand[t] >= r.safetyStock - 1e-6, "seed \(seed) \(r.item) bucket \(t): below safety stock")
                }
                // Gross requirements: the plan's production × the lines, counted apart.
                let expected = production.products.reduce(0.0) { sum, row in
                    sum + scenario.bom.filter { $0.parent == row.product && $0.component == r.item }.reduce(0) { $0 + row.production * $1.quantity / 0.95 }
                }
                #expect(abs(r.gross.reduce(0, +) - expected) < 1e-6 * max(1, expected), "seed \(seed) \(r.item)")
                #expect(abs(r.plannedReceipts.reduce(0, +) - r.plannedReleases.reduce(0, +)) < 1e-6)
            }
            #expect(result.plannedOrders.allSatisfy { !$0.pegs.isEmpty }, "seed \(seed): an order pegged to nothing")
            #expect(try MaterialPlanner(scenario).plan(production).json() == result.json())
            // Weekly buckets: the same requirements, spread over more buckets.
            let weekly = try MaterialPlanner(scenario).plan(production, by: .week)
            for (a, b) in zip(result.records, weekly.records) { #expect(abs(a.gross.reduce(0, +) - b.gross.reduce(0, +)) < 1e-6) }
        }
    }

    @Test func bomRowsAreCheckedWithTheirLocation() throws {
        var scenario = Self.threeLevels()
        scenario.bom.append(BOMLine(parent: "B", component: "A", quantity: 1))
        scenario.bom.append(BOMLine(parent: "A", component: "NOPE", quantity: 1))
        scenario.bom.append(BOMLine(parent: "A", component: "C", quantity: 1, step: 99))
        scenario.purchaseOrders.append(PurchaseOrder(id: "PO7", material: "Z", quantity: 1, due: Self.monday))
        let errors = scenario.validate().filter { $0.severity == .error }.map { "\($0.location) \($0.message)" }
        #expect(errors.contains { $0.contains("bom[0]") && $0.contains("the bill of materials has a cycle: A → B → A") })
        #expect(errors.contains { $0.contains("bom[4]") && $0.contains("unknown item") })
        #expect(errors.contains { $0.contains("bom[5]") && $0.contains("the routing of A has no such step") })
        #expect(errors.contains { $0.contains("purchase_orders[1]") && $0.contains("unknown material") })
        #expect(throws: MaterialPlanningError.self) { try MaterialPlanner(scenario).plan(Self.plan(scenario, ["A": Array(repeating: 1, count: 8)])) }
    }

    /// Eight weeks; A needs one M, bought lot for lot a week ahead; 50 of A made in weeks 4 and 5.
    static func weeklyM(_ capacities: [(String, Double)]) throws -> MaterialPlan {
        let scenario = Scenario(
            name: "supplier", horizon: Horizon(start: monday, periodLength: .week, periodCount: 8),
            units: [ProductionUnit(id: "U", name: "U")], products: [Product(id: "A", name: "A", family: "F")],
            workCenters: [WorkCenter(id: "W", name: "W", unit: "U")], routings: [RoutingStep(product: "A", step: 10, workCenter: "W", runHours: 1)],
            materials: [Material(id: "M", unitCost: 2, leadTimeDays: 7)], bom: [BOMLine(parent: "A", component: "M", quantity: 1)],
            supplierCapacities: capacities.map { SupplierCapacity(material: "M", period: PeriodReference($0.0)!, capacity: $0.1) })
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
        return try MaterialPlanner(scenario).plan(plan(scenario, ["A": [0, 0, 0, 50, 50, 0, 0, 0]]))
    }

    @Test func requirementsPlanningKeepsWithinTheSuppliersCapacity() throws {
        // Without a limit: 50 received in each of weeks 4 and 5.
        let free = try Self.weeklyM([])
        #expect(free.records[0].plannedReceipts == [0, 0, 0, 50, 50, 0, 0, 0])
        // 20 in week 5 (2027-W05): the other 30 come a week earlier, ordered a week before that.
        let one = try Self.weeklyM([("2027-W05", 20)])
        #expect(one.records[0].plannedReceipts == [0, 0, 0, 80, 20, 0, 0, 0])
        #expect(one.records[0].plannedReleases == [0, 0, 80, 20, 0, 0, 0, 0])
        #expect(one.records[0].projectedOnHand == [0, 0, 0, 30, 0, 0, 0, 0])
        #expect(one.plannedOrders.map(\.quantity) == [50, 30, 20] && one.plannedOrders.map(\.bucket) == [3, 3, 4])
        #expect(one.plannedOrders[1].pegs.map(\.period) == [4] && one.plannedOrders[1].cost == 60)
        #expect(one.exceptions.isEmpty)
        // 60 in week 4 as well: 10 more there, the last 20 in week 3.
        let two = try Self.weeklyM([("2027-W04", 60), ("2027-W05", 20)])
        #expect(two.records[0].plannedReceipts == [0, 0, 20, 60, 20, 0, 0, 0])
        #expect(two.records[0].projectedOnHand.allSatisfy { $0 >= -1e-9 })
        // 10 a week everywhere: 30 of week 5's come in weeks 1–3 (week 1's released before the
        // horizon), and 10 of week 5's and 40 of week 4's cannot be had at all.
        let tight = try Self.weeklyM((1...8).map { ("2027-W0\($0)", 10) })
        #expect(tight.records[0].plannedReceipts == [10, 10, 10, 10, 10, 0, 0, 0])
        #expect(tight.records[0].projectedOnHand == [10, 20, 30, -10, -50, -50, -50, -50])
        let short = tight.exceptions.filter { $0.kind == .supplierShortage }
        #expect(short.map(\.bucket) == [3, 4] && short.map(\.quantity) == [40, 10])
        #expect(tight.exceptions.contains { $0.kind == .pastDueRelease && $0.bucket == 0 && $0.days == 7 })
        #expect(tight.text().contains("1 supplier shortage") == false && tight.text().contains("2 supplier shortage"))
        #expect(!free.text().contains("supplier shortage"))
    }

    @Test func theTablesRoundTripThroughCSV() throws {
        let scenario = Self.threeLevels()
        let files = ScenarioCSVWriter.files(scenario).reduce(into: [String: Data]()) { $0[$1.0] = Data($1.1.utf8) }
        let back = try ScenarioLoader.load(csvFiles: files).scenario
        #expect(back.materials == scenario.materials && back.bom == scenario.bom && back.purchaseOrders == scenario.purchaseOrders)
    }
}

/// Generated plants with bills of materials through sub-assemblies.
@Suite struct GeneratedMaterialsTests {
    @Test(arguments: [UInt64(2), 5, 9])
    func supplierLimitsKeepEveryWindowAndLoseNothing(seed: UInt64) throws {
        var scenario = ScenarioGenerator(orders: 400, products: 20, families: 4, workCenters: 6, units: 2, periods: 12, periodLength: .month, seed: seed, materials: 10, bomLevels: 2).scenario()
        let production = try AggregatePlanner(scenario).plan(PlanOptions(quantities: .relaxed))
        let free = try MaterialPlanner(scenario).plan(production)
        // Each material's supplier delivers between a third and all of its receipts, period by period.
        var random = SeededGenerator(seed: seed)
        for record in free.records where record.kind == .material {
            for (t, receipt) in record.plannedReceipts.enumerated() where receipt > 0 {
                let share = Double(random.next() % 1000) / 1500 + 1.0 / 3
                scenario.supplierCapacities.append(SupplierCapacity(material: record.item, period: PeriodReference(scenario.horizon.periods[t].label)!, capacity: (receipt * share).rounded(.down)))
            }
        }
        #expect(!scenario.supplierCapacities.isEmpty && scenario.validate().filter { $0.severity == .error }.isEmpty)
        let limited = try MaterialPlanner(scenario).plan(production)
        for record in limited.records where record.kind == .material {
            for limit in scenario.supplierCapacities where limit.material == record.item {
                let t = try #require(scenario.horizon.periodIndex(containing: limit.period.range.start))
                #expect(record.plannedReceipts[t] <= limit.capacity + 1e-6, "\(record.item) \(t)")
            }
            let before = try #require(free.records.first { $0.item == record.item }).plannedReceipts.reduce(0, +)
            let short = limited.exceptions.filter { $0.kind == .supplierShortage && $0.item == record.item }.reduce(0) { $0 + $1.quantity }
            #expect(abs(record.plannedReceipts.reduce(0, +) + short - before) <= 1e-6 * max(1, before), "\(record.item)")
            #expect(abs(limited.plannedOrders.filter { $0.item == record.item }.reduce(0) { $0 + $1.quantity } - record.plannedReceipts.reduce(0, +)) < 1e-6)
            var level = record.onHand
            for t in limited.buckets.indices {
                level += record.scheduledReceipts[t] + record.plannedReceipts[t] - record.gross[t]
                #expect(abs(level - record.projectedOnHand[t]) < 1e-6 * max(1, abs(level)))
            }
        }
        #expect(limited.exceptions.contains { $0.kind == .supplierShortage })
    }

    @Test func aGeneratedPlantOfThreeLevelsKeepsItsBalancesAndPegsEveryOrder() throws {
        let generator = ScenarioGenerator(orders: 600, products: 30, families: 5, workCenters: 8, units: 2, periods: 12, periodLength: .month, seed: 11, materials: 15, bomLevels: 3)
        let scenario = generator.scenario()
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
        // Sub-assemblies are demanded through their parents: no warning that nothing is planned.
        let components = Set(scenario.bom.map(\.component))
        #expect(!components.isEmpty)
        #expect(scenario.validate().allSatisfy { !$0.message.hasPrefix("no orders and no sales plan") || !components.contains($0.value ?? "") })
        // The same options, the same plant; without materials, the plant otherwise the same.
        #expect(ScenarioGenerator(orders: 600, products: 30, families: 5, workCenters: 8, units: 2, periods: 12, periodLength: .month, seed: 11, materials: 15, bomLevels: 3).scenario() == scenario)
        let plain = ScenarioGenerator(orders: 600, products: 30, families: 5, workCenters: 8, units: 2, periods: 12, periodLength: .month, seed: 11).scenario()
        #expect(plain.orders == scenario.orders && plain.materials.isEmpty && plain.bom.isEmpty)
        let production = try AggregatePlanner(scenario).plan(PlanOptions())
        let result = try MaterialPlanner(scenario).plan(production)
        #expect(Set(result.records.map(\.lowLevelCode)) == [1, 2, 3])
        #expect(result.records.filter { $0.kind == .subassembly }.count == components.filter { $0.hasPrefix("SA") }.count)
        for r in result.records {
            var level = r.onHand
            for t in result.buckets.indices {
                level += r.scheduledReceipts[t] + r.plannedReceipts[t] - r.gross[t]
                #expect(abs(level - r.projectedOnHand[t]) < 1e-6 * max(1, abs(level)), "\(r.item) bucket \(t)")
                #expect(r.projectedOnHand[t] >= r.safetyStock - 1e-6, "\(r.item) bucket \(t)")
            }
        }
        // Every order pegged, and every unit of a sub-assembly's orders needed by its parents.
        #expect(result.plannedOrders.allSatisfy { !$0.pegs.isEmpty })
        #expect(!result.purchasePlan.isEmpty && result.purchasePlan.allSatisfy { $0.kind == .material })
    }
}

/// Plans that respect constrained materials: the material flow in the one model, its
/// shadow price, and production moved where material is short.
@Suite struct MaterialConstrainedPlanTests {
    /// A of 1 M each, one work center of ample hours, monthly from January.
    static func plant(periods: Int, orders: [CustomerOrder], material: Material, policy: Policy, purchaseOrders: [PurchaseOrder] = []) -> Scenario {
        Scenario(
            name: "material", horizon: Horizon(start: Day(year: 2027, month: 1, day: 1), periodLength: .month, periodCount: periods), policy: policy,
            units: [ProductionUnit(id: "U", name: "U")],
            products: [Product(id: "A", name: "A", family: "F", backlogCost: 5, lostSaleCost: 50, unitCost: 10)],
            workCenters: [WorkCenter(id: "W", name: "W", unit: "U", machines: 10)],
            routings: [RoutingStep(product: "A", step: 10, workCenter: "W", runHours: 0.01)],
            orders: orders, materials: [material], bom: [BOMLine(parent: "A", component: "M", quantity: 1)], purchaseOrders: purchaseOrders)
    }

    @Test func aMaterialShortInJanuaryIsWorthTheLostSaleLessTheUnitCost() throws {
        // 150 ordered in January, 100 of M on hand and none to buy before March: 100 made,
        // 50 lost at 50 each; one more M in January would make one more A for 10: it saves 40.
        let scenario = Self.plant(
            periods: 3, orders: [CustomerOrder(id: "O1", product: "A", quantity: 150, due: Day(year: 2027, month: 1, day: 20))],
            material: Material(id: "M", unitCost: 2, leadTimeDays: 60, onHand: 100, constrained: true),
            policy: Policy(backlogAllowed: false, lostSalesAllowed: true))
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
        for quantities in PlanOptions.Quantities.allCases {
            let plan = try AggregatePlanner(scenario).plan(PlanOptions(method: .exact, quantities: quantities))
            #expect(plan.products.map(\.production) == [100, 0, 0], "\(quantities)")
            #expect(abs(plan.unmetDemand - 50) < 1e-6)
            let january = try #require(plan.materials?.first { $0.material == "M" && $0.periodIndex == 0 })
            #expect(january.consumed == 100 && january.receipts == 100 && january.endingStock == 0 && january.purchased == 0)
            if quantities == .relaxed { #expect(abs((january.unitValue ?? 0) - 40) < 1e-6) }
            #expect(plan.text().contains("Binding materials"))
        }
        // Unconstrained, the material does not limit the plan.
        var free = scenario
        free.materials[0].constrained = false
        let plain = try AggregatePlanner(free).plan(PlanOptions(method: .exact))
        #expect(plain.products.map(\.production) == [150, 0, 0] && plain.materials == nil)
    }

    @Test func expeditingBuysInsideTheLeadTimeUpToTheSuppliersCapacity() throws {
        // As above, with M to be had inside its lead time at 5 more a unit: the 50 short are
        // expedited (2 + 5 < the lost sale less the unit cost), worth 7 a unit at the margin.
        var scenario = Self.plant(
            periods: 3, orders: [CustomerOrder(id: "O1", product: "A", quantity: 150, due: Day(year: 2027, month: 1, day: 20))],
            material: Material(id: "M", unitCost: 2, leadTimeDays: 60, onHand: 100, constrained: true, expediteCost: 5),
            policy: Policy(backlogAllowed: false, lostSalesAllowed: true))
        let plan = try AggregatePlanner(scenario).plan(PlanOptions(method: .exact, quantities: .relaxed))
        #expect(plan.products.map(\.production) == [150, 0, 0] && plan.unmetDemand < 1e-6)
        let january = try #require(plan.materials?.first { $0.periodIndex == 0 })
        #expect(january.expedited == 50 && january.purchased == 50 && january.cost == 50 * 7)
        #expect(abs((january.unitValue ?? 0) - 7) < 1e-6)
        let action = try #require(plan.actions.first { $0.kind == .expedite })
        #expect(action.subject == "M" && action.quantity == 50 && action.cost == 250)
        #expect(plan.text().contains("materials expedited: 50 units"))
        // The supplier delivers at most 30 in January: 20 are lost, and a unit more is worth 40.
        scenario.supplierCapacities = [SupplierCapacity(material: "M", period: PeriodReference("2027-01")!, capacity: 30)]
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
        let capped = try AggregatePlanner(scenario).plan(PlanOptions(method: .exact, quantities: .relaxed))
        #expect(capped.products.map(\.production) == [130, 0, 0] && abs(capped.unmetDemand - 20) < 1e-6)
        #expect(abs((capped.materials?.first { $0.periodIndex == 0 }?.unitValue ?? 0) - 40) < 1e-6)
        // The table reads back from CSV.
        let files = ScenarioCSVWriter.files(scenario).reduce(into: [String: Data]()) { $0[$1.0] = Data($1.1.utf8) }
        let back = try ScenarioLoader.load(csvFiles: files).scenario
        #expect(back.supplierCapacities == scenario.supplierCapacities && back.materials == scenario.materials)
        scenario.supplierCapacities.append(SupplierCapacity(material: "NOPE", period: PeriodReference("2031-01")!, capacity: 1))
        let errors = scenario.validate().filter { $0.severity == .error }.map(\.message)
        #expect(errors.contains { $0.hasPrefix("unknown material") } && errors.contains { $0.hasPrefix("outside the horizon") })
    }

    @Test func aSubstituteStandsInWhereTheMaterialIsShort() throws {
        // As above (50 of M short in January, a lost sale 40 above the unit cost), with S able to
        // stand in: 1.2 of S a unit of M, 1 more a unit replaced. S bought as needed at 3: the 50
        // are made with 60 of S for 50 × (1 + 3.6) = 230, and a unit more of M saves 4.6.
        var scenario = Self.plant(
            periods: 3, orders: [CustomerOrder(id: "O1", product: "A", quantity: 150, due: Day(year: 2027, month: 1, day: 20))],
            material: Material(id: "M", unitCost: 2, leadTimeDays: 60, onHand: 100, constrained: true),
            policy: Policy(backlogAllowed: false, lostSalesAllowed: true))
        scenario.materials.append(Material(id: "S", unitCost: 3, leadTimeDays: 0))
        scenario.substitutes = [MaterialSubstitute(material: "M", substitute: "S", ratio: 1.2, extraCost: 1)]
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
        for quantities in PlanOptions.Quantities.allCases {
            let plan = try AggregatePlanner(scenario).plan(PlanOptions(method: .exact, quantities: quantities))
            #expect(plan.products.map(\.production) == [150, 0, 0] && plan.unmetDemand < 1e-6, "\(quantities)")
            let january = try #require(plan.materials?.first { $0.material == "M" && $0.periodIndex == 0 })
            #expect(abs((january.substituted ?? 0) - 50) < 1e-6 && abs(january.consumed - 100) < 1e-6)
            if quantities == .relaxed { #expect(abs((january.unitValue ?? 0) - 4.6) < 1e-6) }
            let action = try #require(plan.actions.first { $0.kind == .substitute })
            #expect(action.subject == "M" && abs(action.quantity - 50) < 1e-6 && abs(action.cost - 50) < 1e-6)
            #expect(action.detail.contains("60 of S"))
            #expect(abs(plan.costs.material - (150 * 10 + 230)) < 1e-6)
            #expect(plan.materialCosts?.first { $0.material == "S" }.map { abs($0.quantity - 60) < 1e-6 && abs($0.cost - 180) < 1e-6 } == true)
            #expect(plan.text().contains("materials substituted: 50 units"))
            #expect(january.replacements == [MaterialReplacement(substitute: "S", ratio: 1.2, quantity: 50)])
            // Requirements planning follows: 100 of M and 60 of S in January, S's pegged as M's.
            let mrp = try MaterialPlanner(scenario).plan(plan)
            let m = try #require(mrp.records.first { $0.item == "M" }), s = try #require(mrp.records.first { $0.item == "S" })
            #expect(abs(m.gross[0] - 100) < 1e-6 && abs(s.gross[0] - 60) < 1e-6 && m.gross.dropFirst().allSatisfy { $0 == 0 })
            #expect(mrp.plannedOrders.filter { $0.item == "S" }.allSatisfy { $0.pegs.map(\.product) == ["A"] })
            #expect(abs(mrp.requirements.filter { $0.item == "S" }.reduce(0) { $0 + $1.quantity } - 60) < 1e-6)
        }
        // S constrained too, 30 on hand: 25 of M replaced, 25 lost; a unit of M is worth 40
        // again and a unit of S (1/1.2 of M, less the extra cost) (40 − 1) / 1.2 = 32.5.
        scenario.materials[1] = Material(id: "S", unitCost: 3, leadTimeDays: 60, onHand: 30, constrained: true)
        let short = try AggregatePlanner(scenario).plan(PlanOptions(method: .exact, quantities: .relaxed))
        #expect(abs(short.products[0].production - 125) < 1e-6 && abs(short.unmetDemand - 25) < 1e-6)
        let m = try #require(short.materials?.first { $0.material == "M" && $0.periodIndex == 0 })
        let s = try #require(short.materials?.first { $0.material == "S" && $0.periodIndex == 0 })
        #expect(abs((m.unitValue ?? 0) - 40) < 1e-6 && abs((s.unitValue ?? 0) - 32.5) < 1e-6)
        #expect(abs(s.consumed - 30) < 1e-6 && s.substituted == nil && abs((m.substituted ?? 0) - 25) < 1e-6)
        // Without the substitute, 50 are lost.
        scenario.substitutes = []
        #expect(abs(try AggregatePlanner(scenario).plan(PlanOptions(method: .exact)).unmetDemand - 50) < 1e-6)
    }

    @Test func familiesFirstPlansInOneModelWhereItsPlanNeedsMoreThanCanBeHad() throws {
        // A and B, of two families, each 80 ordered in January and each made of one M; 100 of M
        // on hand, none to buy before March. Families first would make all 160.
        var scenario = Self.plant(
            periods: 3,
            orders: [
                CustomerOrder(id: "OA", product: "A", quantity: 80, due: Day(year: 2027, month: 1, day: 20)),
                CustomerOrder(id: "OB", product: "B", quantity: 80, due: Day(year: 2027, month: 1, day: 20)),
            ],
            material: Material(id: "M", unitCost: 2, leadTimeDays: 60, onHand: 100, constrained: true),
            policy: Policy(backlogAllowed: false, lostSalesAllowed: true))
        scenario.products.append(Product(id: "B", name: "B", family: "G", backlogCost: 5, lostSaleCost: 60, unitCost: 10))
        scenario.routings.append(RoutingStep(product: "B", step: 10, workCenter: "W", runHours: 0.01))
        scenario.bom.append(BOMLine(parent: "B", component: "M", quantity: 1))
        #expect(MaterialFlow.purchases(for: try AggregatePlanner(scenario).plan(PlanOptions(method: .exact)), scenario).shortage == nil)
        let plan = try AggregatePlanner(scenario).plan(PlanOptions(method: .familiesFirst, quantities: .relaxed))
        #expect(plan.status.contains("in one model: families first needed more M by 2027-01 than can be had"))
        // B's lost sale costs more: it gets 80 of the 100.
        #expect(plan.products.filter { $0.periodIndex == 0 }.map(\.production) == [20, 80])
        #expect(abs(plan.unmetDemand - 60) < 1e-6 && plan.materials != nil)
        // With 500 on hand, the families-first plan stands.
        scenario.materials[0].onHand = 500
        let ample = try AggregatePlanner(scenario).plan(PlanOptions(method: .familiesFirst, quantities: .relaxed))
        #expect(ample.status.contains("families first") && !ample.status.contains("one model") && ample.unmetDemand < 1e-6)
        #expect(ample.materials?.map(\.purchased) == [0, 0, 0] && ample.materials?.map(\.endingStock) == [340, 340, 340])
        // 200 on hand and M to be had inside its lead time at 5 more: 30 more of each in
        // February need 20 bought then, as late as they can be, expedited.
        scenario.materials[0].onHand = 200
        scenario.materials[0].expediteCost = 5
        scenario.orders += [
            CustomerOrder(id: "OA2", product: "A", quantity: 30, due: Day(year: 2027, month: 2, day: 20)),
            CustomerOrder(id: "OB2", product: "B", quantity: 30, due: Day(year: 2027, month: 2, day: 20)),
        ]
        let bought = try AggregatePlanner(scenario).plan(PlanOptions(method: .familiesFirst, quantities: .relaxed))
        #expect(!bought.status.contains("one model") && bought.unmetDemand < 1e-6)
        let rows = try #require(bought.materials)
        #expect(rows.map(\.consumed) == [160, 60, 0] && rows.map(\.purchased) == [0, 20, 0] && rows.map(\.expedited) == [0, 20, 0])
        #expect(rows.map(\.endingStock) == [40, 0, 0] && rows[1].cost == 20 * 7)
        #expect(bought.actions.contains { $0.kind == .expedite && $0.quantity == 20 && $0.cost == 100 })
        #expect(bought.materialCosts == [MaterialCostLine(material: "M", quantity: 20, cost: 140)])
    }

    @Test func substitutesAreCheckedWithTheirLocationAndReadBack() throws {
        var scenario = Self.plant(
            periods: 2, orders: [], material: Material(id: "M", unitCost: 2, constrained: true), policy: Policy())
        scenario.materials.append(Material(id: "S", unitCost: 3))
        scenario.substitutes = [MaterialSubstitute(material: "M", substitute: "S", ratio: 1.5, extraCost: 0.25)]
        let files = ScenarioCSVWriter.files(scenario).reduce(into: [String: Data]()) { $0[$1.0] = Data($1.1.utf8) }
        #expect(String(decoding: files["substitutes.csv"] ?? Data(), as: UTF8.self) == "material,substitute,ratio,extra_cost\nM,S,1.5,0.25\n")
        #expect(try ScenarioLoader.load(csvFiles: files).scenario.substitutes == scenario.substitutes)
        #expect(try ScenarioLoader.load(json: scenario.jsonData()).scenario.substitutes == scenario.substitutes)
        var bad = files
        bad["substitutes.csv"] = Data("material,substitute,ratio\nM,S,0\nM,NOPE,1\nS,S,1\nM,S,2\nS,M,1\n".utf8)
        #expect {
            try ScenarioLoader.load(csvFiles: bad)
        } throws: { error in
            let text = "\(error)"
            return text.contains("substitutes.csv, row 2, column ratio") && text.contains("row 3, column substitute") && text.contains("unknown material")
                && text.contains("row 4, column substitute") && text.contains("the material itself")
        }
        scenario.substitutes.append(MaterialSubstitute(material: "M", substitute: "S"))
        scenario.substitutes.append(MaterialSubstitute(material: "S", substitute: "M"))
        let problems = scenario.validate().map { "\($0.severity) \($0.location) \($0.message)" }
        #expect(problems.contains { $0.hasPrefix("error") && $0.contains("substitutes[1]") && $0.contains("a second line for this material and substitute") })
        #expect(problems.contains { $0.hasPrefix("warning") && $0.contains("substitutes[2]") && $0.contains("not constrained") })
    }

    @Test func productionMovesToWhenTheMaterialCanBeBought() throws {
        // 100 due in January and 100 in February; 150 of M arrive in January and more can be
        // bought only from March (40 days' lead time): February makes 50, March the rest late.
        let scenario = Self.plant(
            periods: 4,
            orders: [
                CustomerOrder(id: "O1", product: "A", quantity: 100, due: Day(year: 2027, month: 1, day: 20)),
                CustomerOrder(id: "O2", product: "A", quantity: 100, due: Day(year: 2027, month: 2, day: 20)),
            ],
            material: Material(id: "M", unitCost: 2, leadTimeDays: 40, constrained: true), policy: Policy(endingBacklogAllowed: false),
            purchaseOrders: [PurchaseOrder(id: "P1", material: "M", quantity: 150, due: Day(year: 2027, month: 1, day: 10))])
        let plan = try AggregatePlanner(scenario).plan(PlanOptions(method: .exact, quantities: .relaxed))
        #expect(plan.products.map(\.production) == [100, 50, 50, 0])
        let rows = (plan.materials ?? []).sorted { $0.periodIndex < $1.periodIndex }
        #expect(rows.map(\.purchased) == [0, 0, 50, 0])
        #expect(rows.map(\.endingStock) == [50, 0, 0, 0])
        // One more M in February (or in January, carried) saves a month of backlog and the
        // purchase in March.
        let february = try #require(rows[1].unitValue), january = try #require(rows[0].unitValue)
        #expect(february > 2 && abs(january - february) < 1e-6)
        #expect(plan.orders.first { $0.order == "O2" }?.onTime == false)
        #expect(abs(plan.costs.material - (200 * 10 + 50 * 2)) < 1e-6)
    }

    @Test func automaticPlansInOneModelWhenMaterialsAreConstrained() throws {
        var scenario = ScenarioFactory.random(seed: 5, products: 40, centers: 4, orders: 200)
        scenario.materials = [Material(id: "M", unitCost: 1, leadTimeDays: 10, onHand: 50, constrained: true)]
        scenario.bom = [BOMLine(parent: scenario.products[0].id, component: "M", quantity: 1)]
        let planner = AggregatePlanner(scenario)
        #expect(!planner.plansFamiliesFirst(PlanOptions()))
        scenario.materials[0].constrained = false
        #expect(AggregatePlanner(scenario).plansFamiliesFirst(PlanOptions()) == (Set(scenario.products.map(\.family)).count > 1))
    }
}

/// Promises wait for materials: a lead time the stock does not cover moves the earliest date.
@Suite struct MaterialPromiseTests {
    @Test func aMaterialWithALeadTimeMovesTheEarliestPromise() throws {
        let none = MaterialConstrainedPlanTests.plant(periods: 3, orders: [], material: Material(id: "M", leadTimeDays: 45), policy: Policy())
        let late = try OrderPromise(base: none, product: "A", quantity: 10).answer()
        #expect(late.materialsReady == Day(year: 2027, month: 2, day: 15) && late.limitingMaterial == "M")
        #expect(late.earliest?.period == "2027-02")
        #expect(late.options.first?.onTime == false)
        #expect(late.text().contains("materials: at hand for it from 2027-02-15 (M sets the date)"))
        // With stock on hand the order can be made at once.
        var stocked = none
        stocked.materials[0].onHand = 100
        let now = try OrderPromise(base: stocked, product: "A", quantity: 10).answer()
        #expect(now.materialsReady == Day(year: 2027, month: 1, day: 1) && now.earliest?.period == "2027-01")
        // But not when the order needs more than the stock the plan leaves.
        let big = try OrderPromise(base: stocked, product: "A", quantity: 150).answer()
        #expect(big.materialsReady == Day(year: 2027, month: 2, day: 15))
    }
}

/// Requirements from a shop-floor schedule's lots: each component on the day its step starts.
@Suite struct ScheduleMaterialsTests {
    @Test func aLotNeedsItsComponentsTheDayItsStepStarts() throws {
        // One machine of 8 hours a day: L1 (8 units) on Monday, L2 (8) on Tuesday; A takes 2 M
        // a unit at step 10. Weekly buckets from Monday: both in the first week, daily by day.
        var scenario = ShopFloorTests.shop(machines: 1)
        scenario.routings[0].setupHours = 0
        scenario.materials = [Material(id: "M", onHand: 20)]
        scenario.bom = [BOMLine(parent: "A", component: "M", quantity: 2, step: 10)]
        let window = ShopFloorTests.window
        let lots = [ShopFloorTests.lot("L1", quantity: 8), ShopFloorTests.lot("L2", quantity: 8)]
        let schedule = try ShopFloorScheduler(iterations: 0).schedule(scenario, lots: lots, window: window)
        let starts = schedule.operations.map { window.day(of: $0.start) }.sorted()
        #expect(starts == [ShopFloorTests.monday, ShopFloorTests.monday.advanced(by: 1)])
        let result = try MaterialPlanner(scenario).plan(schedule: schedule, by: .week)
        let m = try #require(result.records.first)
        // The horizon starts on Friday 1 January: the first week's bucket runs to Thursday 7th.
        let b = MaterialPlanner.buckets(of: scenario.horizon, by: .week).firstIndex { $0.start <= ShopFloorTests.monday && ShopFloorTests.monday < $0.end }!
        #expect(m.gross[b] == 32 && m.gross.reduce(0, +) == 32)
        #expect(m.net[b] == 12 && m.plannedReceipts[b] == 12)
        #expect(result.plannedOrders.first?.pegs == [MaterialPlan.Peg(product: "A", period: -1, orders: [])])  // lots of no plan period
    }
}

/// Requirements from a decomposition's monthly (or weekly) plans.
@Suite struct DecompositionMaterialsTests {
    @Test func theFinestPlansLinesAreExplodedEachAtItsPeriodsEnd() throws {
        let scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let months = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .month, method: .sales))
        let result = try MaterialPlanner(scenario).plan(decomposition: months)
        let lines = months.products.filter { $0.level == .month }
        for record in result.records {
            let expected = lines.reduce(0.0) { sum, line in
                sum + scenario.bom.filter { $0.parent == line.product && $0.component == record.item }.reduce(0) { $0 + line.production * $1.gross }
            }
            #expect(abs(record.gross.reduce(0, +) - expected) < 1e-6 * max(1, expected), "\(record.item)")
        }
        // Every planned order traces to the month lines it serves.
        #expect(result.plannedOrders.allSatisfy { !$0.pegs.isEmpty && $0.pegs.allSatisfy { (0..<12).contains($0.period) } })
        #expect(throws: MaterialPlanningError.self) { try MaterialPlanner(scenario).plan(decomposition: months, level: .week) }
    }
}
