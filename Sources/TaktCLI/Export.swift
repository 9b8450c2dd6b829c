import ArgumentParser
import Foundation
import Takt
import TaktLP

/// `takt export PATH`: a scenario's planning model as an MPS or LP file, for other solvers.
struct Export: ParsableCommand {
    enum Model: String, ExpressibleByArgument, CaseIterable {
        /// The compact model `takt plan` solves exactly: product × period × class.
        case compact
        /// The straightforward model: one column per order and period.
        case orders
    }

    enum FileFormat: String, ExpressibleByArgument, CaseIterable {
        case mps, lp
    }

    static let configuration = CommandConfiguration(
        abstract: "Write a scenario's planning model as an MPS or CPLEX LP file, for other solvers.",
        discussion: """
            --model compact is the product × period model that takt plan --method exact solves; \
            --model orders the straightforward model with one column per order and period \
            (the same optimum where orders are open, headcounts fixed and no sales plan \
            exceeds the orders). Free MPS, minimising; the objective's constant is carried by \
            a column fixed at 1.
            """
    )

    @OptionGroup var scenario: ScenarioArgument

    @Option(help: "compact or orders.")
    var model: Model = .compact

    @Option(help: "mps or lp.")
    var format: FileFormat = .mps

    @Option(help: "Write the model to this file (written atomically); standard output if absent.")
    var out: String?

    func run() throws {
        let scenario = try CommandInput.scenario(at: self.scenario.path)
        let program: LinearProgram = switch model {
        case .compact: AggregatePlanner.exactModel(of: scenario)
        case .orders: OrderPeriodModel(scenario).program()
        }
        let text: String
        do {
            text = switch format {
            case .mps: try MPSWriter().write(program)
            case .lp: try LPWriter().write(program)
            }
        } catch {
            throw InvalidInput(message: "error: \(error.description)\n")
        }
        try CommandOutput.emit(text, to: out)
    }
}
