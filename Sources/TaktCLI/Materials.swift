import ArgumentParser
import Foundation
import Takt

/// `takt materials PATH`: material requirements planning from the plan.
struct Materials: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan material requirements from the production plan: MRP records, the purchase plan and exceptions.",
        discussion: """
            Explodes the plan's in-house production (--plan DIR, a takt plan --out folder or its \
            plan.json; else the scenario is planned first; or --schedule DIR, a shop-floor \
            schedule's lots, each component on the day its step starts; or --decomposition DIR, \
            a decomposition's finest plans) through bom.csv level \
            by level, nets \
            each item against on hand, purchase_orders.csv and safety stock, sizes orders by its \
            lot rule and offsets them by its lead time. Prints the purchase plan and the \
            exceptions (releases past due, purchase orders to expedite, de-expedite or cancel); \
            --out writes records.csv (the MRP record of every item), purchase_plan.csv, \
            planned_orders.csv (pegged to plan lines and orders), unit_requirements.csv (the \
            production material plan per unit), summary.csv (across units), exceptions.csv and \
            materials.json.
            """
    )

    @OptionGroup var scenario: ScenarioArgument

    @Option(help: "The plan: a takt plan --out folder or its plan.json (default: plan the scenario first).")
    var plan: String?

    @Option(help: "Requirements from a shop-floor schedule's lots instead: a takt schedule --out folder or its schedule.json.")
    var schedule: String?

    @Option(help: "Requirements from a decomposition's finest plans instead: a takt decompose --out folder or its decomposition.json.")
    var decomposition: String?

    @Option(help: "Buckets by week or month (default: the scenario's periods).")
    var by: PeriodLength?

    @Option(help: "Standard output: table, csv (the MRP records) or json.")
    var format: OutputFormat = .table

    @Option(help: "Write every table into this folder (created if missing).")
    var out: String?

    @OptionGroup var timeLimit: TimeLimitOption

    func validate() throws {
        if let by, by == .quarter || by == .year { throw ValidationError("--by takes week or month: MRP buckets are short") }
        if [plan, schedule, decomposition].compactMap({ $0 }).count > 1 {
            throw ValidationError("--plan, --schedule and --decomposition exclude each other: the requirements come from one")
        }
    }

    func run() throws {
        let scenario = try CommandInput.scenario(at: self.scenario.path)
        let result: MaterialPlan = try CommandInput.reporting {
            if let decomposition {
                return try MaterialPlanner(scenario).plan(decomposition: try DecomposedPlanFile.read(decomposition), by: by)
            }
            if let schedule {
                return try MaterialPlanner(scenario).plan(schedule: try ShopFloorScheduleFile.read(schedule), by: by)
            }
            let production = try plan.map { try CommandInput.planResult(at: $0, of: scenario) }
                ?? AggregatePlanner(scenario).plan(PlanOptions(deadline: timeLimit.deadline()))
            return try MaterialPlanner(scenario).plan(production, by: by)
        }
        if let out {
            try CommandOutput.writeFolder(out, files: [
                ("records.csv", result.recordsCSV()), ("purchase_plan.csv", result.purchasePlanCSV()), ("planned_orders.csv", result.plannedOrdersCSV()),
                ("unit_requirements.csv", result.unitRequirementsCSV()), ("summary.csv", result.summaryCSV()), ("exceptions.csv", result.exceptionsCSV()),
                ("materials.json", try result.json()),
            ])
        }
        switch format {
        case .table: Terminal.standardOutput.write(result.text(color: Terminal.standardOutput.usesColor))
        case .csv: Terminal.standardOutput.write(result.recordsCSV())
        case .json: Terminal.standardOutput.write(try result.json())
        }
    }
}
