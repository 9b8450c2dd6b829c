import Foundation
import Testing
@testable import Takt

/// Material cost from the bill of materials (`material_cost: bom`): the roll-up by hand, the
/// plan's cost lines and material by item, and an independent roll-up on generated plants.
@Suite struct ProductCostTests {
    /// A (conversion 10) needs 2 M1 (3 each; 3 from February), one sub-assembly S and one
    /// constrained M3 (2 each, 1,000 on hand); S (conversion 5) needs 1 M2 (4 each) at 20% scrap.
    static func plant(_ source: Policy.MaterialCost) -> Scenario {
        let january = Day(year: 2027, month: 1, day: 31), february = Day(year: 2027, month: 2, day: 1)
        return Scenario(
            name: "roll-up", horizon: Horizon(start: Day(year: 2027, month: 1, day: 1), periodLength: .month, periodCount: 2),
            policy: Policy(backlogAllowed: false, materialCost: source),
            units: [ProductionUnit(id: "U", name: "U")],
            products: [
                Product(id: "A", name: "A", family: "F", holdingCost: 5, backlogCost: 5, unitCost: 10),
                Product(id: "S", name: "S", family: "F", holdingCost: 1, backlogCost: 1, unitCost: 5),
            ],
            workCenters: [WorkCenter(id: "W", name: "W", unit: "U", machines: 10)],
            routings: [RoutingStep(product: "A", step: 10, workCenter: "W", runHours: 0.01), RoutingStep(product: "S", step: 10, workCenter: "W", runHours: 0.01)],
            orders: [
                CustomerOrder(id: "O1", product: "A", quantity: 100, due: Day(year: 2027, month: 1, day: 20)),
                CustomerOrder(id: "O2", product: "A", quantity: 100, due: Day(year: 2027, month: 2, day: 20)),
            ],
            materials: [
                Material(id: "M1", unitCost: 3, leadTimeDays: 0), Material(id: "M2", unitCost: 4, leadTimeDays: 0),
                Material(id: "M3", unitCost: 2, leadTimeDays: 0, onHand: 1_000, constrained: true),
            ],
            bom: [
                BOMLine(parent: "A", component: "M1", quantity: 2, effectiveTo: january),
                BOMLine(parent: "A", component: "M1", quantity: 3, effectiveFrom: february),
                BOMLine(parent: "A", component: "S", quantity: 1),
                BOMLine(parent: "A", component: "M3", quantity: 1),
                BOMLine(parent: "S", component: "M2", quantity: 1, scrap: 0.2),
            ])
    }

    @Test func aUnitCostsItsConversionAndItsMaterialsThroughItsSubAssemblies() {
        let scenario = Self.plant(.bom)
        let a = scenario.products[0], s = scenario.products[1]
        // January: 10 + 5 conversion; 2 × 3 + 1.25 × 4 = 11 of material; M3 bought by the model.
        let bought = ProductCosts(scenario, bought: ["M3"])
        #expect(bought.unit(a, period: 0).conversion == 15)
        #expect(bought.unit(a, period: 0).total == 26)
        #expect(bought.unit(a, period: 0).materials == [.init(material: 0, quantity: 2), .init(material: 1, quantity: 1.25)])
        #expect(bought.unit(a, period: 1).total == 29)
        #expect(bought.unit(s, period: 0).total == 10)
        // Where the model does not buy M3 (families first), the roll-up prices it.
        #expect(ProductCosts(scenario).unit(a, period: 0).total == 28)
        // With unit_cost, a unit costs its unit_cost.
        #expect(ProductCosts(Self.plant(.unitCost)).unit(a, period: 1).total == 10)
        #expect(ProductCosts(Self.plant(.unitCost)).unit(a, period: 1).materials.isEmpty)
    }

    @Test func thePlanShowsConversionAndMaterialByItem() throws {
        for quantities in PlanOptions.Quantities.allCases {
            let plan = try AggregatePlanner(Self.plant(.bom)).plan(PlanOptions(method: .exact, quantities: quantities))
            #expect(plan.products.filter { $0.product == "A" }.map(\.production) == [100, 100])
            #expect(abs(plan.costs.conversion - 3_000) < 1e-6)
            // January 100 × 11, February 100 × 14; M3 comes from stock.
            #expect(abs(plan.costs.material - 2_500) < 1e-6)
            #expect(abs(plan.costs.total - 5_500) < 1e-6 && abs(plan.objective - 5_500) < 1e-6)
            let lines = try #require(plan.materialCosts)
            #expect(lines.map(\.material) == ["M1", "M2"])
            #expect(lines.map { $0.quantity.rounded() } == [500, 250] && lines.map { $0.cost.rounded() } == [1_500, 1_000])
            #expect(plan.text().contains("material by item"))
            #expect(plan.materialCostsCSV() == "material,quantity,cost\nM1,500,1500\nM2,250,1000\n")
        }
        // With unit_cost, the material is the products' unit_cost; nothing is priced by item.
        let plain = try AggregatePlanner(Self.plant(.unitCost)).plan(PlanOptions(method: .exact))
        #expect(abs(plain.costs.material - 2_000) < 1e-6 && plain.costs.conversion == 0)
        #expect(plain.materialCosts == [])
    }

