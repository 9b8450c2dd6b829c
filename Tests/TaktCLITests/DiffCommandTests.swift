import Foundation
import Testing

@Suite struct DiffCommandTests {
    @Test func diffOfTwoPlanFolders() throws {
        let folder = try TaktBinary.temporaryFolder("diff")
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a").path
        #expect(try TaktBinary.run(["plan", "datasets/sample-plant", "--out", a]).status == 0)
        let same = try TaktBinary.run(["diff", a, a + "/plan.json"])
        #expect(same.status == 0 && same.standardOutput.contains("no change"))

        // The same plant with a rush order, planned again.
        let plant = folder.appendingPathComponent("plant")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: "datasets/sample-plant"), to: plant)
        let orders = plant.appendingPathComponent("orders.csv")
        let text = try String(contentsOf: orders, encoding: .utf8) + "RUSH-1,急单客户,CP-100,120,2027-02-12,1,yes,open,,,\n"
        try text.write(to: orders, atomically: true, encoding: .utf8)
        let b = folder.appendingPathComponent("b").path
        #expect(try TaktBinary.run(["plan", plant.path, "--out", b]).status == 0)
        let changed = try TaktBinary.run(["diff", a, b])
        #expect(changed.status == 0)
        #expect(changed.standardOutput.contains("RUSH-1 CP-100: not in the plan → 2027-02"))
        #expect(changed.standardOutput.contains("Cost: 15,667,822 → "))
        let csv = try TaktBinary.run(["diff", a, a, "--format", "csv"])
        #expect(csv.standardOutput == "kind,subject,period,before,after,change\n")

        let missing = try TaktBinary.run(["diff", a, folder.appendingPathComponent("nope").path])
        #expect(missing.status == 1 && missing.standardError.contains("cannot be read"))
    }
}
