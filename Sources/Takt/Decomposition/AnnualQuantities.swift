import TaktLP

/// The annual quantity of every product in every unit: as given in the annual plan (for the
/// product, or for its family and shared by need), or derived from the sales plan; then
/// shared among the units that can make it.
struct AnnualQuantities {
    let scenario: Scenario
    let year: PlanYear
    let sites: ProductionSites
    let options: DecompositionOptions
    let solver: any Solver

    /// The step quantities are rounded to: the lot multiple, 1 for whole units, 0 for none.
    func step(_ product: Product) -> Double { options.rounding.step(for: product) }

    /// Sales + target ending inventory − opening inventory, never negative, rounded up to the
    /// step and to the minimum lot.
    func need(_ p: Int) -> Double {
        let product = scenario.products[p]
        let raw = max(0, year.sales[p].reduce(0, +) + product.targetEndingInventory - product.initialInventory)
        let step = step(product)
        guard step > 0, raw > 0 else { return raw }
        var quantity = (raw / step - 1e-9).rounded(.up) * step
        if product.lotMin > quantity { quantity = (product.lotMin / step - 1e-9).rounded(.up) * step }
        return quantity
    }

    func resolve(_ entries: [AnnualPlanEntry]) throws(DecompositionError) -> [ProductUnitPlan] {
        let products = scenario.products
        let productIndex = Dictionary(uniqueKeysWithValues: products.enumerated().map { ($1.id, $0) })
        var membersOf: [String: [Int]] = [:]
        for (p, product) in products.enumerated() { membersOf[product.family, default: []].append(p) }
        let needs = products.indices.map(need)
        // Shares name a product or family and known units, whether or not they come into play.
        let units = scenario.units.map(\.id)
        for (key, shares) in options.unitShares.sorted(by: { $0.key < $1.key }) {
            guard productIndex[key] != nil || membersOf[key] != nil else { throw .unknownItem(key) }
            for (unit, share) in shares.sorted(by: { $0.key < $1.key }) {
                guard units.contains(unit) else { throw .unknownUnit(item: key, unit: unit, known: units) }
                guard share.isFinite, share >= 0 else { throw .invalidShare(key: key, unit: unit, share: share) }
            }
        }

        var pieces = [[(unit: String?, quantity: Double, source: AnnualQuantity.Source)]](repeating: [], count: products.count)
        var seen: Set<String> = []
        var byProduct: Set<Int> = []
        for entry in entries {
            guard entry.quantity.isFinite, entry.quantity >= 0 else { throw .invalidQuantity(item: entry.item, quantity: entry.quantity) }
            guard seen.insert(entry.item + "\u{1}" + (entry.unit ?? "")).inserted else { throw .duplicateEntry(item: entry.item, unit: entry.unit) }
            if let p = productIndex[entry.item] {
                if let unit = entry.unit, !sites.sites[p].contains(where: { $0.unit == unit }) {
                    throw .unknownUnit(item: entry.item, unit: unit, known: sites.sites[p].map(\.unit))
                }
                pieces[p].append((entry.unit, entry.quantity, .given))
                byProduct.insert(p)
            } else if let members = membersOf[entry.item] {
                let candidates = members.filter { p in entry.unit.map { unit in sites.sites[p].contains { $0.unit == unit } } ?? true }
                if let unit = entry.unit, candidates.isEmpty {
                    let known = Set(members.flatMap { sites.sites[$0].map(\.unit) })
                    throw .unknownUnit(item: entry.item, unit: unit, known: scenario.units.map(\.id).filter(known.contains))
                }
                let steps = Set(candidates.map { step(products[$0]) })
                let shares = QuantitySplit.split(
                    entry.quantity, weights: candidates.map { needs[$0] }, fallback: candidates.map { year.sales[$0].reduce(0, +) },
                    step: steps.count == 1 ? steps.first! : (options.rounding == .none ? 0 : 1))
                for (p, quantity) in zip(candidates, shares) { pieces[p].append((entry.unit, quantity, .family)) }
            } else {
                throw .unknownItem(entry.item)
            }
        }
        for p in byProduct where pieces[p].contains(where: { $0.source == .family }) {
            throw .productAndFamily(product: products[p].id, family: products[p].family)
        }

        // Quantities for a unit go to it; the rest is shared among the product's sites.
        var result: [ProductUnitPlan] = []
        var pending: [(product: Int, quantity: Double, source: AnnualQuantity.Source)] = []
        var placed = [[Double]](repeating: [], count: products.count)
        for (p, product) in products.enumerated() {
            let list = pieces[p].isEmpty ? [(unit: String?.none, quantity: needs[p], source: AnnualQuantity.Source.derived)] : pieces[p]
            placed[p] = Array(repeating: 0, count: sites.sites[p].count)
            var unplaced = 0.0
            var source = list[0].source
            for piece in list {
                if let unit = piece.unit, let s = sites.sites[p].firstIndex(where: { $0.unit == unit }) {
                    placed[p][s] += piece.quantity
                } else {
                    unplaced += piece.quantity
                }
                if piece.source != .derived { source = piece.source }
            }
            if unplaced > 0 {
                if sites.sites[p].count == 1 {
                    placed[p][0] += unplaced
                } else if let shares = try fixedShares(product) {
                    let split = QuantitySplit.split(unplaced, weights: shares, step: step(product))
                    for s in split.indices { placed[p][s] += split[s] }
                } else {
                    switch options.unitAllocation {
                    case .fixed: throw .missingShares(product: product.id)
                    case .capacityShare:
                        let split = QuantitySplit.split(unplaced, weights: capacityShares(p), step: step(product))
                        for s in split.indices { placed[p][s] += split[s] }
                    case .balanced: pending.append((p, unplaced, source))
                    }
                }
            }
            for (s, site) in sites.sites[p].enumerated() {
                result.append(ProductUnitPlan(product: p, site: site, quantity: placed[p][s], source: source))
            }
        }
        if !pending.isEmpty {
            let shares = try balancedShares(pending.map { ($0.product, $0.quantity) }, placed: result)
            for ((p, quantity, _), weights) in zip(pending, shares) {
                let split = QuantitySplit.split(quantity, weights: weights, step: step(products[p]))
                for (s, site) in sites.sites[p].enumerated() {
                    if let k = result.firstIndex(where: { $0.product == p && $0.site.unit == site.unit }) { result[k].quantity += split[s] }
                }
            }
        }
        // Each unit's share of the product's sales and stock follows its share of the quantity.
        var totals = [Double](repeating: 0, count: products.count)
        for plan in result { totals[plan.product] += plan.quantity }
        var firstOfProduct = Set<Int>()
        for k in result.indices {
            let p = result[k].product
            let first = firstOfProduct.insert(p).inserted
            result[k].share = totals[p] > 0 ? result[k].quantity / totals[p] : (first ? 1 : 0)
            result[k].method = options.method(of: products[p])
        }
        return result
    }