    @Test func aCheaperMonthIsBuiltAheadWhenHoldingCostsLess() throws {
        // M1 dearer from February by 3 a unit; holding a unit a month costs 1: all made in January.
        var scenario = Self.plant(.bom)
        scenario.products[0].holdingCost = 1
        let plan = try AggregatePlanner(scenario).plan(PlanOptions(method: .exact, quantities: .relaxed))
        #expect(plan.products.filter { $0.product == "A" }.map(\.production) == [200, 0])
    }

    @Test func theMaterialCostLineIsReadFromScenarioCSVAndWrittenBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-rollup-\(UUID().uuidString)")
        let files = ScenarioCSVWriter.files(Self.plant(.bom))
        let table = try #require(files.first { $0.name == "scenario.csv" }?.text)
        #expect(table.contains("material_cost,bom\n"))
        #expect(ScenarioCSVWriter.files(Self.plant(.unitCost)).first { $0.name == "scenario.csv" }?.text.contains("material_cost") == false)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        #expect(try ScenarioLoader.load(from: folder.path).scenario.policy.materialCost == .bom)
        #expect(try ScenarioLoader.load(json: Self.plant(.bom).jsonData()).scenario.policy.materialCost == .bom)
        try table.replacingOccurrences(of: "material_cost,bom", with: "material_cost,bill")
            .write(to: folder.appendingPathComponent("scenario.csv"), atomically: true, encoding: .utf8)
        #expect {
            try ScenarioLoader.load(from: folder.path)
        } throws: { error in
            "\(error)".contains("scenario.csv") && "\(error)".contains("material_cost") && "\(error)".contains("unit_cost, bom")
        }
    }

    /// The roll-up computed another way: a unit's cost as the fixed point of c = u + G·c + H·price
    /// over products (G: product lines, H: material lines), iterated until it settles (as many
    /// rounds as the bill has levels), and checked against the plan's cost lines.
    @Test(arguments: [UInt64(3), 7, 12])
    func generatedPlantsCostWhatTheirBillsSay(seed: UInt64) throws {
        var scenario = ScenarioGenerator(
            orders: 400, products: 16, families: 4, workCenters: 6, units: 2, periods: 6, periodLength: .month, seed: seed,
            materials: 12, bomLevels: 3
        ).scenario()
        scenario.policy.materialCost = .bom
        for m in scenario.materials.indices { scenario.materials[m].constrained = false }
        let price = Dictionary(uniqueKeysWithValues: scenario.materials.map { ($0.id, $0.unitCost) })
        var cost = Dictionary(uniqueKeysWithValues: scenario.products.map { ($0.id, $0.unitCost) })
        for _ in 0..<10 {
            var next = Dictionary(uniqueKeysWithValues: scenario.products.map { ($0.id, $0.unitCost) })
            for line in scenario.bom where line.effectiveFrom == nil && line.effectiveTo == nil {
                next[line.parent, default: 0] += line.gross * (price[line.component] ?? cost[line.component] ?? 0)
            }
            cost = next
        }
        #expect(scenario.bom.allSatisfy { $0.effectiveFrom == nil && $0.effectiveTo == nil })
        for method in [PlanOptions.Method.exact, .familiesFirst] {
            let plan = try AggregatePlanner(scenario).plan(PlanOptions(method: method, quantities: .relaxed))
            let constrained = plan.materials?.reduce(0) { $0 + $1.cost } ?? 0
            let expected = plan.products.reduce(0) { $0 + $1.production * cost[$1.product]! }
            let booked = plan.costs.material + plan.costs.conversion - constrained
            #expect(abs(booked - expected) <= 1e-6 * max(1, expected), "seed \(seed), \(method)")
            let items = try #require(plan.materialCosts)
            #expect(expected > plan.products.reduce(0) { $0 + $1.production } && items.count > 3, "seed \(seed), \(method)")
            #expect(plan.status.contains("families first") == (method == .familiesFirst))
            #expect(abs(items.reduce(0) { $0 + $1.cost } - plan.costs.material) <= 1e-6 * max(1, plan.costs.material))
        }
    }
}
