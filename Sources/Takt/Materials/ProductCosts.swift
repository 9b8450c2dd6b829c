/// What making one unit of each product costs in each period, and of what: the plan's
/// production cost, rolled up through the bill of materials when the policy says
/// `material_cost: bom`.
///
/// With `material_cost: unit_cost` (the default) a unit costs the product's `unit_cost`,
/// materials included. With `bom`, `unit_cost` is what making a unit costs beyond its
/// materials (its conversion cost), and for the lines in force in period t (their effective
/// dates around the period's last day, as the material flow takes them), with g a line's
/// quantity ÷ (1 − scrap):
///
///     c[p,t]    = conv[p,t] + Σ_m n[p,m,t] · price[m]
///     conv[p,t] = u[p] + Σ_{lines p→q, q a product} g · conv[q,t]
///     n[p,m,t]  = Σ_{lines p→m} g  (left out where the model buys m itself: a constrained
///                                   material of the one model, see `MaterialFlow`)
///               + Σ_{lines p→q, q a product} g · n*[q,m,t]
///
/// where n* counts every material of the sub-assembly q, bought by the model or not: the
/// aggregate plan does not make sub-assemblies for their parents, so their materials are
/// priced here. A cycle (refused when a scenario is read) contributes nothing.
public struct ProductCosts: Sendable {
    /// A material priced in a product's cost: its index in the scenario's materials, and
    /// how much of it a unit needs (scrap included, through the sub-assemblies).
    public struct Need: Hashable, Sendable {
        public var material: Int
        public var quantity: Double
    }

    /// One unit of a product in one period.
    public struct Unit: Hashable, Sendable {
        /// `unit_cost`, and the sub-assemblies' conversion, with `bom`; 0 with `unit_cost`.
        public var conversion: Double
        /// The materials priced here, by material index.
        public var materials: [Need]
        /// The whole cost of the unit: `unit_cost` alone with `material_cost: unit_cost`.
        public var total: Double
    }

    public let source: Policy.MaterialCost
    /// Per product id, per period.
    private let units: [String: [Unit]]
    private let periodCount: Int

    /// The costs of `scenario`'s products; `bought` are the materials the model itself buys
    /// (left out of the products' costs).
    public init(_ scenario: Scenario, bought: Set<String> = []) {
        source = scenario.policy.materialCost
        periodCount = scenario.horizon.periodCount
        guard source == .bom, !scenario.bom.isEmpty else {
            var units: [String: [Unit]] = [:]
            for product in scenario.products {
                units[product.id] = [Unit](repeating: Unit(conversion: 0, materials: [], total: product.unitCost), count: periodCount)
            }
            self.units = units
            return
        }
        let products = Dictionary(scenario.products.map { ($0.id, $0) }) { first, _ in first }
        let materialIndex = Dictionary(scenario.materials.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let lines = Dictionary(grouping: scenario.bom, by: \.parent)
        let periods = scenario.horizon.periods
        var units: [String: [Unit]] = [:]
        for (t, period) in periods.enumerated() {
            let completes = period.end.advanced(by: -1)
            /// A product's conversion and every material it needs per unit, through its sub-assemblies.
            var rolled: [String: (conversion: Double, materials: [Int: Double])] = [:]
            var visiting: Set<String> = []
            func rollUp(_ id: String) -> (conversion: Double, materials: [Int: Double]) {
                if let done = rolled[id] { return done }
                guard let product = products[id], visiting.insert(id).inserted else { return (0, [:]) }
                var conversion = product.unitCost
                var materials: [Int: Double] = [:]
                for line in lines[id] ?? [] where line.isInForce(on: completes) {
                    if let m = materialIndex[line.component] {
                        materials[m, default: 0] += line.gross
                    } else if products[line.component] != nil {
                        let part = rollUp(line.component)
                        conversion += line.gross * part.conversion
                        for (m, quantity) in part.materials { materials[m, default: 0] += line.gross * quantity }
                    }
                }
                visiting.remove(id)
                rolled[id] = (conversion, materials)
                return (conversion, materials)
            }
            for product in scenario.products {
                let part = rollUp(product.id)
                var needs = part.materials
                // What the model buys itself is priced there, for the product's own lines only.
                for line in lines[product.id] ?? [] where bought.contains(line.component) && line.isInForce(on: completes) {
                    if let m = materialIndex[line.component] { needs[m, default: 0] -= line.gross }
                }
                let materials = needs.filter { $0.value > 1e-12 }.sorted { $0.key < $1.key }.map { Need(material: $0.key, quantity: $0.value) }
                let total = part.conversion + materials.reduce(0) { $0 + $1.quantity * scenario.materials[$1.material].unitCost }
                units[product.id, default: []].append(Unit(conversion: part.conversion, materials: materials, total: total))
            }
        }
        self.units = units
    }

    /// One unit of `product` made in period `t`; `unit_cost` alone for a product it does not know.
    public func unit(_ product: Product, period t: Int) -> Unit {
        guard let perPeriod = units[product.id], perPeriod.indices.contains(t) else {
            return Unit(conversion: 0, materials: [], total: product.unitCost)
        }
        return perPeriod[t]
    }

    /// The mean cost of a unit of `product` over the periods.
    public func meanTotal(_ product: Product) -> Double {
        guard let perPeriod = units[product.id], !perPeriod.isEmpty else { return product.unitCost }
        return perPeriod.reduce(0) { $0 + $1.total } / Double(perPeriod.count)
    }

    /// The highest cost of a unit of `product` in any period.
    public func highestTotal(_ product: Product) -> Double {
        units[product.id]?.map(\.total).max() ?? product.unitCost
    }
}

extension BOMLine {
    /// Whether the line applies to production completing on `day`.
    func isInForce(on day: Day) -> Bool {
        if let from = effectiveFrom, day < from { return false }
        if let to = effectiveTo, day > to { return false }
        return true
    }
}
