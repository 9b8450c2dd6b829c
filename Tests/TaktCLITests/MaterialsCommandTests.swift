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
}
