import ArgumentParser
import Foundation
import Takt

/// `takt diff PLAN_A PLAN_B`: what changed between two plans.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two plans: orders moved, quantities, bottleneck load, cost.",
        discussion: """
            Each plan is a folder written by takt plan --out (or its plan.json), such as the \
            released plan and a new one.
            """
    )

    @Argument(help: "The plan before (a takt plan --out folder, or its plan.json).")
    var before: String

    @Argument(help: "The plan after.")
    var after: String

    @Option(help: "Standard output format: table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        func read(_ path: String) throws -> ProductionPlanResult {
            do { return try PlanResultFile.read(path) } catch {
                throw InvalidInput(message: DiagnosticText.lines(error.diagnostics, terminal: .standardError))
            }
        }
        let diff = PlanDiff(from: try read(before), to: try read(after))
        switch format {
        case .table: try CommandOutput.emit(diff.text(color: Terminal.standardOutput.usesColor), to: nil)
        case .csv: try CommandOutput.emit(diff.csv(), to: nil)
        case .json: try CommandOutput.emit(try diff.json(), to: nil)
        }
    }
}
