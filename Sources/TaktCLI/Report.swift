import ArgumentParser
import Foundation
import Takt

/// `takt report PATH --out report.html`: the plan as one self-contained HTML page.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the plan as one self-contained HTML page: load charts, plan against sales, costs, late orders, actions.",
        discussion: """
            Plans the scenario and writes one HTML file that needs no network to view: the \
            capacity-load chart of the most loaded work centers (with the 100% line) and a \
            heat map of every resource and period, production against demand per family, the \
            cost breakdown, the late orders and the actions. With --scenario overlays, the \
            what-if scenarios side by side too; with --sweep, a sweep's sensitivity charts; with --materials, the material requirements; with --schedule, the shop-floor schedule of the \
            first period as a Gantt chart.
            """
    )

    @OptionGroup var scenario: ScenarioArgument

    @Option(name: .customLong("scenario"), help: "A what-if overlay (.json, .yaml or .yml) to compare; repeatable.")
    var overlays: [String] = []

    @Option(help: "The HTML file to write (atomically).")
    var out: String

    @OptionGroup var planning: MethodOption

    @OptionGroup var timeLimit: TimeLimitOption

    @Flag(help: "Add the shop-floor schedule of the plan's first period: its Gantt chart, late shipments and how the plan fits in detail.")
    var schedule = false

    @Flag(help: "Add the plan's material requirements: the exceptions, the purchase plan and each item's stock against its safety stock.")
    var materials = false

    @Option(help: "Add a sweep's results (the --out folder of takt sweep or takt sweep merge, or its results.json): sensitivity charts, each parameter's effect, the lowest points.")
    var sweep: String?

    func run() throws {
        let options = PlanOptions(method: planning.method, quantities: planning.quantities, deadline: timeLimit.deadline())
        let scenario = try CommandInput.scenario(at: self.scenario.path)
        let sweepResults = try sweep.map { path in try CommandInput.reporting { try SweepResultsFile.read(path) } }
        let loaded = try CommandInput.overlays(overlays, base: scenario)
        let plan: ProductionPlanResult
        var comparison: WhatIfComparison?
        do {
            if loaded.isEmpty {
                plan = try AggregatePlanner(scenario).plan(options)
            } else {
                let run = try WhatIfAnalysis(base: scenario, overlays: loaded, options: options).run()
                plan = run.outcomes[0].plan
                comparison = run.comparison
            }
        } catch {
            throw InvalidInput(message: "error: \(error)\n")
        }
        let load = try CapacityLoadAnalysis(scenario, plan: plan).table()
        var report = PlanReport(plan: plan, load: load, periods: scenario.horizon.periods.map(\.label), comparison: comparison)
        report.sweep = sweepResults
        if materials {
            do {
                report.materials = try MaterialPlanner(scenario).plan(plan)
            } catch {
                throw InvalidInput(message: "error: the material plan: \(error)\n")
            }
        }
        if schedule {
            do {
                let seconds = min(30, max(1, timeLimit.seconds / 4))
                report.schedule = try ShopFloorScheduler(timeLimit: seconds).schedule(scenario, plan: plan, window: ShopWindow(firstPeriodOf: scenario.horizon))
            } catch {
                throw InvalidInput(message: "error: the shop-floor schedule: \(error)\n")
            }
        }
        try CommandOutput.emit(report.html(), to: out)
    }
}
