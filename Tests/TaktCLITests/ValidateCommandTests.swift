import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func samplePlantIsValid() throws {
        let run = try TaktBinary.run(["validate", "datasets/sample-plant"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Scenario Sample plant 样例工厂"))
        #expect(run.standardOutput.contains("Horizon 2027-01-01 to 2027-12-31: 12 months"))
        #expect(run.standardOutput.contains("products          15 in 4 families"))
        #expect(run.standardOutput.contains("orders            291 (8 rush, 23 frozen)"))
        #expect(run.standardOutput.hasSuffix("Valid.\n"))
        // Piped output carries no colour codes.
        #expect(!run.standardOutput.contains("\u{1B}["))
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let first = try TaktBinary.run(["validate", "datasets/sample-plant", "--format", "json"])
        let second = try TaktBinary.run(["validate", "datasets/sample-plant", "--format", "json"])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        let report = try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any]
        #expect(report?["valid"] as? Bool == true)
        let summary = report?["summary"] as? [String: Any]
        #expect(summary?["orders"] as? Int == 291)
        #expect(summary?["work_centers"] as? Int == 10)
    }

    @Test func plantedMistakesExitOneWithEveryLocation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TaktBinary.repository.appendingPathComponent("datasets/sample-plant"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ordersURL = folder.appendingPathComponent("orders.csv")
        var lines = try String(contentsOf: ordersURL, encoding: .utf8).components(separatedBy: "\n")
        // Columns: id,customer,product,quantity,due,…
        func edit(_ line: Int, _ column: Int, _ value: String) {
            var fields = lines[line - 1].components(separatedBy: ",")
            fields[column] = value
            lines[line - 1] = fields.joined(separator: ",")
        }
        edit(2, 2, "GHOST")
        edit(3, 3, "-4")
        edit(4, 4, "2031-01-01")
        try lines.joined(separator: "\n").write(to: ordersURL, atomically: true, encoding: .utf8)

        let run = try TaktBinary.run(["validate", folder.path])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("error: orders.csv, row 2, column product: 'GHOST': unknown product"))
        #expect(run.standardOutput.contains("error: orders.csv, row 3, column quantity: '-4': expected a number > 0"))
        #expect(run.standardOutput.contains("error: orders.csv, row 4, column due: '2031-01-01': outside the horizon"))
        #expect(run.standardOutput.contains("Invalid: 3 errors"))

        let json = try TaktBinary.run(["validate", folder.path, "--format", "json"])
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let items = report?["diagnostics"] as? [[String: Any]] ?? []
        #expect(items.contains { $0["file"] as? String == "orders.csv" && $0["row"] as? Int == 2 && $0["column"] as? String == "product" })
    }

    @Test func usageErrorsExitTwo() throws {
        let missing = try TaktBinary.run(["validate"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("Missing expected argument"))
        let badFlag = try TaktBinary.run(["validate", "datasets/sample-plant", "--format", "xml"])
        #expect(badFlag.status == 2)
        let unknown = try TaktBinary.run(["frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test func missingPathIsInvalidInput() throws {
        let run = try TaktBinary.run(["validate", "no/such/folder"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("no/such/folder: no such file or folder"))
    }

    @Test func helpReadsWell() throws {
        let help = try TaktBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("validate"))
        #expect(help.standardOutput.contains("Exit codes: 0 success, 1 invalid input, 2 usage error."))
        let sub = try TaktBinary.run(["validate", "--help"])
        #expect(sub.status == 0)
        #expect(sub.standardOutput.contains("A scenario folder of CSV files"))
    }
}
