import Foundation
import Testing
@testable import Takt

@Suite struct ScenarioLoaderTests {
    @Test func samplePlantLoads() throws {
        let loaded = try ScenarioLoader.load(from: Datasets.samplePlant.path)
        let s = loaded.scenario
        #expect(s.name == "Sample plant 样例工厂")
        #expect(s.horizon.periodLength == .month && s.horizon.periodCount == 12)
        #expect(s.units.count == 2)
        #expect(s.products.count == 15)
        #expect(Set(s.products.map(\.family)).count == 4)
        #expect(s.workCenters.count == 10)
        #expect(s.laborPools.count == 3)
        #expect(s.orders.count == 291)
        #expect(Set(s.subcontractors.map(\.id)).count == 2)
        #expect(s.products.first { $0.id == "CP-100" }?.name == "离心泵 CP-100")
        #expect(s.calendars.first { $0.scope == "SUB-B" }?.weekdays.count == 6)
        #expect(s.routings.first { $0.product == "CP-100" && $0.workCenter == "ASM-1" }?.alternatives == ["ASM-2"])
        #expect(s.maintenance.contains { $0.period?.text == "2027-07" && $0.machineDays == 4 })
        #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
        // Every order's quantity survives: the total of the file's column.
        let file = try CSVFile(Datasets.samplePlant, "orders.csv")
        let total = (2...file.lines.count).reduce(0.0) { $0 + Double(file.field(line: $1, column: "quantity"))! }
        #expect(s.orders.reduce(0) { $0 + $1.quantity } == total)
    }

    @Test func sailcoLoads() throws {
        let s = try ScenarioLoader.load(from: Datasets.sailco.path).scenario
        #expect(s.horizon.workingDaysPerPeriod == 20)
        #expect(s.workCenters[0].overtimeHoursMax == .infinity)
        #expect(s.salesPlan.map(\.quantity) == [40, 60, 75, 25])
        #expect(s.policy.backlogAllowed == false)
    }

    @Test func jsonRoundTripGivesTheSameScenario() throws {
        let original = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let data = try original.jsonData()
        let reloaded = try ScenarioLoader.load(json: data).scenario
        #expect(reloaded == original)
        // Deterministic: the same scenario gives the same bytes.
        #expect(try reloaded.jsonData() == data)
        let sailco = try ScenarioLoader.load(from: Datasets.sailco.path).scenario
        #expect(try ScenarioLoader.load(json: try sailco.jsonData()).scenario == sailco)
    }

