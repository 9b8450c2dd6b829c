import ArgumentParser
import Takt

/// The scenario a command reads, shared by every command that reads one.
struct ScenarioArgument: ParsableArguments {
    @Argument(help: "A scenario folder of CSV files, or a scenario .json file.")
    var path: String
}

/// How a plan is made, shared by the commands that plan (`plan`, `whatif`, `report`).
struct MethodOption: ParsableArguments {
    @Option(help: "automatic (exact up to 30 products, else families first), exact, or families-first.")
    var method: PlanOptions.Method = .automatic

    @Option(help: "whole (lots, whole units and workers, the default) or relaxed (every quantity continuous: the LP relaxation).")
    var quantities: PlanOptions.Quantities = .whole
}

/// What a command prints on standard output; each command's help says what each holds.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

extension PlanOptions.Method: ExpressibleByArgument {}
extension PlanOptions.Quantities: ExpressibleByArgument {}
