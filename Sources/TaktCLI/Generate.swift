import ArgumentParser
import Foundation
import Takt

/// `takt generate`: a realistic scenario of any size from a seed.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a generated scenario: seeded, realistic, of any size.",
        discussion: """
            Product families; routings of 2–6 steps with labor (and with --setups, setup hours \
            per run and a setup cost per product); a seasonal sales \
            plan; order due dates spread over the horizon with some rush, confirmed and frozen \
            orders; work centers loaded 50–80%, and about one in six 85–110%. The same options \
            and seed always write the same files.
            """
    )

    @Option(help: "Number of customer orders.") var orders = 1_000
    @Option(help: "Number of products.") var products = 200
    @Option(help: "Number of product families.") var families = 20
    @Option(name: .customLong("work-centers"), help: "Number of work centers.") var workCenters = 30
    @Option(help: "Number of production units.") var units = 3
    @Option(help: "Number of periods.") var periods = 52
    @Option(help: "Period length: week, month, quarter or year.") var period: PeriodLength = .week
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Products set up once per production run: setup hours on each step and a setup cost.") var setups = false
    @Option(help: "Purchased materials, with bills of materials for every product (default 0: none).") var materials = 0
    @Option(name: .customLong("bom-levels"), help: "With --materials: levels of the bills of materials (1: products of materials; more: through sub-assemblies).")
    var bomLevels = 1
    @Option(help: "The folder to write the scenario's CSV files into.") var out: String

    func validate() throws {
        if let problem = generator.problems().first { throw ValidationError(problem) }
    }

    private var generator: ScenarioGenerator {
        ScenarioGenerator(
            orders: orders, products: products, families: families, workCenters: workCenters, units: units, periods: periods,
            periodLength: period, seed: seed, setups: setups, materials: materials, bomLevels: bomLevels)
    }

    func run() throws {
        let scenario = generator.scenario()
        do {
            try ScenarioCSVWriter.write(scenario, to: out)
        } catch {
            throw InvalidInput(message: "error: \(error)\n")
        }
        Terminal.standardOutput.write(
            "Wrote \(out): \(scenario.orders.count) orders, \(scenario.products.count) products, \(scenario.workCenters.count) work centers, \(scenario.horizon.periodCount) \(scenario.horizon.periodLength.rawValue)s\n")
    }
}
