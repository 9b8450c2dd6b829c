import Foundation
import Testing

@Suite struct LoadCommandTests {
    @Test func tableOnTheSamplePlant() throws {
        let run = try TaktBinary.run(["load", "datasets/sample-plant", "--wide"])
        #expect(run.status == 0)
        let out = run.standardOutput
        #expect(out.contains("2027-01 2027-02"))
        #expect(out.contains("ASM-2 装配线2"))
        #expect(out.contains("Bottlenecks\n  1. ASM-2"))
        #expect(out.contains("Overloads\n  ASM-2 2027-02:"))
        #expect(out.contains("most load from: SO-"))
        #expect(!out.contains("\u{1B}["))
        // Chinese names are two columns wide: every matrix line is as wide as the header (one
        // block with --wide).
        let matrix = out.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).prefix { !$0.hasPrefix("Bottlenecks") }.filter { !$0.isEmpty }
        #expect(matrix.count == 1 + 13)
        let widths = Set(matrix.map { line in line.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x4E00 && $1.value <= 0x9FFF) ? 2 : 1) } })
        #expect(widths.count == 1)
    }

    @Test func csvAndJSONCarryTheSameNumbers() throws {
        let csv = try TaktBinary.run(["load", "datasets/sample-plant", "--format", "csv"])
        let json = try TaktBinary.run(["load", "datasets/sample-plant", "--format", "json"])
        #expect(csv.status == 0 && json.status == 0)
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.count == 13 * 12 + 1)
        let header = lines[0].split(separator: ",")
        let required = header.firstIndex(of: "required_hours")!
        let csvTotal = lines.dropFirst().reduce(0.0) { $0 + Double($1.split(separator: ",", omittingEmptySubsequences: false)[required])! }
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        let rows = object["rows"] as! [[String: Any]]
        let jsonTotal = rows.reduce(0.0) { $0 + ($1["required_hours"] as! Double) }
        #expect(abs(csvTotal - jsonTotal) < 0.01 * 13 * 12)
        #expect(rows.count == 13 * 12)
    }

    @Test func byQuarterForOneUnit() throws {
        let run = try TaktBinary.run(["load", "datasets/sample-plant", "--by", "quarter", "--unit", "SUB-B", "--format", "csv"])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n").dropFirst()
        #expect(lines.count == 6 * 4)  // five work centers and one labor pool in SUB-B
        #expect(lines.allSatisfy { $0.contains(",SUB-B,") })
        #expect(lines.first?.contains(",2027-Q1,") == true)
    }

    @Test func outIsWrittenAtomicallyAndIdenticallyTwice() throws {
        let folder = try TaktBinary.temporaryFolder("load")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("load.json").path
        let written = try TaktBinary.run(["load", "datasets/sample-plant", "--format", "json", "--out", target])
        #expect(written.status == 0, "\(written.standardError)")
        let first = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(try TaktBinary.run(["load", "datasets/sample-plant", "--format", "json", "--out", target]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == first)
        // Nothing but the output is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["load.json"])
        let missing = try TaktBinary.run(["load", "datasets/sample-plant", "--out", "/no/such/folder/x.txt"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("does not exist"))
    }

    @Test func planFileInsteadOfOrders() throws {
        let folder = try TaktBinary.temporaryFolder("load")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.csv")
        try "product,period,quantity,alternatives\nCP-100,2027-03,100,\nGP-20,2027-03,50,30:ASM-1\n".write(to: plan, atomically: true, encoding: .utf8)
        let run = try TaktBinary.run(["load", "datasets/sample-plant", "--plan", plan.path, "--format", "csv"])
        #expect(run.status == 0)
        let bad = folder.appendingPathComponent("bad.csv")
        try "product,period,quantity\nCP-100,2030-01,100\nNOPE,2027-03,5\nCP-100,2027-04,lots\n".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try TaktBinary.run(["load", "datasets/sample-plant", "--plan", bad.path])
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("bad.csv, row 2, column period: '2030-01'"))
        #expect(failed.standardError.contains("bad.csv, row 3, column product: 'NOPE'"))
        #expect(failed.standardError.contains("bad.csv, row 4, column quantity: 'lots'"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try TaktBinary.run(["load", "datasets/sample-plant", "--unit", "NOPE"]).status == 2)
        #expect(try TaktBinary.run(["load", "datasets/sample-plant", "--by", "fortnight"]).status == 2)
        #expect(try TaktBinary.run(["load", "datasets/sample-plant", "--tight", "-1"]).status == 2)
        let invalid = try TaktBinary.run(["load", "no/such/place"])
        #expect(invalid.status == 1)
    }
}

