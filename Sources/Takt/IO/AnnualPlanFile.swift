/// Reads an approved annual plan: a CSV file with the columns `item` (a product id or a
/// family name), `quantity`, and optionally `unit` (blank: shared among the units that can
/// make it) and `year` (the plan year's label, checked when given).
public enum AnnualPlanFile {
    public static func read(_ path: String, for scenario: Scenario) throws(ScenarioLoadError) -> [AnnualPlanEntry] {
        let file = try CSVFile(path, required: ["item", "quantity"], describedAs: "the annual plan")
        let log = DiagnosticLog()
        let products = Set(scenario.products.map(\.id))
        let families = Set(scenario.products.map(\.family))
        let units = Set(scenario.units.map(\.id))
        let year = PlanCalendar(start: scenario.horizon.start, fiscalYearStartMonth: scenario.horizon.fiscalYearStartMonth, to: .year)
            .periods[0][0].label
        var seen: Set<String> = []
        var entries: [AnnualPlanEntry] = []
        for record in file.records {
            var r = FieldReader(record, log: log)
            let item = r.required("item", what: "a product id or a family")
            let quantity = r.requiredNumber("quantity")
            let unit = r.optionalText("unit")
            if let given = r.optionalText("year"), given != year {
                log.error(record.locate("year"), value: given, "expected the plan year \(year) (the twelve months from the horizon's start)")
            }
            guard !r.failed else { continue }
            if !products.contains(item) && !families.contains(item) {
                log.error(record.locate("item"), value: item, "unknown; expected a product id from products.csv or a family")
                continue
            }
            if let unit, !units.contains(unit) {
                log.error(record.locate("unit"), value: unit, "unknown production unit; expected an id from units.csv")
                continue
            }
            if !seen.insert(item + "\u{1}" + (unit ?? "")).inserted {
                log.error(record.locate("item"), value: item, "given twice\(unit.map { " for unit \($0)" } ?? ""); expected one line per item and unit")
                continue
            }
            entries.append(AnnualPlanEntry(item: item, unit: unit, quantity: quantity))
        }
        if log.hasErrors { throw log.failure }
        return entries
    }
}
