import Foundation
import Testing

@Suite struct ExportCommandTests {
    /// Sailco's compact model, exported and solved by glpsol, gives the published optimum.
    @Test func compactModelReadsBackInGlpsol() throws {
        let folder = try TaktBinary.temporaryFolder("export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let mps = folder.appendingPathComponent("sailco.mps").path
        #expect(try TaktBinary.run(["export", "datasets/textbook/sailco", "--out", mps]).status == 0)
        let output = folder.appendingPathComponent("sailco.txt").path
        let glpsol = Process()
        glpsol.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        glpsol.arguments = ["--freemps", mps, "-o", output]
        glpsol.standardOutput = FileHandle.nullDevice
        try glpsol.run()
        glpsol.waitUntilExit()
        let report = try String(contentsOfFile: output, encoding: .utf8)
        #expect(report.contains("obj = 78450 (MINimum)"))

        let lp = try TaktBinary.run(["export", "datasets/textbook/sailco", "--format", "lp"])
        #expect(lp.status == 0 && lp.standardOutput.contains("Minimize"))
        #expect(try TaktBinary.run(["export", "datasets/textbook/sailco", "--model", "nope"]).status == 2)
    }
}
