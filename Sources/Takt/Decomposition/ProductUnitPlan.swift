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
    /// Per finest period: production before rounding, and the part bought from subcontractors.
    var continuous: [Double] = []
    var subcontracted: [Double] = []
    /// Per finest period, after rounding.
    var finest: [Double] = []

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
}
