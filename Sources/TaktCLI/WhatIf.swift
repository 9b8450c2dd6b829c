import ArgumentParser
import Foundation
import Takt

/// `takt whatif PATH --scenario A.json --scenario B.json`: plans side by side.
struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Plan a base scenario and what-if overlays of it, in parallel, and compare them side by side.",
        discussion: """
            Each --scenario is an overlay of changes to the base, in JSON or YAML: demand \
            scaled, orders added, removed or changed, machines down, work centers, labor pools \
            and product costs changed, subcontractors withdrawn (see WhatIf.md in the \
            documentation). Prints each measure for the base and every what-if, with the \
            difference from the base, and the orders that complete in another period. With \
            --out, writes comparison.csv, comparison.json and each scenario's plan.csv, \
            orders.csv and plan.json (which takt diff reads).
            """
    )

    @OptionGroup var scenario: ScenarioArgument

    @Option(name: .customLong("scenario"), help: "A what-if overlay (.json, .yaml or .yml); repeat for more.")
    var overlays: [String] = []

    @Option(help: "Standard output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Write the comparison and every plan into this folder.")
    var out: String?

    @OptionGroup var planning: MethodOption

    @OptionGroup var timeLimit: TimeLimitOption

    @Flag(name: .customLong("warm-start"), help: "Plan each what-if from the optimal basis of the plan nearest it in total demand (the base or another what-if): the same plans; faster where the relaxed solve, not the rounding to whole quantities, takes the time (--quantities relaxed).")
    var warmStart = false

    func validate() throws {
        if overlays.isEmpty { throw ValidationError("give at least one --scenario overlay to compare with the base") }
    }

    func run() throws {
        let deadline = timeLimit.deadline()
        let base = try CommandInput.scenario(at: self.scenario.path)
        let loaded = try CommandInput.overlays(overlays, base: base)
        let line = ProgressLine.standardError
        var options = PlanOptions(method: planning.method, quantities: planning.quantities, deadline: deadline)
        // "planned 3 of 33 scenarios · solving 1819 columns × 1108 rows": the count, and the
        // phase a plan (any of those under way) has just begun.
        let counter = ScenarioCounter(total: loaded.count + 1)
        if let line { options.progress = { @Sendable phase in line.show(counter.text(phase: phase)) } }
        let analysis = WhatIfAnalysis(base: base, overlays: loaded, options: options, warmStart: warmStart)
        let run: (outcomes: [WhatIfOutcome], comparison: WhatIfComparison)
        do {
            run = try analysis.run { done, _ in line?.show(counter.text(done: done)) }
        } catch {
            line?.clear()
            throw InvalidInput(message: "error: \(error)\n")
        }
        line?.clear()
        if let out {
            var files = [("comparison.csv", run.comparison.csv()), ("comparison.json", try run.comparison.json())]
            for (i, outcome) in run.outcomes.enumerated() {
                let prefix = i == 0 ? "base" : "scenario-\(i)"
                files += [
                    ("\(prefix)-plan.csv", outcome.plan.productsCSV()), ("\(prefix)-orders.csv", outcome.plan.ordersCSV()),
                    ("\(prefix)-plan.json", try outcome.plan.json()),
                ]
            }
            try CommandOutput.writeFolder(out, files: files)
        }
        switch format {
        case .table: try CommandOutput.emit(run.comparison.text(color: Terminal.standardOutput.usesColor), to: nil)
        case .csv: try CommandOutput.emit(run.comparison.csv(), to: nil)
        case .json: try CommandOutput.emit(try run.comparison.json(), to: nil)
        }
    }
}

/// How many scenarios are planned, and the latest phase, for the progress line.
private final class ScenarioCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private var phase = ""

    init(total: Int) { self.total = total }

    func text(done: Int? = nil, phase: String? = nil) -> String {
        lock.withLock {
            if let done { self.done = max(self.done, done) }
            if let phase { self.phase = phase }
            return "planned \(self.done) of \(total) scenarios" + (self.phase.isEmpty ? "" : " · \(self.phase)")
        }
    }
}
