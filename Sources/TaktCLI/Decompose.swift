import ArgumentParser
import Foundation
import Takt

/// `takt decompose PATH`: the annual plan split into quarterly, monthly and weekly plans.
struct Decompose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split the annual plan into quarterly, monthly and weekly plans per family, product and unit.",
        discussion: """
            The annual quantity of each product is taken from --annual-plan (a CSV file with \
            item,unit,quantity; item is a product id or a family) or derived from the sales plan \
            as sales + target ending inventory − opening inventory. It is shared among the \
            production units that can make the product, then split down to the finest level by \
            sales, working days, level, or capacity (least holding, backlog, overtime and \
            subcontracting cost within each unit's capacity, by linear programming). Every \
            period is exactly the sum of its sub-periods, in whole lots. With --out, writes \
            annual.csv, products.csv, families.csv, capacity.csv, subcontracting.csv, \
            load-<level>.csv and decomposition.json into the folder.
            """
    )

    @OptionGroup var scenario: ScenarioArgument

    @Option(name: .customLong("to"), help: "The finest level: quarter, month or week.")
    var finest: PlanLevel = .month

    @Option(help: "The split method: sales, working-days, level or capacity.")
    var method: SplitMethod = .sales

    @Option(name: .customLong("method-for"), help: "A method for one product or family, as KEY=METHOD (repeatable).")
    var methodFor: [String] = []

    @Option(name: .customLong("annual-plan"), help: "The approved annual plan: a CSV file with item, unit, quantity.")
    var annualPlan: String?

    @Option(name: .customLong("units"), help: "Sharing among units: capacity-share, fixed or balanced.")
    var unitAllocation: UnitAllocation = .capacityShare

    @Option(name: .customLong("unit-share"), help: "A fixed unit share, as KEY:UNIT=SHARE (repeatable).")
    var unitShare: [String] = []

    @Option(help: "Round to lots (lot_multiple, else whole units), whole units, or none.")
    var rounding: QuantityRounding = .lots

    @Option(name: .customLong("capacity-model"), help: "For --method capacity: automatic, products or families.")
    var capacityModel: CapacityModel = .automatic

    @Option(name: .customLong("refinement-rounds"), help: "Capacity-aware, families first: times each family's products are split again in what the others finally take (each round about as long as the first).")
    var refinementRounds = 0

    @Option(name: .customLong("scenario"), help: "Decompose a what-if: an overlay (.json, .yaml or .yml) of the scenario, which may also pick the method.")
    var overlay: String?

    @Option(help: "Write the decomposition's files into this folder (created if missing).")
    var out: String?

    @Option(help: "Standard output format: table (a summary), csv (the product lines) or json (everything).")
    var format: OutputFormat = .table

    @OptionGroup var timeLimit: TimeLimitOption

    func validate() throws {
        guard finest != .year else { throw ValidationError("--to must be quarter, month or week") }
        guard refinementRounds >= 0 else { throw ValidationError("--refinement-rounds must be 0 or more, not \(refinementRounds)") }
        _ = try methods()
        _ = try shares()
    }

    private func methods() throws -> [String: SplitMethod] {
        var result: [String: SplitMethod] = [:]
        for item in methodFor {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let method = SplitMethod(rawValue: parts[1]) else {
                throw ValidationError("--method-for '\(item)': expected KEY=METHOD, METHOD one of \(SplitMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result[parts[0]] = method
        }
        return result
    }

    private func shares() throws -> [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for item in unitShare {
            let sides = item.split(separator: "=", maxSplits: 1).map(String.init)
            let key = sides.first?.split(separator: ":", maxSplits: 1).map(String.init) ?? []
            guard sides.count == 2, key.count == 2, let share = Double(sides[1]), share.isFinite, share >= 0 else {
                throw ValidationError("--unit-share '\(item)': expected KEY:UNIT=SHARE with a share ≥ 0, such as PUMP:PLANT-A=0.6")
            }
            result[key[0], default: [:]][key[1]] = share
        }
        return result
    }

    func run() throws {
        let deadline = timeLimit.deadline()
        var scenario = try CommandInput.scenario(at: self.scenario.path)
        var whatIf: ScenarioOverlay?
        if let overlay {
            whatIf = try CommandInput.overlays([overlay], base: scenario).first
            scenario = whatIf!.applied(to: scenario)
        }
        var entries: [AnnualPlanEntry] = []
        if let annualPlan {
            do {
                entries = try AnnualPlanFile.read(annualPlan, for: scenario)
            } catch {
                throw InvalidInput(message: DiagnosticText.lines(error.diagnostics, terminal: .standardError))
            }
        }
        var options = DecompositionOptions(
            to: finest, method: method, methods: try methods(), unitAllocation: unitAllocation, unitShares: try shares(),
            rounding: rounding, capacityModel: capacityModel)
        options.refinementRounds = refinementRounds
        options.deadline = deadline
        if let change = whatIf?.decomposition { options = change.applied(to: options) }
        let plan: DecomposedPlan
        do {
            plan = try PlanDecomposer(scenario, annualPlan: entries).decompose(options)
        } catch {
            throw InvalidInput(message: "error: \(error.description)\n")
        }
        if let out {
            var files = [
                ("annual.csv", plan.annualCSV()), ("products.csv", plan.linesCSV()), ("families.csv", plan.linesCSV(families: true)),
                ("capacity.csv", plan.capacityCSV()), ("subcontracting.csv", plan.subcontractingCSV()),
            ]
            for load in plan.loads { files.append(("load-\(load.level.rawValue).csv", load.table.csv())) }
            files.append(("decomposition.json", try plan.json()))
            try CommandOutput.writeFolder(out, files: files)
        }
        switch format {
        case .table: try CommandOutput.emit(plan.text(color: Terminal.standardOutput.usesColor), to: nil)
        case .csv: try CommandOutput.emit(plan.linesCSV(), to: nil)
        case .json: try CommandOutput.emit(try plan.json(), to: nil)
        }
    }
}

extension PlanLevel: ExpressibleByArgument {
    /// The year is where a decomposition starts, never its finest level: not offered.
    public static var allValueStrings: [String] { allCases.filter { $0 != .year }.map(\.rawValue) }
}
extension SplitMethod: ExpressibleByArgument {}
extension UnitAllocation: ExpressibleByArgument {}
extension QuantityRounding: ExpressibleByArgument {}
extension CapacityModel: ExpressibleByArgument {}
