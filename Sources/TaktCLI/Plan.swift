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

    @OptionGroup var scenario: ScenarioArgument

    @Option(help: "Write the plan's files into this folder (created if missing).")
    var out: String?

    @Option(help: "Standard output format: table (a summary), csv (the product × period plan) or json (everything).")
    var format: OutputFormat = .table

    @Option(name: .customLong("scenario"), help: "Plan one what-if: an overlay (.json, .yaml or .yml) of the scenario, planned as takt whatif plans it (keeping the base plan where the optimal cost allows).")
    var overlay: String?

    @Option(help: "A previous plan (a takt plan --out folder, or its plan.json) to keep where the optimal cost allows; the summary says what changed.")
    var previous: String?

    @OptionGroup var timeLimit: TimeLimitOption

    @OptionGroup var planning: MethodOption

    @Option(name: .customLong("refinement-rounds"), help: "Families first: times each product is planned again in what the others finally take (0 is faster, each round can only lower the cost).")
    var refinementRounds = 2

    func validate() throws {
        if refinementRounds < 0 { throw ValidationError("--refinement-rounds must be 0 or more, not \(refinementRounds)") }
    }

    private static func readPlan(_ path: String) throws -> ProductionPlanResult {
        do { return try PlanResultFile.read(path) } catch {
            throw InvalidInput(message: DiagnosticText.lines(error.diagnostics, terminal: .standardError))
        }
    }

    func run() throws {
        let deadline = timeLimit.deadline()
        let base = try CommandInput.scenario(at: self.scenario.path)
        let whatIf = try overlay.flatMap { try CommandInput.overlays([$0], base: base).first }
        let scenario = whatIf?.applied(to: base) ?? base
        let released = try previous.map(Self.readPlan)
        let result: ProductionPlanResult
        do {
            var options = PlanOptions(method: planning.method, quantities: planning.quantities, refinementRounds: refinementRounds, deadline: deadline)
            options.progress = ProgressLine.standardError?.show
            if let released {
                result = try AggregatePlanner(scenario).plan(options, keeping: released)
            } else if let whatIf {
                result = try WhatIfAnalysis(base: base, overlays: [whatIf], options: options).run().outcomes[1].plan
            } else {
                result = try AggregatePlanner(scenario).plan(options)
            }
        } catch {
            ProgressLine.standardError?.clear()
            throw InvalidInput(message: "error: \(error.description)\n")
        }
        ProgressLine.standardError?.clear()
        // The files' texts are made on every core: on 10,000 orders, plan.json, the load
        // table and the CSV files each take a tenth of a second or more.
        let color = Terminal.standardOutput.usesColor
        let format = format
        let texts = try CommandOutput.texts([
            {
                guard out != nil || format == .json else { return [] }
                let json = try result.json()
                return (out == nil ? [] : [("plan.json", json)]) + (format == .json ? [("", json)] : [])
            },
            {
                guard out != nil else { return [] }
                let load = try CapacityLoadAnalysis(scenario, plan: result).table()
                return [("load.csv", load.csv()), ("load.json", try load.json())]
            },
            {
                let products = out != nil || format == .csv ? result.productsCSV() : ""
                let files = out == nil ? [] : [
                    ("plan.csv", products), ("orders.csv", result.ordersCSV()), ("actions.csv", result.actionsCSV()),
                    ("resources.csv", result.resourcesCSV()), ("subcontracting.csv", result.subcontractingCSV()),
                ] + (result.materials == nil ? [] : [("materials.csv", result.materialsCSV())])
                    + (result.materialCosts == nil ? [] : [("material_costs.csv", result.materialCostsCSV())])
                switch format {
                case .table:
                    let changes = released.map { PlanDiff(from: $0, to: result).changeSummary() } ?? ""
                    return files + [("", result.text(color: color) + changes)]
                case .csv: return files + [("", products)]
                case .json: return files
                }
            },
        ])
        if let out {
            let order = ["plan.csv", "orders.csv", "actions.csv", "resources.csv", "subcontracting.csv", "materials.csv", "material_costs.csv", "load.csv", "plan.json", "load.json"]
            try CommandOutput.writeFolder(out, files: order.compactMap { name in texts.first { $0.0 == name }.map { (name, $0.1) } })
        }
        try CommandOutput.emit(texts.first { $0.0.isEmpty }!.1, to: nil)
    }
}

