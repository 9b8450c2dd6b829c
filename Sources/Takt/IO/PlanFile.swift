import Foundation

/// Reads a production plan given as product × period quantities: a CSV file with the columns
/// `product`, `period` (a label such as `2027-03`, or a date in the period) and `quantity`,
/// and optionally `alternatives` (`30:ASM-2|40:TEST-2`: step 30 on ASM-2, step 40 on TEST-2).
public enum PlanFile {
    public static func read(_ path: String, for scenario: Scenario) throws(ScenarioLoadError) -> [PlannedProduction] {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let log = DiagnosticLog()
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: path), "cannot be read; expected a plan CSV file")])
        }
        let text: String
        switch TextDecoding.decode([UInt8](data)) {
        case .success(let (decoded, _)): text = decoded
        case .failure:
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: name), "not UTF-8 or GB18030 text")])
        }
        let rows: [CSVParser.Row]
        switch CSVParser.parse(text) {
        case .success(let parsed): rows = parsed
        case .failure(.unterminatedQuote(let line)):
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: name, row: line), "a quoted field is never closed")])
        }
        guard let header = rows.first else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: name), "empty: expected product,period,quantity")])
        }
        let columns = header.fields.map { $0.trimmingWhitespace().lowercased() }
        for required in ["product", "period", "quantity"] where !columns.contains(required) {
            log.error(SourceLocation(file: name, row: header.line, column: required), "missing: the plan needs this column")
        }
        if log.hasErrors { throw log.failure }

        let products = Set(scenario.products.map(\.id))
        let horizon = scenario.horizon
        var lines: [PlannedProduction] = []
        for row in rows.dropFirst() {
            let record = Record(
                location: SourceLocation(file: name, row: row.line),
                values: Dictionary(zip(columns, row.fields)) { first, _ in first })
            if record.isBlank { continue }
            var r = FieldReader(record, log: log)
            let product = r.required("product", what: "a product id")
            let period = r.period("period", required: true)
            let quantity = r.requiredNumber("quantity")
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
        return lines
    }
}
