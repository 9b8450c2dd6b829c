import Foundation
import Testing

@Suite struct DecomposeCommandTests {
    @Test func samplePlantDownToWeeks() throws {
        let folder = try TaktBinary.temporaryFolder("decompose")
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["decompose", "datasets/sample-plant", "--to", "week", "--method", "capacity"]
        let run = try TaktBinary.run(arguments + ["--out", folder.path])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Annual plan"))
        #expect(run.standardOutput.contains("Quarterly production"))
        #expect(run.standardOutput.contains("PUMP PLANT-A"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == [
            ".takt-output", "annual.csv", "capacity.csv", "decomposition.json", "families.csv", "load-month.csv", "load-quarter.csv", "load-week.csv",
            "load-year.csv", "products.csv", "subcontracting.csv",
        ])
        // The year lines of products.csv add up to annual.csv's quantities.
        let annual = try String(contentsOf: folder.appendingPathComponent("annual.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let products = try String(contentsOf: folder.appendingPathComponent("products.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let annualTotal = annual.reduce(0) { $0 + Double($1[8])! }
        let yearTotal = products.filter { $0[0] == "year" }.reduce(0) { $0 + Double($1[7])! }
        let weekTotal = products.filter { $0[0] == "week" }.reduce(0) { $0 + Double($1[7])! }
        #expect(annualTotal > 0 && abs(annualTotal - yearTotal) < 1e-6 && abs(weekTotal - yearTotal) < 1e-6)

        // The same input writes the same bytes.
        let again = try TaktBinary.run(arguments + ["--format", "csv"])
        let csv = try String(contentsOf: folder.appendingPathComponent("products.csv"), encoding: .utf8)
        #expect(again.status == 0 && again.standardOutput == csv)
    }

    @Test func badArgumentsAndAnnualPlansAreNamed() throws {
        let usage = try TaktBinary.run(["decompose", "datasets/sample-plant", "--method-for", "PUMP=fast"])
        #expect(usage.status == 2)
        #expect(usage.standardError.contains("--method-for 'PUMP=fast'"))
        #expect(try TaktBinary.run(["decompose", "datasets/sample-plant", "--to", "year"]).status == 2)
        #expect(try TaktBinary.run(["decompose", "datasets/sample-plant", "--refinement-rounds", "-1"]).status == 2)
        let refined = try TaktBinary.run([
            "decompose", "datasets/sample-plant", "--method", "capacity", "--capacity-model", "families", "--refinement-rounds", "1",
        ])
        #expect(refined.status == 0)

        let folder = try TaktBinary.temporaryFolder("decompose")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("annual.csv")
        try "item,unit,quantity\nPUMP,,6000\nNOPE,,5\nVALVE,PLANT-A,-3\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try TaktBinary.run(["decompose", "datasets/sample-plant", "--annual-plan", file.path])
        #expect(run.status == 1)
        #expect(run.standardError.contains("annual.csv, row 3, column item: 'NOPE'"))
        #expect(run.standardError.contains("annual.csv, row 4, column quantity: '-3'"))

        try "item,unit,quantity\nPUMP,,6000\nCP-100,PLANT-A,100\n".write(to: file, atomically: true, encoding: .utf8)
        let both = try TaktBinary.run(["decompose", "datasets/sample-plant", "--annual-plan", file.path])
        #expect(both.status == 1)
        #expect(both.standardError.contains("both on its own and through its family"))

        // A what-if overlay may scale demand and pick the method.
        let overlay = folder.appendingPathComponent("whatif.json")
        try #"{"name": "more", "demand": [{"factor": 2}], "decomposition": {"method": "level", "to": "quarter"}}"#
            .write(to: overlay, atomically: true, encoding: .utf8)
        let whatIf = try TaktBinary.run(["decompose", "datasets/sample-plant", "--scenario", overlay.path, "--format", "csv"])
        #expect(whatIf.status == 0)
        #expect(!whatIf.standardOutput.contains("\nmonth,") && whatIf.standardOutput.contains("\nquarter,"))

        try "item,unit,quantity\nPUMP,,6000\n".write(to: file, atomically: true, encoding: .utf8)
        let given = try TaktBinary.run(["decompose", "datasets/sample-plant", "--annual-plan", file.path, "--format", "csv"])
        #expect(given.status == 0)
        let pumpYear = given.standardOutput.split(separator: "\n").filter { $0.hasPrefix("year,2027,,PUMP,") }
        #expect(pumpYear.reduce(0) { $0 + Double($1.split(separator: ",", omittingEmptySubsequences: false)[7])! } == 6000)
    }
}
