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

    @Test func withScheduleTheFirstMonthIsAGanttChart() throws {
        let folder = try TaktBinary.temporaryFolder("report-schedule")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.html").path
        let run = try TaktBinary.run(["report", "datasets/sample-plant", "--schedule", "--time-limit", "8", "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<h2>Capacity load</h2>") && html.contains("<h2>Shop-floor schedule, 2027-01-01 to 2027-01-31</h2>"))
        #expect(html.contains("<svg class=\"gantt\"") && html.contains("<h2>Plan against schedule</h2>"))
    }

    @Test func withMaterialsTheExceptionsAndThePurchasePlan() throws {
        let folder = try TaktBinary.temporaryFolder("report-materials")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.html").path
        let run = try TaktBinary.run(["report", "datasets/sample-plant", "--materials", "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<h2>Materials</h2>") && html.contains("<h3>Exceptions</h3>") && html.contains("<h3>Purchase plan</h3>"))
        #expect(html.contains("<td class=\"late\">release past due</td><td>PCB-CTRL</td>"))
        // One row of projected stock per item, one cell per month.
        let stock = html.components(separatedBy: "<h3>Projected on hand</h3>")[1].components(separatedBy: "</table>")[0]
        #expect(stock.components(separatedBy: "<tr>").count - 2 == 9)
        #expect(stock.components(separatedBy: "<th>2027-").count - 1 == 12)
    }
}
