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
        #expect(files == ["base-orders.csv", "base-plan.csv", "comparison.csv", "comparison.json", "scenario-1-orders.csv", "scenario-1-plan.csv", "scenario-2-orders.csv", "scenario-2-plan.csv"])
        let csv = try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", rush.path, "--format", "csv"])
        #expect(csv.standardOutput.hasPrefix("measure,base,rush order\n"))

        let bad = folder.appendingPathComponent("bad.json")
        try #"{"add_orders": [{"id": "X1", "product": "NOPE", "quantity": 1, "due": "2027-02-01"}]}"#.write(to: bad, atomically: true, encoding: .utf8)
        let failed = try TaktBinary.run(["whatif", "datasets/sample-plant", "--scenario", bad.path])
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("bad.json, add_orders[0].product: 'NOPE': unknown product"))
        #expect(try TaktBinary.run(["whatif", "datasets/sample-plant"]).status == 2)
    }
}