/// `takt load --plan` takes what `takt plan --out` writes: the folder, its plan.json or plan.csv.
@Suite struct LoadOfAPlanFolderTests {
    @Test func aPlanFolderItsJSONAndItsCSVLoadAlike() throws {
        let out = try TaktBinary.temporaryFolder("load-plan").appendingPathComponent("plan")
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--out", out.path]).status == 0)
        var tables: [String] = []
        for given in [out.path, out.appendingPathComponent("plan.json").path, out.appendingPathComponent("plan.csv").path] {
            let run = try TaktBinary.run(["load", "datasets/sample-plant", "--plan", given, "--format", "json"])
            #expect(run.status == 0, "\(given): \(run.standardError)")
            tables.append(run.standardOutput)
        }
        #expect(tables[0] == tables[1])
        // The folder's load is the plan's own load.csv, its resources.csv's hours.
        let written = try String(contentsOf: out.appendingPathComponent("load.json"), encoding: .utf8)
        #expect(tables[0] == written)
        // plan.csv holds production only (no steps moved to alternatives, no planned workers):
        // its work centers' available hours are the same, and its rows as many.
        func rows(_ json: String) throws -> [[String: Any]] {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return object?["rows"] as? [[String: Any]] ?? []
        }
        let (fromJSON, fromCSV) = (try rows(tables[1]), try rows(tables[2]))
        #expect(!fromJSON.isEmpty && fromJSON.count == fromCSV.count)
        for (a, b) in zip(fromJSON, fromCSV) where ((a["resource"] as? [String: Any])?["kind"] as? String) == "work_center" {
            #expect(abs((a["available_hours"] as? Double ?? 0) - (b["available_hours"] as? Double ?? 0)) < 1e-9)
        }
        let wrong = try TaktBinary.run(["load", "datasets/textbook/sailco", "--plan", out.path])
        #expect(wrong.status == 1 && wrong.standardError.contains("a plan of another scenario"), "\(wrong.standardError)")
    }
}

/// The terminal table fits 120 columns; --wide keeps one block.
@Suite struct LoadTableWidthTests {
    /// Columns a line takes on a terminal: CJK characters take two.
    private func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { width, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }

    @Test func theMatrixWrapsIntoBlocksThatFit() throws {
        for by in ["month", "week"] {
            let run = try TaktBinary.run(["load", "datasets/sample-plant", "--by", by])
            #expect(run.status == 0)
            let widest = run.standardOutput.split(separator: "\n").map(columns).max() ?? 0
            #expect(widest <= 120, "--by \(by): \(widest) columns")
            // Every period is still there, once.
            let headers = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("resource ") }
            let labels = headers.flatMap { $0.split(separator: " ").dropFirst(2) }.filter { $0 != "total" }
            #expect(labels.count == (by == "month" ? 12 : 53), "\(labels.count)")
            #expect(headers.last?.hasSuffix("total") == true)
        }
        let wide = try TaktBinary.run(["load", "datasets/sample-plant", "--wide"])
        #expect(wide.standardOutput.split(separator: "\n").filter { $0.hasPrefix("resource ") }.count == 1)
    }
}
