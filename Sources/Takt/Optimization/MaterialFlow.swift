import TaktLP

/// Constrained materials in the aggregate plan, so that the plan does not promise what
/// material cannot support.
///
/// For each constrained material m that some product's bill of materials uses, and period t:
/// purchases q[m,t] ≥ 0 (none in periods that start before the material's lead time has
/// passed from the horizon's start, as subcontracted receipts), expedited purchases
/// e[m,t] ≥ 0 in those earlier periods where the material has an `expedite_cost`, stock
/// s[m,t] ≥ 0, q[m,t] + e[m,t] ≤ the supplier capacity of the period where one is given, and
///
///     s[m,t−1] + R[m,t] + q[m,t] + e[m,t] − s[m,t] = Σ_{p,τ: t = load period of τ} g[p,m] · x[p,τ]
///
/// with R the on hand (t = 0) and the open purchase orders due in t, g the line's quantity ÷
/// (1 − scrap), consumed in the period the consuming step loads (its `offset_days` before
/// the production period's last day, the parent's longest without a step). Purchases cost the
/// material's unit cost, expedited ones its expedite cost more. The balance row's shadow price is what one more unit of the material
/// in period t is worth to the plan.
///
/// A substitute σ of m (`substitutes.csv`: ratio r, extra cost k) replaces z[m,σ,t] ≥ 0 units
/// of m's use in t with r·z of σ: m's balance uses z less, σ's (where σ is constrained too)
/// r·z more, Σ_σ z[m,σ,t] ≤ m's use in t, and z costs k a unit, plus r·unit_cost[σ] where σ
/// is not constrained (bought as needed).
struct MaterialFlow {
    struct Item {
        let material: Material
        let purchases: [VariableID?]
        let expedited: [VariableID?]
        let stock: [VariableID]
        let rows: [ConstraintID]
        let receipts: [Double]
        /// Per period, what it consumes: (product, production period, per unit).
        let uses: [[(product: Int, period: Int, perUnit: Double)]]
        /// Its substitutes, each with a column per period: units of this material replaced.
        var substitutes: [Substitution] = []
    }

    /// One substitute of a constrained material.
    struct Substitution {
        let line: MaterialSubstitute
        let substitute: Material
        /// The substitute's item where it is constrained too; else it is bought as needed.
        let item: Int?
        let replaced: [VariableID]
    }

    let items: [Item]

    /// The constrained materials some product of `scenario` is made of, and the constrained
    /// substitutes of those.
    static func materials(of scenario: Scenario) -> [Material] {
        var used = Set(scenario.bom.map(\.component))
        let constrained = Set(scenario.materials.filter(\.constrained).map(\.id))
        for line in scenario.substitutes where used.contains(line.material) && constrained.contains(line.material) { used.insert(line.substitute) }
        return scenario.materials.filter { $0.constrained && used.contains($0.id) }
    }

