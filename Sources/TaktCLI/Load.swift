import ArgumentParser
import Foundation
import Takt

/// `takt load PATH`: the capacity-load table (产能负荷分析表).
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how loaded each work center and labor pool is, period by period.",
        discussion: """
            Hours available (machines × working days × shifts × hours × efficiency − maintenance; \
            headcount × working days × hours × attendance) against hours required by the open \
            orders, or by a plan given with --plan. Each routing step is placed at the due date \
            less its lead-time offset. Prints a load-ratio matrix, the bottlenecks, and for each \
            overload the overtime and extra shift that could absorb it and the orders that cause it.
            """
    )

    @OptionGroup var scenario: ScenarioArgument

    @Option(help: "Report by week, month, quarter or year (default: the scenario's periods).")
    var by: PeriodLength?

    @Option(help: "Only the resources of this production unit and the units under it.")
    var unit: String?

    @Option(help: "A plan to load instead of the orders: a folder written by takt plan --out, its plan.json or plan.csv, or a CSV of product, period, quantity.")
    var plan: String?

    @Option(help: "Load ratio at or above which a period is tight (default: the scenario's, 0.9).")
    var tight: Double?

    @Option(help: "Load ratio below which a period is underloaded (default: the scenario's, 0.5).")
    var underload: Double?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    @Flag(help: "One block of periods however wide, instead of blocks that fit 120 columns.")
    var wide = false

    func validate() throws {
        if let tight, !(tight.isFinite && tight > 0) { throw ValidationError("--tight must be a number above 0, such as 0.9") }
        if let underload, !(underload.isFinite && underload >= 0) { throw ValidationError("--underload must be a number ≥ 0, such as 0.5") }
    }

    func run() throws {
        let scenario = try CommandInput.scenario(at: self.scenario.path)
        var analysis = CapacityLoadAnalysis(scenario, by: by, unit: unit)
        if let plan {
            let given = try CommandInput.plan(at: plan, for: scenario)
            analysis.source = .plan(given.lines)
            analysis.workforce = given.workforce
        }
        if let tight { analysis.tightThreshold = tight }
        if let underload { analysis.underloadThreshold = underload }
        let table: CapacityLoadTable
        do {
            table = try analysis.table()
        } catch {
            throw UsageError(message: error.description)
        }
        let terminal = Terminal.standardOutput
        let text: String
        switch format {
        case .table: text = table.text(color: out == nil && terminal.usesColor, width: wide ? nil : 120)
        case .csv: text = table.csv()
        case .json: text = try table.json()
        }
        try CommandOutput.emit(text, to: out)
    }
}

extension PeriodLength: ExpressibleByArgument {}
