/// One product in one of its production units: its annual quantity and, once split, its
/// quantity per finest period.
struct ProductUnitPlan {
    let product: Int
    let site: ProductionSites.Site
    var quantity: Double
    /// The unit's share of the product's sales, opening stock and ending target.
    var share: Double = 1
    var source: AnnualQuantity.Source
    var method: SplitMethod = .sales
    /// Per finest period, production before rounding (what the unit makes and buys).
    var continuous: [Double] = []
    /// Per finest period, after rounding: the plan's quantity, and the whole receipts bought of it.
    var finest: [Double] = []
    var bought: [Double] = []

    /// Per finest period, what the unit itself makes of the rounded plan.
    var madeInHouse: [Double] {
        finest.indices.map { max(0, finest[$0] - (bought.isEmpty ? 0 : bought[$0])) }
    }

    /// Hours per unit on each resource, with lead-time offsets: run hours with the setup spread
    /// over the lot, and labor hours.
    func load(_ product: Product) -> [(resource: Int, hours: Double, offsetDays: Int)] {
        let lot = product.setupLot
        var result: [(resource: Int, hours: Double, offsetDays: Int)] = []
        for (step, center, pool) in site.steps {
            let run = step.hoursPerUnit(setupSpreadOver: lot)
            if run > 0 { result.append((center, run, step.offsetDays)) }
            if let pool, step.laborHours > 0 { result.append((pool, step.laborHours, step.offsetDays)) }
        }
        return result
    }

    /// Setup hours per production run on each work center, with lead-time offsets, for a
    /// product whose setups load once per run (`Scenario.productsWithSetupHoursPerRun`).
    func runSetups() -> [(resource: Int, hours: Double, offsetDays: Int)] {
        site.steps.compactMap { step, center, _ in step.setupHours > 0 ? (center, step.setupHours, step.offsetDays) : nil }
    }
}
