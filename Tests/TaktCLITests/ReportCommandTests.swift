import Foundation
import Testing

@Suite struct ReportCommandTests {
    @Test func writesOneSelfContainedPage() throws {
        let folder = try TaktBinary.temporaryFolder("report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.html").path
        let run = try TaktBinary.run(["report", "datasets/sample-plant", "--out", out])
        #expect(run.status == 0)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<h1>Plan — Sample plant 样例工厂</h1>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])  // no temporary left
        #expect(try TaktBinary.run(["report", "datasets/sample-plant"]).status == 2)
    }
}
