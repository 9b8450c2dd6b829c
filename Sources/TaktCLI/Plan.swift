import ArgumentParser
import Foundation
import Takt

/// `takt plan PATH`: the least-cost plan and how it absorbs the load.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make the least-cost production plan: overtime, extra shifts, subcontracting, inventory, backlog.",
        discussion: """
            Plans every product in every period by linear programming (GLPK): production, \
            overtime and extra shifts per work center, labor overtime, hiring and layoffs, \
            subcontracting, inventory and backlog, at least total cost. Demand is the open \
            orders, plus the sales plan where it exceeds them. Prints the cost and its \
            breakdown, the on-time rate and late orders, the actions taken, the capacity that \
            binds and what one more hour there is worth. With --out, writes plan.csv, \
            orders.csv, actions.csv, resources.csv, subcontracting.csv, load.csv, plan.json and \
            load.json into the folder.
            """
    )

    @Argument(help: "A scenario folder of CSV files, or a scenario .json file.")
    var path: String

    @Option(help: "Write the plan's files into this folder (created if missing).")
    var out: String?

    @Option(help: "Standard output format: table (a summary), csv (the product × period plan) or json (everything).")
    var format: LoadFormat = .table

    @Option(name: .customLong("time-limit"), help: "Seconds each solve may take.")
    var timeLimit: Double?

    @Option(help: "automatic (exact up to 30 products, else families first), exact, or families-first.")
    var method: PlanOptions.Method = .automatic

    @Option(name: .customLong("refinement-rounds"), help: "Families first: times each product is planned again in what the others finally take (0 is faster, each round can only lower the cost).")
    var refinementRounds = 2

    func validate() throws {
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) { throw ValidationError("--time-limit must be a number of seconds above 0") }
        if refinementRounds < 0 { throw ValidationError("--refinement-rounds must be 0 or more, not \(refinementRounds)") }
    }

    func run() throws {
        let scenario = try CommandInput.scenario(at: path)
        let result: ProductionPlanResult
        do {
            var options = PlanOptions(method: method, timeLimit: timeLimit, refinementRounds: refinementRounds)
            options.progress = ProgressLine.standardError?.show
            result = try AggregatePlanner(scenario).plan(options)
        } catch {
            ProgressLine.standardError?.clear()
            throw InvalidInput(message: "error: \(error.description)\n")
        }
        ProgressLine.standardError?.clear()
        if let out {
            let load = try CapacityLoadAnalysis(scenario, source: .plan(result.plannedProduction)).table()
            try CommandOutput.writeFolder(out, files: [
                ("plan.csv", result.productsCSV()), ("orders.csv", result.ordersCSV()), ("actions.csv", result.actionsCSV()),
                ("resources.csv", result.resourcesCSV()), ("subcontracting.csv", result.subcontractingCSV()),
                ("load.csv", load.csv()), ("plan.json", try result.json()), ("load.json", try load.json()),
            ])
        }
        switch format {
        case .table: try CommandOutput.emit(result.text(color: Terminal.standardOutput.usesColor), to: nil)
        case .csv: try CommandOutput.emit(result.productsCSV(), to: nil)
        case .json: try CommandOutput.emit(try result.json(), to: nil)
        }
    }
}

extension PlanOptions.Method: ExpressibleByArgument {}