    /// One copy of the sample plant with many planted mistakes; each must be reported with
    /// its file, row and column, in one run.
    @Test func plantedMistakesAreEachReported() throws {
        let folder = try Datasets.copy(of: Datasets.samplePlant)
        defer { try? FileManager.default.removeItem(at: folder) }

        var orders = try CSVFile(folder, "orders.csv")
        orders.set(line: 2, column: "product", to: "NO-SUCH")
        orders.set(line: 3, column: "quantity", to: "-5")
        orders.set(line: 4, column: "quantity", to: "abc")
        orders.set(line: 5, column: "due", to: "2029-01-15")
        orders.set(line: 6, column: "due", to: "2027-02-30")
        orders.set(line: 7, column: "id", to: orders.field(line: 8, column: "id"))
        orders.set(line: 9, column: "rush", to: "maybe")
        try orders.save()

        var products = try CSVFile(folder, "products.csv")
        products.append("LONELY,Unrouted product,PUMP,,pcs,0,0,0,0,,0,1,1,,0")
        products.set(line: 3, column: "holding_cost", to: "cheap")
        try products.save()

        var routings = try CSVFile(folder, "routings.csv")
        routings.set(line: 4, column: "work_center", to: "CNC-Z")
        try routings.save()

        var pools = try CSVFile(folder, "labor_pools.csv")
        pools.set(line: 2, column: "attendance", to: "1.5")
        try pools.save()

        var scenario = try CSVFile(folder, "scenario.csv")
        scenario.set(line: 5, column: "value", to: "twelve")  // periods
        try scenario.save()

        let error = #expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(from: folder.path) }
        let errors = try #require(error).errors
        func reported(_ file: String, _ row: Int, _ column: String, _ value: String?, _ words: String) {
            let hit = errors.first { $0.location.file == file && $0.location.row == row && $0.location.column == column }
            #expect(hit != nil, "no error at \(file) row \(row) column \(column); got:\n\(errors.map(\.description).joined(separator: "\n"))")
            if let hit {
                #expect(hit.value == value)
                #expect(hit.message.contains(words), "\(hit)")
            }
        }
        reported("scenario.csv", 5, "periods", "twelve", "whole number")
        reported("products.csv", 3, "holding_cost", "cheap", "number")
        reported("products.csv", 17, "id", "LONELY", "no routing")
        reported("routings.csv", 4, "work_center", "CNC-Z", "unknown work center")
        reported("labor_pools.csv", 2, "attendance", "1.5", "from 0 to 1")
        reported("orders.csv", 3, "quantity", "-5", "> 0")
        reported("orders.csv", 4, "quantity", "abc", "number")
        reported("orders.csv", 6, "due", "2027-02-30", "YYYY-MM-DD")
        reported("orders.csv", 9, "rush", "maybe", "true or false")
        reported("orders.csv", 2, "product", "NO-SUCH", "unknown product")
        reported("orders.csv", 8, "id", orders.field(line: 8, column: "id"), "duplicate id")
        // Dates are checked against the horizon; with `periods` broken that waits for the fix.
        #expect(!errors.contains { $0.location.column == "due" && $0.location.row == 5 })

        // With the horizon mended, the cross-table problems show up as well.
        scenario.set(line: 5, column: "value", to: "12")
        try scenario.save()
        let second = #expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(from: folder.path) }
        let again = try #require(second).errors
        func has(_ file: String, _ row: Int, _ column: String, _ words: String) -> Bool {
            again.contains { $0.location.file == file && $0.location.row == row && $0.location.column == column && $0.message.contains(words) }
        }
        #expect(has("orders.csv", 2, "product", "unknown product"))
        #expect(has("orders.csv", 5, "due", "outside the horizon"))
        #expect(has("orders.csv", 8, "id", "duplicate id"))
        #expect(has("routings.csv", 4, "work_center", "unknown work center"))
        #expect(has("products.csv", 17, "id", "no routing"))
    }

