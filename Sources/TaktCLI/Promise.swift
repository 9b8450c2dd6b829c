import ArgumentParser
import Foundation
import Takt

/// `takt promise PATH --product P --quantity Q [--due D]`: when a new order could be done.
struct Promise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Order promising: the earliest completion of a new order, its extra cost, and the orders it would push.",
        discussion: """
            Plans the new order as a rush order due at the end of each period of the horizon \
            (in parallel) and compares each plan with the base plan. With --due, also for that \
            date, and once more with every existing order protected, which shows the overtime, \
            extra shifts and subcontracting it would take not to push them.
            """
    )

    @OptionGroup var scenario: ScenarioArgument

    @Option(help: "The product id.")
    var product: String

    @Option(help: "The quantity, a number above 0.")
    var quantity: Double

    @Option(help: "The required date, YYYY-MM-DD, inside the horizon.")
    var due: String?

    @Option(help: "Standard output format: table, csv or json.")
    var format: OutputFormat = .table

    @OptionGroup var timeLimit: TimeLimitOption

    func validate() throws {
        guard quantity.isFinite, quantity > 0 else { throw ValidationError("--quantity must be a number above 0") }
        if let due, Day(iso: due) == nil { throw ValidationError("--due '\(due)': expected a date YYYY-MM-DD") }
    }

    func run() throws {
        let deadline = timeLimit.deadline()
        let scenario = try CommandInput.scenario(at: self.scenario.path)
        guard scenario.products.contains(where: { $0.id == product }) else {
            throw InvalidInput(message: "error: --product '\(product)': unknown product; expected an id from products.csv\n")
        }
        let day = due.flatMap { Day(iso: $0) }
        if let day, !scenario.horizon.range.contains(day) {
            throw InvalidInput(message: "error: --due \(day): outside the horizon \(scenario.horizon.range.start) to \(scenario.horizon.range.end.advanced(by: -1))\n")
        }
        let answer: OrderPromise.Answer
        do {
            answer = try OrderPromise(base: scenario, product: product, quantity: quantity, due: day, options: PlanOptions(deadline: deadline)).answer()
        } catch {
            throw InvalidInput(message: "error: \(error)\n")
        }
        switch format {
        case .table: try CommandOutput.emit(answer.text(color: Terminal.standardOutput.usesColor), to: nil)
        case .csv: try CommandOutput.emit(answer.csv(), to: nil)
        case .json: try CommandOutput.emit(try answer.json(), to: nil)
        }
    }
}
