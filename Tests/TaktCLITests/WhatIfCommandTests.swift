import Foundation
import Testing

@Suite struct WhatIfCommandTests {
    @Test func comparesOverlaysOfTheSamplePlant() throws {
        let folder = try TaktBinary.temporaryFolder("whatif")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rush = folder.appendingPathComponent("rush.json")
        try #"{"name": "rush order", "add_orders": [{"id": "RUSH-1", "product": "CP-100", "quantity": 120, "due": "2027-02-12", "rush": true}]}"#
            .write(to: rush, atomically: true, encoding: .utf8)
        let down = folder.appendingPathComponent("down.json")
        try #"{"name": "CNC-M down", "machines_down": [{"work_center": "CNC-M", "start": "2027-03-01", "end": "2027-03-31", "machines": 2}]}"#
            .write(to: down, atomically: true, encoding: .utf8)
        let run = try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", rush.path, "--scenario", down.path, "--out", folder.appendingPathComponent("out").path])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("rush order") && run.standardOutput.contains("CNC-M down"))
        #expect(run.standardOutput.contains("total cost"))
        #expect(run.standardError.isEmpty)  // no progress when not a terminal
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted()
        #expect(files == [
            ".takt-output", "base-orders.csv", "base-plan.csv", "base-plan.json", "comparison.csv", "comparison.json", "scenario-1-orders.csv",
            "scenario-1-plan.csv", "scenario-1-plan.json", "scenario-2-orders.csv", "scenario-2-plan.csv", "scenario-2-plan.json",
        ])
        // Each plan.json is one takt diff reads, and takt plan --scenario plans the what-if alone to the same plan.
        let out = folder.appendingPathComponent("out")
        let diff = try TaktBinary.run(["diff", out.appendingPathComponent("base-plan.json").path, out.appendingPathComponent("scenario-1-plan.json").path])
        #expect(diff.status == 0 && diff.standardOutput.contains("Plan change: Sample plant 样例工厂 → rush order"), "\(diff.standardOutput)")
        let alone = try TaktBinary.run(["plan", "datasets/sample-plant", "--scenario", rush.path, "--format", "json"])
        let inRun = try String(contentsOf: out.appendingPathComponent("scenario-1-plan.json"), encoding: .utf8)
        #expect(alone.status == 0 && alone.standardOutput == inRun)
        let csv = try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", rush.path, "--format", "csv"])
        #expect(csv.standardOutput.hasPrefix("measure,base,rush order\n"))

        let bad = folder.appendingPathComponent("bad.json")
        try #"{"add_orders": [{"id": "X1", "product": "NOPE", "quantity": 1, "due": "2027-02-01"}]}"#.write(to: bad, atomically: true, encoding: .utf8)
        let failed = try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", bad.path])
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("bad.json, add_orders[0].product: 'NOPE': unknown product"))
        #expect(try TaktBinary.run(["whatif", "datasets/sample-plant"]).status == 2)
    }

    /// A YAML overlay, warm-started: the same costs as the JSON one planned cold, and the
    /// same bytes on a second run. Relaxed quantities: where the relaxed optimum is tied, warm
    /// and cold runs may reach different optimal points, whose whole plans differ slightly.
    @Test func readsYAMLOverlaysAndWarmStartsThem() throws {
        let folder = try TaktBinary.temporaryFolder("whatif-yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("more.json"), yaml = folder.appendingPathComponent("more.yml")
        try #"{"name": "demand +10%", "demand": [{"factor": 1.1}]}"#.write(to: json, atomically: true, encoding: .utf8)
        try "name: demand +10%\ndemand:\n  - factor: 1.1\n".write(to: yaml, atomically: true, encoding: .utf8)
        let cold = try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", json.path, "--format", "csv", "--quantities", "relaxed"])
        let warm = try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", yaml.path, "--format", "csv", "--warm-start", "--quantities", "relaxed"])
        #expect(cold.status == 0 && warm.status == 0)
        func totalCost(_ csv: String) -> [Double] {
            let line = csv.split(separator: "\n").first { $0.hasPrefix("total cost,") } ?? ""
            return line.split(separator: ",").dropFirst().compactMap { Double($0) }
        }
        let (a, b) = (totalCost(cold.standardOutput), totalCost(warm.standardOutput))
        #expect(a.count == 2 && b.count == 2)
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-6 * abs(x)) }
        #expect(try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", yaml.path, "--format", "csv", "--warm-start", "--quantities", "relaxed"]).standardOutput == warm.standardOutput)
    }

    /// On a terminal (here one made by `script`), progress shows the scenarios counted and
    /// the solver's phase on standard error.
    @Test func showsProgressOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let folder = try TaktBinary.temporaryFolder("whatif-tty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = folder.appendingPathComponent("more.yaml")
        try "demand: [{factor: 1.1}]\n".write(to: yaml, atomically: true, encoding: .utf8)
        let command = "'\(TaktBinary.url.path)' whatif datasets/sample-plant --scenario '\(yaml.path)' > /dev/null"
        let run = try TaktBinary.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("planned 2 of 2 scenarios") && run.standardOutput.contains("solving 1819 columns × 1108 rows"))
    }
}
