import TaktLP

/// The straightforward model of order balancing: one column per order and production
/// period. Its size grows with the orders, which is why ``AggregatePlanner`` never solves it;
/// it is here to check the compact model and to hand peer solvers the same instance
/// (`takt export --model orders`).
///
/// Variables, all ≥ 0: q[o,t] units of order o made in period t; s[o] units of it from opening
/// stock; u[o] units never delivered; overtime o[w,t], extra-shift share e[w,t] ≤ 1, labor
/// overtime v[l,t].
///
///     min  Σ (unitCost + holding·(d[o]−t) if t ≤ d[o], else backlog·weight·(t−d[o]))·q[o,t]
///        + holding·(d[o]−T)·s[o] + M·u[o] + overtime, extra-shift and labor-overtime costs
///        + Σp holding·T·opening[p]                      (opening stock held to the end)
///     s.t. Σt q[o,t] + s[o] + u[o] = open quantity of o
///          Σ{o of p} s[o] ≤ opening[p]
///          Σ run hours·q[o,t'] (load falling in t) − o[w,t] − E[w,t]·e[w,t] ≤ R[w,t]
///          Σ labor hours·q[o,t'] − v[l,t] ≤ H[l,t]
///
/// Where orders are open (not frozen), headcounts fixed and there is no sales plan beyond the
/// orders, its optimum equals the compact model's (tested on seeded scenarios).
public struct OrderPeriodModel: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    public func program() -> LinearProgram {
        let s = scenario
        var compact = AggregatePlanModel(scenario: s, demand: DemandProfile(s), hours: ResourceHours(s))
        compact.build()
        let penalty = compact.penalty
        let unitCosts = compact.costs ?? ProductCosts(s)
        let T = s.horizon.periodCount
        var lp = LinearProgram(name: "orders")
        var centerLoad = [[[Term]]](repeating: [[Term]](repeating: [], count: T), count: s.workCenters.count)
        var poolLoad = [[[Term]]](repeating: [[Term]](repeating: [], count: T), count: s.laborPools.count)
        // Opening stock held through the whole horizon costs holding × T a unit; a unit of it
        // given to an order due in period d is held d periods instead.
        let constant = s.products.reduce(0) { $0 + $1.holdingCost * Double(T) * $1.initialInventory }
        let productIndex = Dictionary(uniqueKeysWithValues: s.products.enumerated().map { ($1.id, $0) })
        var stockRows: [Int: [Term]] = [:]

        for (o, order) in s.orders.enumerated() where order.remaining > 0 {
            guard let p = productIndex[order.product] else { continue }
            let product = s.products[p]
            guard let due = s.horizon.periodIndex(containing: order.due) else { continue }
            let weight = DemandClass.of(order).backlogWeight
            var cover: [Term] = []
            for t in 0..<T {
                let cost = unitCosts.unit(product, period: t).total + (t <= due ? product.holdingCost * Double(due - t) : product.backlogCost * weight * Double(t - due))
                let q = lp.addVariable("q\(o)_\(t)", objective: cost)
                cover.append(Term(q, 1))
                for (k, step) in compact.routing[p].enumerated() {
                    let target = compact.loadPeriod[p][k][t]
                    if let w = compact.workCenterIndex[step.workCenter], step.runHours > 0 { centerLoad[w][target].append(Term(q, step.runHours)) }
                    if let pool = step.laborPool.flatMap({ compact.laborPoolIndex[$0] }), step.laborHours > 0 {
                        poolLoad[pool][target].append(Term(q, step.laborHours))
                    }
                }
            }
            let fromStock = lp.addVariable("s\(o)", objective: product.holdingCost * Double(due - T))
            cover.append(Term(fromStock, 1))
            stockRows[p, default: []].append(Term(fromStock, 1))
            let lost = lp.addVariable("u\(o)", objective: penalty)
            cover.append(Term(lost, 1))
            lp.addConstraint("cover\(o)", cover, .equal(order.remaining))
        }
        for (p, terms) in stockRows.sorted(by: { $0.key < $1.key }) { lp.addConstraint("stock\(p)", terms, .lessOrEqual(s.products[p].initialInventory)) }
        for (w, center) in s.workCenters.enumerated() {
            for t in 0..<T {
                var row = AggregatePlanModel.merged(centerLoad[w][t])
                guard !row.isEmpty else { continue }
                if compact.overtimeHours[w][t] > 0 { row.append(Term(lp.addVariable("o\(w)_\(t)", upperBound: compact.overtimeHours[w][t], objective: center.overtimeCost), -1)) }
                if compact.extraShiftHours[w][t] > 0 {
                    row.append(Term(lp.addVariable("shift\(w)_\(t)", upperBound: 1, objective: center.extraShiftCost ?? 0), -compact.extraShiftHours[w][t]))
                }
                lp.addConstraint("c\(w)_\(t)", row, .lessOrEqual(compact.regularHours[w][t]))
            }
        }
        for (l, pool) in s.laborPools.enumerated() {
            for t in 0..<T {
                var row = AggregatePlanModel.merged(poolLoad[l][t])
                guard !row.isEmpty else { continue }
                let limit = pool.headcount * pool.overtimeHoursMax
                if limit > 0 { row.append(Term(lp.addVariable("v\(l)_\(t)", upperBound: limit, objective: pool.overtimeCost), -1)) }
                lp.addConstraint("l\(l)_\(t)", row, .lessOrEqual(compact.regularHours[s.workCenters.count + l][t]))
            }
        }
        lp.objectiveConstant = constant
        return lp
    }
}