    @Test func missingColumnsAndFilesAreNamed() throws {
        let folder = try Datasets.copy(of: Datasets.samplePlant)
        defer { try? FileManager.default.removeItem(at: folder) }
        var centers = try CSVFile(folder, "work_centers.csv")
        centers.lines = centers.lines.map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != 2 }.map(\.element).joined(separator: ",")
        }
        try centers.save()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("units.csv"))
        let error = #expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(from: folder.path) }
        let errors = try #require(error).errors
        #expect(errors.contains { $0.location.file == "work_centers.csv" && $0.location.row == 1 && $0.location.column == "unit" && $0.message.contains("missing") })
        #expect(errors.contains { $0.location.file == "units.csv" && $0.message.contains("missing") })
    }

    @Test func gb18030FilesAreReadWithAWarning() throws {
        let folder = try Datasets.copy(of: Datasets.samplePlant)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("units.csv")
        // 总装一厂 and 精密加工子公司 in GB18030.
        let gb: [UInt8] = Array("id,name,kind\nPLANT-A,".utf8) + [0xD7, 0xDC, 0xD7, 0xB0, 0xD2, 0xBB, 0xB3, 0xA7]
            + Array(",plant\nSUB-B,".utf8) + [0xBE, 0xAB, 0xC3, 0xDC, 0xBC, 0xD3, 0xB9, 0xA4, 0xD7, 0xD3, 0xB9, 0xAB, 0xCB, 0xBE]
            + Array(",subsidiary\n".utf8)
        try Data(gb).write(to: url)
        let loaded = try ScenarioLoader.load(from: folder.path)
        #expect(loaded.scenario.units.map(\.name) == ["总装一厂", "精密加工子公司"])
        #expect(loaded.warnings.contains { $0.location.file == "units.csv" && $0.message.contains("GB18030") })
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let folder = try Datasets.copy(of: Datasets.samplePlant)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("products.csv")
        try Data([0xEF, 0xBB, 0xBF] + [UInt8](try Data(contentsOf: url))).write(to: url)
        #expect(try ScenarioLoader.load(from: folder.path).scenario.products.count == 15)
    }

    @Test func errorsAreCappedButCounted() throws {
        let folder = try Datasets.copy(of: Datasets.samplePlant)
        defer { try? FileManager.default.removeItem(at: folder) }
        var orders = try CSVFile(folder, "orders.csv")
        for line in 2...orders.lines.count { orders.set(line: line, column: "quantity", to: "x") }
        try orders.save()
        let error = try #require(#expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(from: folder.path) })
        #expect(error.errors.count == ScenarioLoadError.limit)
        #expect(error.errors.count + error.omittedErrorCount == 291)
    }

    @Test func jsonErrorsNameTheirPath() throws {
        let json = """
            {"name": "tiny", "horizon": {"start": "2027-01-01", "period": "month", "periods": 3},
             "units": [{"id": "U"}],
             "products": [{"id": "P", "family": "F"}, {"id": "Q", "family": "F", "holding_cost": "lots"}],
             "work_centers": [{"id": "W", "unit": "U", "machines": 2}],
             "routings": [{"product": "P", "step": 1, "work_center": "W", "run_hours": 0.5},
                          {"product": "Q", "step": 1, "work_center": "W", "run_hours": 1}],
             "orders": [{"id": "O1", "product": "P", "quantity": 5, "due": "2027-02-01"},
                        {"id": "O2", "product": "X", "quantity": 5, "due": "2027-02-01"}]}
            """
        let error = try #require(#expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(json: Data(json.utf8)) })
        let text = error.errors.map(\.description)
        #expect(text.contains { $0.contains("products[1].holding_cost: 'lots'") })
        #expect(text.contains { $0.contains("orders[1].product: 'X'") && $0.contains("unknown product") })
        let broken = try #require(#expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(json: Data("{\"units\": [".utf8)) })
        #expect(broken.errors.first?.message.contains("not valid JSON") == true)
    }

    @Test func scenarioBuiltInCodeIsValidatedWithPaths() {
        let scenario = Scenario(
            name: "code", horizon: Horizon(start: Day(year: 2027, month: 1, day: 1), periodLength: .month, periodCount: 2),
            units: [ProductionUnit(id: "U", name: "U")], products: [Product(id: "P", name: "P", family: "F")],
            workCenters: [WorkCenter(id: "W", name: "W", unit: "U")],
            routings: [RoutingStep(product: "P", step: 1, workCenter: "W", runHours: 1)],
            orders: [CustomerOrder(id: "O", product: "P", quantity: 3, due: Day(year: 2027, month: 5, day: 1))])
        let problems = scenario.validate().filter { $0.severity == .error }
        #expect(problems.map(\.location.description) == ["scenario, orders[0].due"])
    }
}

@Suite struct WorkforceValidationTests {
    @Test func wholeWorkersNeedAWholeHeadcount() {
        var s = ScenarioFactory.small()
        s.policy.workforce = .integer
        s.laborPools[0].hireCost = 100
        s.laborPools[0].headcount = 10.5
        let errors = s.validate().filter { $0.severity == .error }
        #expect(errors.map(\.location.description) == ["scenario, labor_pools[0].headcount"])
    }
}

@Suite struct HorizonLimitTests {
    @Test func aHorizonPastTheLastDateIsAnErrorNotACrash() throws {
        let folder = try Datasets.copy(of: Datasets.sailco)
        defer { try? FileManager.default.removeItem(at: folder) }
        var scenario = try CSVFile(folder, "scenario.csv")
        scenario.set(line: 3, column: "value", to: "9990-01-01")  // start
        scenario.set(line: 4, column: "value", to: "year")
        scenario.set(line: 5, column: "value", to: "40")
        try scenario.save()
        let error = try #require(#expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(from: folder.path) })
        #expect(error.errors.contains { $0.location.column == "periods" && $0.message.contains("9998") })
    }
}
