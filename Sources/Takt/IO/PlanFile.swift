import Foundation

/// Reads a production plan given as product × period quantities: a CSV file with the columns
/// `product`, `period` (a label such as `2027-03`, or a date in the period) and `quantity`
/// (or `production`, as `takt plan --out` writes its `plan.csv`), and optionally
/// `alternatives` (`30:ASM-2|40:TEST-2`: step 30 on ASM-2, step 40 on TEST-2); or a plan
/// folder written by `takt plan --out`, or its `plan.json`.
public enum PlanFile {
    public static func read(_ path: String, for scenario: Scenario) throws(ScenarioLoadError) -> [PlannedProduction] {
        try readWithWorkforce(path, for: scenario).lines
    }

    /// The plan's lines, and its planned workers per labor pool and period where the file
    /// holds them (a folder or `plan.json` written by `takt plan --out`; a CSV holds none).
    public static func readWithWorkforce(_ path: String, for scenario: Scenario) throws(ScenarioLoadError)
        -> (lines: [PlannedProduction], workforce: [String: [Double]])
    {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue || path.lowercased().hasSuffix(".json") {
            let plan = try PlanResultFile.read(path)
            let products = Set(scenario.products.map(\.id))
            let periods = scenario.horizon.periodCount
            guard plan.products.allSatisfy({ products.contains($0.product) && $0.periodIndex < periods }) else {
                throw ScenarioLoadError(diagnostics: [
                    Diagnostic(.error, SourceLocation(file: path), "a plan of another scenario: its products or periods are not this scenario's")
                ])
            }
            return (plan.plannedProduction, plan.plannedWorkforce)
        }
        let file = try CSVFile(path, required: ["product", "period"], describedAs: "the plan")
        guard let quantityColumn = ["quantity", "production"].first(where: file.columns.contains) else {
            throw ScenarioLoadError(diagnostics: [
                Diagnostic(.error, SourceLocation(file: file.name, row: 1, column: "quantity"), "missing: the plan needs this column (or production, as takt plan writes plan.csv)")
            ])
        }
        let log = DiagnosticLog()
        let products = Set(scenario.products.map(\.id))
        let horizon = scenario.horizon
        var lines: [PlannedProduction] = []
        for record in file.records {
            var r = FieldReader(record, log: log)
            let product = r.required("product", what: "a product id")
            let period = r.period("period", required: true)
            let quantity = r.requiredNumber(quantityColumn)
            var alternatives: [StepAssignment] = []
            for item in r.list("alternatives") {
                let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingWhitespace() }
                if parts.count == 2, let step = Int(parts[0]), !parts[1].isEmpty {
                    alternatives.append(StepAssignment(step: step, workCenter: parts[1]))
                } else {
                    log.error(record.locate("alternatives"), value: item, "expected step:work_center, such as 30:ASM-2")
                }
            }
            guard !r.failed, let period else { continue }
            if !products.contains(product) {
                log.error(record.locate("product"), value: product, "unknown product; expected an id from products.csv")
                continue
            }
            guard let index = horizon.periodIndex(containing: period.range.start),
                period.range.end <= horizon.periods[index].end
            else {
                log.error(record.locate("period"), value: period.text, "expected one \(horizon.periodLength.rawValue) of the horizon")
                continue
            }
            lines.append(PlannedProduction(product: product, period: index, quantity: quantity, alternatives: alternatives))
        }
        if log.hasErrors { throw log.failure }
        return (lines, [:])
    }
}