    /// The shares given for the product or its family, over its sites; `nil` when none are given.
    private func fixedShares(_ product: Product) throws(DecompositionError) -> [Double]? {
        let key = options.unitShares[product.id] != nil ? product.id : product.family
        guard let given = options.unitShares[key] else { return nil }
        let units = sites.sites[scenario.products.firstIndex(of: product)!].map(\.unit)
        for (unit, share) in given.sorted(by: { $0.key < $1.key }) {
            guard share.isFinite, share >= 0 else { throw .invalidShare(key: key, unit: unit, share: share) }
            guard units.contains(unit) || scenario.units.contains(where: { $0.id == unit }) else {
                throw .unknownUnit(item: key, unit: unit, known: units)
            }
        }
        let shares = units.map { given[$0] ?? 0 }
        guard shares.reduce(0, +) > 0 else { throw .invalidShare(key: key, unit: units.joined(separator: "/"), share: 0) }
        return shares
    }

    /// What each site could make of the product alone in the year: its tightest work center's
    /// regular hours over the step's run hours.
    func capacityShares(_ p: Int) -> [Double] {
        sites.sites[p].map { site in
            let limits = site.steps.compactMap { step, center, _ -> Double? in
                step.runHours > 0 ? year.regular[center].reduce(0, +) / step.runHours : nil
            }
            return limits.min() ?? 1
        }
    }

    /// Unit shares that make the highest load ratio of any unit (work-center hours over
    /// regular hours in the year) as low as possible, with every other quantity in place:
    ///
    ///     min z  s.t.  Σu q[p,u] = Q[p];   F[u] + Σp h[p,u]·q[p,u] − C[u]·z ≤ 0;   q ≥ 0
    private func balancedShares(_ pending: [(Int, Double)], placed: [ProductUnitPlan]) throws(DecompositionError) -> [[Double]] {
        let units = scenario.units.map(\.id)
        let unitIndex = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, $0) })
        let centers = scenario.workCenters.count
        var capacity = [Double](repeating: 0, count: units.count)
        for (w, center) in scenario.workCenters.enumerated() { capacity[unitIndex[center.unit]!] += year.regular[w].reduce(0, +) }
        func hours(_ plan: ProductUnitPlan) -> [Double] {
            var result = [Double](repeating: 0, count: units.count)
            for entry in plan.load(scenario.products[plan.product]) where entry.resource < centers {
                result[unitIndex[scenario.workCenters[entry.resource].unit]!] += entry.hours
            }
            return result
        }
        var fixed = [Double](repeating: 0, count: units.count)
        for plan in placed where plan.quantity > 0 {
            let h = hours(plan)
            for u in units.indices { fixed[u] += h[u] * plan.quantity }
        }
        var lp = LinearProgram(name: "unit_balance")
        let z = lp.addVariable("z", objective: 1)
        var rows = [[Term]](repeating: [], count: units.count)
        var columns: [[VariableID]] = []
        for (k, (p, quantity)) in pending.enumerated() {
            let own = sites.sites[p].map { site in lp.addVariable("q(\(k),\(site.unit))") }
            columns.append(own)
            lp.addConstraint("total(\(k))", own.map { Term($0, 1) }, .equal(quantity))
            for (s, site) in sites.sites[p].enumerated() {
                let h = hours(ProductUnitPlan(product: p, site: site, quantity: 0, source: .derived))
                for u in units.indices where h[u] > 0 { rows[u].append(Term(own[s], h[u])) }
            }
        }
        for u in units.indices where capacity[u] > 0 && !rows[u].isEmpty {
            lp.addConstraint("unit(\(u))", rows[u] + [Term(z, -capacity[u])], .lessOrEqual(-fixed[u]))
        }
        let solution = try CapacitySplitModel.solve(lp, with: solver, deadline: options.deadline, presolve: true)
        return columns.map { $0.map { max(0, solution[$0]) } }
    }
}