    static func build(_ scenario: Scenario, production: [[VariableID]], into program: inout LinearProgram) -> MaterialFlow? {
        let constrained = materials(of: scenario)
        guard !constrained.isEmpty else { return nil }
        let periods = scenario.horizon.periods
        let productIndex = Dictionary(scenario.products.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let consumed = ConsumptionOffsets(scenario)
        var items: [Item] = []
        for (m, material) in constrained.enumerated() {
            let name = AggregatePlanModel.name(material.id, m)
            let (uses, receipts, capacity) = supply(of: material, scenario, productIndex: productIndex, consumed: consumed)
            let arrives = scenario.horizon.start.advanced(by: material.leadTimeDays)
            let purchases = periods.indices.map { t -> VariableID? in
                periods[t].start >= arrives
                    ? program.addVariable("purchase(\(name),\(t))", upperBound: capacity[t], objective: material.unitCost) : nil
            }
            let expedited = periods.indices.map { t -> VariableID? in
                guard periods[t].start < arrives, let premium = material.expediteCost else { return nil }
                return program.addVariable("expedite(\(name),\(t))", upperBound: capacity[t], objective: material.unitCost + premium)
            }
            let stock = periods.indices.map { t in program.addVariable("materialstock(\(name),\(t))") }
            var rows: [ConstraintID] = []
            for t in periods.indices {
                // s[t] − s[t−1] − q[t] + use = R[t]: a unit more received lowers the cost by
                // minus the row's dual, as capacity rows read.
                var terms = [Term(stock[t], 1)]
                if t > 0 { terms.append(Term(stock[t - 1], -1)) }
                if let q = purchases[t] { terms.append(Term(q, -1)) }
                if let q = expedited[t] { terms.append(Term(q, -1)) }
                for use in uses[t] { terms.append(Term(production[use.product][use.period], use.perUnit)) }
                rows.append(program.addConstraint("material(\(name),\(t))", AggregatePlanModel.merged(terms), .equal(receipts[t])))
            }
            items.append(Item(material: material, purchases: purchases, expedited: expedited, stock: stock, rows: rows, receipts: receipts, uses: uses))
        }
        addSubstitutes(scenario, &items, production: production, into: &program)
        return MaterialFlow(items: items)
    }

    /// What a constrained material's flow is made of: per period the production that uses it
    /// (its consuming step's load period), the receipts (on hand, open purchase orders) and
    /// the supplier's capacity (infinite where none is given).
    private static func supply(of material: Material, _ scenario: Scenario, productIndex: [String: Int], consumed: ConsumptionOffsets)
        -> (uses: [[(product: Int, period: Int, perUnit: Double)]], receipts: [Double], capacity: [Double])
    {
        let periods = scenario.horizon.periods
        var uses = [[(product: Int, period: Int, perUnit: Double)]](repeating: [], count: periods.count)
        for line in scenario.bom where line.component == material.id {
            guard let p = productIndex[line.parent] else { continue }
            let offset = consumed(line)
            for (tau, period) in periods.enumerated() where line.isInForce(on: period.end.advanced(by: -1)) {
                uses[periods.loadPeriod(tau, offsetDays: offset)].append((p, tau, line.gross))
            }
        }
        var receipts = [Double](repeating: 0, count: periods.count)
        receipts[0] = material.onHand
        for order in scenario.purchaseOrders where order.material == material.id {
            guard let t = scenario.horizon.periodIndex(containing: max(order.due, scenario.horizon.start)) else { continue }
            receipts[t] += order.quantity
        }
        return (uses, receipts, scenario.supplierCapacity(of: material.id))
    }

    /// What a plan made without the material flow (families first) buys of each constrained
    /// material, or the first material and period where it uses more than can be had by then
    /// (on hand, open purchase orders, purchases up to the supplier's capacity once the lead
    /// time has passed, or before at the expedite cost where there is one). Substitutes are
    /// not counted.
    ///
    /// With U and A a material's cumulative use and receipts to period t, the cumulative
    /// purchases P are the least that cover the use and can still be bought in time:
    /// P[t] = max(0, U[t] − A[t], P[t+1] − cap[t+1]), so each purchase comes as late as it can.
    static func purchases(for plan: ProductionPlanResult, _ scenario: Scenario) -> (rows: [MaterialPeriodPlan], shortage: (material: String, period: Int)?) {
        let constrained = materials(of: scenario)
        guard !constrained.isEmpty else { return ([], nil) }
        let periods = scenario.horizon.periods
        let productIndex = Dictionary(scenario.products.enumerated().map { ($1.id, $0) }) { first, _ in first }
        var made = [[Double]](repeating: [Double](repeating: 0, count: periods.count), count: scenario.products.count)
        for row in plan.products where row.periodIndex < periods.count {
            if let p = productIndex[row.product] { made[p][row.periodIndex] += row.production }
        }
        let consumed = ConsumptionOffsets(scenario)
        var rows: [MaterialPeriodPlan] = []
        for material in constrained {
            let (uses, receipts, supplier) = supply(of: material, scenario, productIndex: productIndex, consumed: consumed)
            let arrives = scenario.horizon.start.advanced(by: material.leadTimeDays)
            let capacity = periods.indices.map { t in periods[t].start >= arrives || material.expediteCost != nil ? supplier[t] : 0 }
            let use = uses.map { $0.reduce(0) { $0 + $1.perUnit * made[$1.product][$1.period] } }
            var need = [Double](repeating: 0, count: periods.count)
            var available = 0.0, used = 0.0, received = 0.0
            for t in periods.indices {
                available += receipts[t] + capacity[t]
                used += use[t]
                received += receipts[t]
                if used > available + 1e-6 * max(1, used) { return (rows, (material.id, t)) }
                need[t] = used - received
            }
            var bought = [Double](repeating: 0, count: periods.count)
            for t in periods.indices.reversed() {
                bought[t] = max(0, need[t], t + 1 < periods.count ? bought[t + 1] - capacity[t + 1] : 0)
            }
            var stock = 0.0
            for t in periods.indices {
                let q = max(0, bought[t] - (t > 0 ? bought[t - 1] : 0))
                let expedited = periods[t].start < arrives ? q : 0
                stock += receipts[t] + q - use[t]
                rows.append(MaterialPeriodPlan(
                    material: material.id, period: periods[t].label, periodIndex: t, receipts: receipts[t], purchased: q, expedited: expedited,
                    consumed: use[t], endingStock: max(0, stock), cost: q * material.unitCost + expedited * (material.expediteCost ?? 0), unitValue: nil))
            }
        }
        return (rows, nil)
    }

    private static func addSubstitutes(_ scenario: Scenario, _ items: inout [Item], production: [[VariableID]], into program: inout LinearProgram) {
        guard !scenario.substitutes.isEmpty else { return }
        let itemIndex = Dictionary(items.enumerated().map { ($1.material.id, $0) }) { first, _ in first }
        let materials = Dictionary(scenario.materials.map { ($0.id, $0) }) { first, _ in first }
        for m in items.indices {
            let lines = scenario.substitutes.filter { $0.material == items[m].material.id && $0.substitute != $0.material }
            guard !lines.isEmpty else { continue }
            let name = AggregatePlanModel.name(items[m].material.id, m)
            for (k, line) in lines.enumerated() {
                guard let substitute = materials[line.substitute] else { continue }
                let other = itemIndex[line.substitute]
                let price = line.extraCost + (other == nil ? line.ratio * substitute.unitCost : 0)
                let replaced = items[m].rows.indices.map { t in program.addVariable("substitute(\(name),\(k),\(t))", objective: price) }
                for t in replaced.indices {
                    program.constraints[items[m].rows[t].index].terms.append(Term(replaced[t], -1))
                    if let other { program.constraints[items[other].rows[t].index].terms.append(Term(replaced[t], line.ratio)) }
                }
                items[m].substitutes.append(Substitution(line: line, substitute: substitute, item: other, replaced: replaced))
            }
            // No more replaced than used.
            for t in items[m].rows.indices {
                let use = items[m].uses[t].map { Term(production[$0.product][$0.period], -$0.perUnit) }
                program.addConstraint("substituted(\(name),\(t))", AggregatePlanModel.merged(items[m].substitutes.map { Term($0.replaced[t], 1) } + use), .lessOrEqual(0))
            }
        }
    }
}

/// Units of a constrained material replaced in a period by `ratio` times as many of a substitute.
public struct MaterialReplacement: Hashable, Sendable, Codable {
    public var substitute: String
    public var ratio: Double
    public var quantity: Double
}

/// One constrained material in one period of the plan.
public struct MaterialPeriodPlan: Hashable, Sendable, Codable {
    public var material: String
    public var period: String
    public var periodIndex: Int
    /// On hand (the first period) and open purchase orders due in the period.
    public var receipts: Double
    /// Bought, within the lead time (expedited) included.
    public var purchased: Double
    /// Of ``purchased``, what was bought inside the lead time at the expedite cost.
    public var expedited: Double
    /// What production uses of it, less what substitutes replaced, plus what it replaced as
    /// a substitute of another material.
    public var consumed: Double
    /// Units of this material's use replaced by substitutes; `nil` where it has none.
    public var substituted: Double? = nil
    /// Of ``substituted``, by substitute: `nil` where nothing was replaced.
    public var replacements: [MaterialReplacement]? = nil
    public var endingStock: Double
    public var cost: Double
    /// What one more unit in the period would save (the balance row's shadow price; `nil`
    /// where the plan was decided by a MIP without duals).
    public var unitValue: Double?
}

extension Scenario {
    /// What `material`'s supplier can deliver in each horizon period (`supplier_capacity.csv`,
    /// by the period holding a row's first day); infinite where no row limits it.
    func supplierCapacity(of material: String) -> [Double] {
        var capacity = [Double](repeating: .infinity, count: horizon.periodCount)
        for item in supplierCapacities where item.material == material {
            if let t = horizon.periodIndex(containing: item.period.range.start) { capacity[t] = min(capacity[t], item.capacity) }
        }
        return capacity
    }
}
