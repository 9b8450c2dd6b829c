/// A scenario's product families as products of their own, for the first level of
/// hierarchical planning.
///
/// A family's demand (in one class), stock and targets are its products' sums; its costs are their averages
/// weighted by demand over the horizon; its routing puts on each work center (and labor
/// pool) the demand-weighted hours per unit of its products, at one lead-time offset per
/// resource (the hour-weighted mean of its steps', rounded to whole periods); routing
/// alternatives are left to the product plans.
/// A family plan therefore loads each resource as its products would if they were made in
/// proportion to their demand, give or take a period of lead time; how far the real mix
/// departs from that is what the second level, product by product, corrects.
struct FamilyAggregation {
    let families: [String]
    /// Product indices of each family, in scenario order.
    let members: [[Int]]
    let scenario: Scenario
    let demand: DemandProfile

    init(_ original: Scenario, demand original_demand: DemandProfile) {
        // A product that sets up per run has its setups spread, in the family plan, over
        // its mean run: its demand over the periods that have any.
        let perRun = original.productsSettingUpPerRun
        let meanRun = original.products.indices.map { p -> Double in
            let demand = (0..<original.horizon.periodCount).map { original_demand.total(product: p, period: $0) }
            let periods = demand.filter { $0 > 0 }.count
            return periods == 0 ? 0 : demand.reduce(0, +) / Double(periods)
        }
        var families: [String] = []
        var members: [[Int]] = []
        var index: [String: Int] = [:]
        for (p, product) in original.products.enumerated() {
            if let f = index[product.family] { members[f].append(p) } else {
                index[product.family] = families.count
                families.append(product.family)
                members.append([p])
            }
        }
        self.families = families
        self.members = members

        let periods = original.horizon.periodCount
        let unitCosts = ProductCosts(original)
        let periodDays = original.horizon.meanPeriodDays
        let classes = DemandClass.allCases.count
        let totals = original.products.indices.map { p in
            (0..<periods).reduce(0) { $0 + original_demand.total(product: p, period: $1) }
        }
        let stepsByProduct = Dictionary(grouping: original.routings, by: \.product)
        var products: [Product] = []
        var routings: [RoutingStep] = []
        var quantity: [[[Double]]] = []
        var frozen: [[Double]] = []
        let familyID = families.map { "family:" + $0 }
        for (f, group) in members.enumerated() {
            let sum = group.reduce(0) { $0 + totals[$1] }
            let weight = group.map { sum > 0 ? totals[$0] / sum : 1 / Double(group.count) }
            func average(_ value: (Product) -> Double) -> Double {
                zip(group, weight).reduce(0) { $0 + $1.1 * value(original.products[$1.0]) }
            }
            func total(_ value: (Product) -> Double) -> Double { group.reduce(0) { $0 + value(original.products[$1]) } }
            let items = group.map { original.products[$0] }
            products.append(Product(
                id: familyID[f], name: families[f], family: families[f], initialInventory: total(\.initialInventory),
                safetyStock: total(\.safetyStock),
                maxInventory: items.allSatisfy { $0.maxInventory != nil } ? total { $0.maxInventory! } : nil,
                targetEndingInventory: total(\.targetEndingInventory), holdingCost: average(\.holdingCost),
                backlogCost: average(\.backlogCost),
                lostSaleCost: items.allSatisfy { ($0.lostSaleCost ?? $0.unitRevenue) != nil } ? average { $0.lostSaleCost ?? $0.unitRevenue! } : nil,
                unitRevenue: items.allSatisfy { $0.unitRevenue != nil } ? average { $0.unitRevenue! } : nil,
                unitCost: average(unitCosts.meanTotal)))

            // Demand-weighted hours per unit, merged per work center (or labor pool) and lead-time
            // offset in whole periods. Alternatives are left to the product plans.
            var merged: [String: RoutingStep] = [:]
            var order: [String] = []
            func add(_ key: String, _ make: () -> RoutingStep, _ grow: (inout RoutingStep) -> Void) {
                if merged[key] == nil {
                    order.append(key)
                    merged[key] = make()
                } else {
                    grow(&merged[key]!)
                }
            }
            // One lead-time offset per resource: the hour-weighted mean of its steps' offsets, in
            // whole periods. With one per step, a family's column touched each resource in up
            // to three periods, and GLPK took nearly twice as long (12.6 s against 7.0 s for
            // 200 products in 20 families, plan cost within 0.03%).
            var offsetSum: [String: (Double, Double)] = [:]
            do {
                for (p, w) in zip(group, weight) {
                    for step in stepsByProduct[original.products[p].id] ?? [] {
                        let h = w * step.runHours
                        offsetSum["w" + step.workCenter, default: (0, 0)].0 += h * Double(step.offsetDays)
                        offsetSum["w" + step.workCenter, default: (0, 0)].1 += h
                        if let pool = step.laborPool {
                            offsetSum["l" + pool, default: (0, 0)].0 += w * step.laborHours * Double(step.offsetDays)
                            offsetSum["l" + pool, default: (0, 0)].1 += w * step.laborHours
                        }
                    }
                }
            }
            for (p, w) in zip(group, weight) {
                let product = original.products[p]
                let lot = product.setupLot > 0 || !perRun.contains(product.id) ? product.setupLot : meanRun[p]
                for step in stepsByProduct[product.id] ?? [] {
                    func meanOffset(_ key: String) -> Int {
                        var days = Double(step.offsetDays)
                        if let (sum, weight) = offsetSum[key], weight > 0 { days = sum / weight }
                        return Int((days / periodDays).rounded()) * Int(periodDays.rounded())
                    }
                    let offset = meanOffset("w" + step.workCenter)
                    let run = w * step.hoursPerUnit(setupSpreadOver: lot)
                    if run > 0 {
                        add("w\u{1}\(step.workCenter)\u{1}\(offset)", {
                            RoutingStep(product: familyID[f], step: 0, workCenter: step.workCenter, runHours: run, offsetDays: offset)
                        }, { $0.runHours += run })
                    }
                    if let pool = step.laborPool, step.laborHours > 0 {
                        let labor = w * step.laborHours
                        let offset = meanOffset("l" + pool)
                        add("l\u{1}\(pool)\u{1}\(offset)", {
                            RoutingStep(product: familyID[f], step: 0, workCenter: step.workCenter, runHours: 0, laborPool: pool, laborHours: labor, offsetDays: offset)
                        }, { $0.laborHours += labor })
                    }
                }
            }
            for (i, key) in order.enumerated() { merged[key]!.step = 10 * (i + 1) }
            routings += order.map { merged[$0]! }

            // One class per family: the family plan shares out capacity; which orders come first
            // is the product plans' business. A third of the columns goes with the classes.
            quantity.append((0..<periods).map { t in
                let total = group.reduce(0) { $0 + original_demand.total(product: $1, period: t) }
                return (0..<classes).map { $0 == DemandClass.standard.rawValue ? total : 0 }
            })
            frozen.append((0..<periods).map { t in group.reduce(0) { $0 + original_demand.frozen[$1][t] } })
        }
        let familyOf = Dictionary(uniqueKeysWithValues: original.products.map { ($0.id, familyID[index[$0.family]!]) })
        var aggregated = original
        aggregated.products = products
        aggregated.routings = routings
        aggregated.subcontractors = original.subcontractors.map { offer in
            var copy = offer
            copy.product = familyOf[offer.product] ?? offer.product
            return copy
        }
        // Demand comes from the profile; orders and the sales plan stay with the products.
        aggregated.orders = []
        aggregated.salesPlan = []
        self.scenario = aggregated
        self.demand = DemandProfile(quantity: quantity, frozen: frozen)
    }
}
