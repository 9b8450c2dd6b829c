/// The lines of a decomposed plan at every level, for products and their families, and each
/// level's capacity-load table.
struct DecompositionLines {
    let products: [DecompositionLine]
    let families: [DecompositionLine]
    private let scenario: Scenario
    private let year: PlanYear
    private let plans: [ProductUnitPlan]

    init(scenario: Scenario, year: PlanYear, plans: [ProductUnitPlan]) {
        self.scenario = scenario
        self.year = year
        self.plans = plans
        let calendar = year.calendar
        let splitter = TopDownSplit(calendar: calendar)
        var products: [DecompositionLine] = []
        var families: [DecompositionLine] = []
        for (k, level) in calendar.levels.enumerated() {
            let periods = calendar.periods[k]
            var familyIndex: [String: Int] = [:]
            var familyLines: [[DecompositionLine]] = []
            for plan in plans where plan.quantity > 0 || plan.share > 0 {
                let product = scenario.products[plan.product]
                let sales = splitter.sums(year.sales[plan.product].map { $0 * plan.share }, at: k)
                let made = splitter.sums(plan.finest, at: k)
                var position = product.initialInventory * plan.share
                var lines: [DecompositionLine] = []
                for (t, period) in periods.enumerated() {
                    let opening = position
                    position += made[t] - sales[t]
                    lines.append(DecompositionLine(
                        level: level, period: period.label, periodStart: period.start,
                        parentPeriod: k == 0 ? "" : calendar.periods[k - 1][calendar.parent[k][t]].label, family: product.family,
                        product: product.id, unit: plan.site.unit, sales: sales[t], production: made[t], openingPosition: opening,
                        endingInventory: max(0, position), endingBacklog: max(0, -position)))
                }
                products += lines
                let key = product.family + "\u{1}" + plan.site.unit
                if let f = familyIndex[key] {
                    for t in lines.indices {
                        familyLines[f][t].sales += lines[t].sales
                        familyLines[f][t].production += lines[t].production
                        familyLines[f][t].openingPosition += lines[t].openingPosition
                        familyLines[f][t].endingInventory += lines[t].endingInventory
                        familyLines[f][t].endingBacklog += lines[t].endingBacklog
                    }
                } else {
                    familyIndex[key] = familyLines.count
                    familyLines.append(lines.map { line in
                        var copy = line
                        copy.product = nil
                        return copy
                    })
                }
            }
            families += familyLines.flatMap { $0 }
        }
        self.products = products
        self.families = families
    }

    /// Each level's capacity-load table of the rounded plan, from the load analysis: every
    /// finest quantity the unit makes itself (less what it buys) completed on its period's
    /// last day.
    func loadTables() throws(DecompositionError) -> [LevelLoad] {
        let periods = year.periods
        var completions: [PlannedCompletion] = []
        for plan in plans {
            let id = scenario.products[plan.product].id
            let made = plan.madeInHouse
            for t in periods.indices where made[t] > 0 {
                completions.append(PlannedCompletion(
                    product: id, day: periods[t].end.advanced(by: -1), quantity: made[t], alternatives: plan.site.alternatives))
            }
        }
        var result: [LevelLoad] = []
        for (k, level) in year.calendar.levels.enumerated() {
            var analysis = CapacityLoadAnalysis(year.scenario, source: .completions(completions))
            analysis.customPeriods = year.calendar.periods[k]
            do {
                result.append(LevelLoad(level: level, table: try analysis.table()))
            } catch {
                throw .loadTable(error.description)
            }
        }
        return result
    }
}
