import Foundation
import Testing

/// `takt materials PATH`: material requirements planning through the built binary.
@Suite struct MaterialsCommandTests {
    @Test func theSamplePlantsMaterialPlanIsWrittenTheSameEveryRun() throws {
        let folder = try TaktBinary.temporaryFolder("materials")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan").path, a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--out", plan]).status == 0)
        let first = try TaktBinary.run(["materials", "datasets/sample-plant", "--plan", plan, "--out", a])
        let second = try TaktBinary.run(["materials", "datasets/sample-plant", "--out", b])  // planning first: the same plan
        #expect(first.status == 0 && !first.signaled, "\(first.standardError)")
        #expect(first.standardOutput == second.standardOutput)
        #expect(first.standardOutput.hasPrefix("Material plan of Sample plant 样例工厂: 12 buckets from 2027-01, 9 materials, 0 sub-assemblies"))
        #expect(first.standardOutput.contains("release past due  PCB-CTRL"))
        #expect(first.standardOutput.contains("expedite          COPPER      PO-2703   2027-02 → 2027-01"))
        let files = ["exceptions.csv", "materials.json", "planned_orders.csv", "purchase_plan.csv", "records.csv", "summary.csv", "unit_requirements.csv"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: a).filter { !$0.hasPrefix(".") }.sorted() == files)
        for file in files { #expect(FileManager.default.contents(atPath: a + "/" + file) == FileManager.default.contents(atPath: b + "/" + file), "\(file)") }
        let records = try String(contentsOfFile: a + "/records.csv", encoding: .utf8).split(separator: "\n")
        #expect(records[0].hasPrefix("item,kind,low_level_code,row,2027-01,2027-02"))
        #expect(records.count == 1 + 9 * 6)
        let csv = try TaktBinary.run(["materials", "datasets/sample-plant", "--plan", plan, "--format", "csv"])
        #expect(csv.standardOutput == (try String(contentsOfFile: a + "/records.csv", encoding: .utf8)))
        let weekly = try TaktBinary.run(["materials", "datasets/sample-plant", "--plan", plan, "--by", "week", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(weekly.standardOutput.utf8)) as? [String: Any])
        #expect((json["buckets"] as? [Any])?.count == 53)
    }

    @Test func fromAScheduleTheSameBytesEveryRun() throws {
        let folder = try TaktBinary.temporaryFolder("materials-schedule")
        defer { try? FileManager.default.removeItem(at: folder) }
        let schedule = folder.appendingPathComponent("schedule").path
        #expect(try TaktBinary.run(["schedule", "datasets/sample-plant", "--iterations", "0", "--out", schedule]).status == 0)
        let arguments = ["materials", "datasets/sample-plant", "--schedule", schedule, "--by", "week", "--format", "json"]
        let first = try TaktBinary.run(arguments), second = try TaktBinary.run(arguments)
        #expect(first.status == 0 && !first.signaled, "\(first.standardError)")
        #expect(first.standardOutput == second.standardOutput && first.standardOutput.contains("\"planned_orders\""))
        let both = try TaktBinary.run(["materials", "datasets/sample-plant", "--schedule", schedule, "--plan", schedule])
        #expect(both.status == 2 && both.standardError.contains("exclude each other"))
    }

    @Test func badRequestsSayWhatIsWrong() throws {
        let quarter = try TaktBinary.run(["materials", "datasets/sample-plant", "--by", "quarter"])
        #expect(quarter.status == 2 && quarter.standardError.contains("--by takes week or month"))
        let folder = try TaktBinary.temporaryFolder("materials-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plant = folder.appendingPathComponent("plant")
        try FileManager.default.copyItem(atPath: "datasets/sample-plant", toPath: plant.path)
        let bom = plant.appendingPathComponent("bom.csv")
        try (String(contentsOf: bom, encoding: .utf8) + "CAST-PUMP,CP-100,1,,,,\nCP-150,CP-100,1,,,,\nCP-100,CP-150,1,,,,\n").write(to: bom, atomically: true, encoding: .utf8)
        let run = try TaktBinary.run(["validate", plant.path])
        #expect(run.status == 1 && !run.signaled)
        #expect(run.standardOutput.contains("bom.csv, row 33, column parent") && run.standardOutput.contains("unknown product"))
        #expect(run.standardOutput.contains("the bill of materials has a cycle: CP-100 → CP-150 → CP-100"))
    }

    /// `material_cost,bom`: the plan prices the bill of materials; `--out` gets
    /// material_costs.csv, whose costs add up to the material line, and the report shows it.
    @Test func aPlanPricedFromTheBillOfMaterials() throws {
        let folder = try TaktBinary.temporaryFolder("bom-cost")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plant = folder.appendingPathComponent("plant")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: "datasets/sample-plant"), to: plant)
        let table = plant.appendingPathComponent("scenario.csv")
        try (try String(contentsOf: table, encoding: .utf8) + "material_cost,bom\n").write(to: table, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("plan").path
        let run = try TaktBinary.run(["plan", plant.path, "--quantities", "relaxed", "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("  conversion ") && run.standardOutput.contains("material by item:"))
        let csv = try String(contentsOfFile: out + "/material_costs.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        #expect(rows.map { String($0[0]) } == ["CAST-PUMP", "CAST-VALVE", "BEARING", "SEAL-KIT", "COPPER", "STEEL", "PCB-CTRL", "ENCLOSURE", "PAINT"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/plan.json"))) as? [String: Any]
        let material = try #require((json?["costs"] as? [String: Any])?["material"] as? Double)
        #expect(abs(rows.reduce(0) { $0 + Double($1[2])! } - material) < 1e-3 * material)
        // BEARING: no scrap on its lines, 24 a piece.
        let bearing = try #require(rows.first { $0[0] == "BEARING" })
        #expect(abs(Double(bearing[1])! * 24 - Double(bearing[2])!) < 1e-6)
        let report = folder.appendingPathComponent("report.html").path
        #expect(try TaktBinary.run(["report", plant.path, "--quantities", "relaxed", "--out", report]).status == 0)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("<h3>Material by item</h3>"))
        // The default: no conversion line and no material_costs.csv.
        let plain = folder.appendingPathComponent("plain").path
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--quantities", "relaxed", "--out", plain]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: plain + "/material_costs.csv"))
    }

    /// A supplier that delivers at most 300 castings in March: the rest of March's come in
    /// February; at most 100 a month from January to March: a supplier shortage, named.
    @Test func supplierCapacityLimitsThePurchasePlan() throws {
        let folder = try TaktBinary.temporaryFolder("supplier")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plant = folder.appendingPathComponent("plant")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: "datasets/sample-plant"), to: plant)
        let limits = plant.appendingPathComponent("supplier_capacity.csv")
        func receipts() throws -> [Double] {
            let run = try TaktBinary.run(["materials", plant.path, "--format", "csv"])
            #expect(run.status == 0, "\(run.standardError)")
            let row = try #require(run.standardOutput.split(separator: "\n").first { $0.hasPrefix("CAST-PUMP,material,1,planned_receipts,") })
            return row.split(separator: ",").dropFirst(4).map { Double($0)! }
        }
        let free = try receipts()
        try "material,period,capacity\nCAST-PUMP,2027-03,300\n".write(to: limits, atomically: true, encoding: .utf8)
        let march = try receipts()
        #expect(march[2] == 300 && march[1] == free[1] + free[2] - 300 && march[3...] == free[3...])
        try "material,period,capacity\nCAST-PUMP,2027-01,100\nCAST-PUMP,2027-02,100\nCAST-PUMP,2027-03,100\n".write(to: limits, atomically: true, encoding: .utf8)
        let run = try TaktBinary.run(["materials", plant.path])
        #expect(run.status == 0 && run.standardOutput.contains("supplier shortage"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("supplier shortage CAST-PUMP             2027-02  38"))
    }
}
