import Foundation
import Testing
@testable import Takt

@Suite struct PlanReportTests {
    /// A plant whose names try to break out of the page.
    static func hostile() throws -> Scenario {
        var scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        scenario.name = "<b>plant</b> & \"co\""
        scenario.products[0].family = "<script>alert(1)</script>"
        scenario.workCenters[0].name = "<img src=x onerror=alert(2)>"
        return scenario
    }

    static func report(_ scenario: Scenario, comparison: WhatIfComparison? = nil) throws -> String {
        let plan = try AggregatePlanner(scenario).plan()
        let load = try CapacityLoadAnalysis(scenario, source: .plan(plan.plannedProduction)).table()
        return PlanReport(plan: plan, load: load, periods: scenario.horizon.periods.map(\.label), comparison: comparison).html()
    }

    @Test func namesFromTheDataAreTextNotMarkup() throws {
        let html = try Self.report(Self.hostile())
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>plant"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;b&gt;plant&lt;/b&gt; &amp; &quot;co&quot;"))
    }

    @Test func thePageHasEverySectionAndNeedsNoNetwork() throws {
        let scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        var rush = ScenarioOverlay(name: "rush")
        rush.addOrders = [CustomerOrder(id: "RUSH-1", product: "CP-100", quantity: 120, due: Day(year: 2027, month: 2, day: 12), priority: 1, rush: true)]
        let run = try WhatIfAnalysis(base: scenario, overlays: [rush]).run()
        let html = try Self.report(scenario, comparison: run.comparison)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        let headings = [
            "What-if scenarios", "Capacity load", "Plan and sales by family", "Production by product and period", "Cost", "Late orders (2)",
            "Actions (",
        ]
        var position = html.startIndex
        for heading in headings {
            // In this order: the what-ifs first, near the top.
            let found = html.range(of: "<h2>\(heading)", range: position..<html.endIndex)
            #expect(found != nil, "\(heading)")
            if let found { position = found.upperBound }
        }
        // Six load charts with the dashed 100% line, one plan chart per family (demand and stock lines).
        #expect(html.components(separatedBy: "stroke-dasharray").count - 1 == 6)
        #expect(html.components(separatedBy: "<polyline").count - 1 == 2 * Set(scenario.products.map(\.family)).count)
        // Actions one line per kind, details folded; the product plan folded; the rush what-if's changes.
        let kinds = Set(try AggregatePlanner(scenario).plan().actions.map(\.kind)).count
        #expect(html.components(separatedBy: "<details>").count - 1 >= kinds + 1)
        #expect(html.contains("orders built ahead"))
        #expect(html.contains("<span class=\"delta\">+"))
        // One heat-map row per resource, one cell per period.
        #expect(html.components(separatedBy: "<td class=\"v ").count - 1 == scenario.resources.count * 12)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="))
        #expect(html.contains("<th>rush</th>"))
    }

    /// The page in a real browser: Chromium parses it, draws it, and finds no script in it.
    @Test(.enabled(if: HeadlessChromium.isInstalled))
    func chromiumDrawsThePageAndRunsNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try Self.report(Self.hostile()).write(to: page, atomically: true, encoding: .utf8)
        let chromium = HeadlessChromium(folder: folder, page: page).run
        let shot = folder.appendingPathComponent("report.png")
        _ = try chromium(["--window-size=1400,2000", "--screenshot=\(shot.path)"])
        let png = try Data(contentsOf: shot)
        #expect(png.count > 10_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let dom = try chromium(["--dump-dom"])
        #expect(dom.contains("<h2>Capacity load</h2>"))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!dom.contains("<script"))
    }
}
