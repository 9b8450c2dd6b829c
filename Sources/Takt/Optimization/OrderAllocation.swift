import TaktLP

/// Recovers each order's share of the aggregate plan exactly.
///
/// For every product, the plan fixes per class and period how much demand is delivered
/// (`demand + backlog before − backlog after − unmet`). Those deliveries go to the class's
/// open orders earliest due first (then higher priority, then id); unmet quantity is taken
/// from the latest-due orders, or, where a backlog window limits how old a backlog may be,
/// from the earliest-due ones, so that no order is carried past the window. Each delivered unit is traced to its supply — opening stock,
/// then each period's production and subcontracted receipts — oldest first, which inventory
/// never going negative makes always possible. Every ordered unit is accounted for once.
struct OrderAllocation {
    let model: AggregatePlanModel
    let solution: Solution
    private static let tolerance = Solution.planTolerance

    private func value(_ column: VariableID?) -> Double { solution.planValue(column) }

    private struct Open {
        let order: Int
        let duePeriod: Int
        var left: Double
    }

    private struct Lot {
        let period: Int
        let source: OrderAssignment.Portion.Source
        var left: Double
    }

    func assignments() -> [OrderAssignment] {
        let scenario = model.scenario
        let horizon = scenario.horizon
        let periods = horizon.periods
        var portions = [[OrderAssignment.Portion]](repeating: [], count: scenario.orders.count)
        var completion = [Int?](repeating: nil, count: scenario.orders.count)
        var unmet = [Double](repeating: 0, count: scenario.orders.count)

        let ordersByProduct = Dictionary(grouping: scenario.orders.indices.filter { scenario.orders[$0].remaining > 0 }) {
            scenario.orders[$0].product
        }
        let offersByProduct = Dictionary(grouping: scenario.subcontractors.indices) { scenario.subcontractors[$0].product }
        let policy = scenario.policy
        let backlogWindow = policy.backlogAllowed ? policy.maxBacklogPeriods : 0

        for (p, product) in scenario.products.enumerated() {
            // Supply, oldest first.
            var lots: [Lot] = []
            if product.initialInventory > 0 { lots.append(Lot(period: -1, source: .stock, left: product.initialInventory)) }
            var supply: [[Lot]] = Array(repeating: [], count: periods.count)
            for t in periods.indices {
                let made = value(model.production[p][t])
                if made > 0 { supply[t].append(Lot(period: t, source: .inHouse, left: made)) }
                let bought = (offersByProduct[product.id] ?? []).reduce(0) { $0 + value(model.subcontract[$1][t]) }
                if bought > 0 { supply[t].append(Lot(period: t, source: .subcontracted, left: bought)) }
            }
            var nextLot = 0

            // Open orders per class, in serving order.
            let orders = (ordersByProduct[product.id] ?? []).sorted { a, b in
                let (x, y) = (scenario.orders[a], scenario.orders[b])
                if x.due != y.due { return x.due < y.due }
                if x.priority != y.priority { return x.priority < y.priority }
                return x.id < y.id
            }
            var waiting = [[Open]](repeating: [], count: DemandClass.allCases.count)
            var arriving = [[[Open]]](repeating: [[Open]](repeating: [], count: periods.count), count: DemandClass.allCases.count)
            for o in orders {
                let order = scenario.orders[o]
                guard let due = horizon.periodIndex(containing: order.due) else { continue }
                arriving[DemandClass.of(order).rawValue][due].append(Open(order: o, duePeriod: due, left: order.remaining))
            }

            for t in periods.indices {
                lots.append(contentsOf: supply[t])
                for c in DemandClass.allCases {
                    let k = c.rawValue
                    waiting[k].append(contentsOf: arriving[k][t])
                    let before = t > 0 ? value(model.backlog[p][k][t - 1]) : 0
                    let after = value(model.backlog[p][k][t])
                    let dropped = value(model.unmet[p][k][t])
                    var deliver = max(0, model.demand.quantity[p][t][k] + before - after - dropped)
                    // Forecast has no orders; its deliveries still draw on supply.
                    if c == .forecast {
                        _ = take(deliver, from: &lots, next: &nextLot)
                        continue
                    }
                    var i = 0
                    while deliver > Self.tolerance && i < waiting[k].count {
                        let amount = min(deliver, waiting[k][i].left)
                        let order = waiting[k][i].order
                        for (lot, quantity) in take(amount, from: &lots, next: &nextLot) {
                            portions[order].append(OrderAssignment.Portion(
                                period: lot.period < 0 ? "stock" : periods[lot.period].label, quantity: quantity, source: lot.source))
                        }
                        waiting[k][i].left -= amount
                        deliver -= amount
                        if waiting[k][i].left <= Self.tolerance {
                            completion[order] = t
                            i += 1
                        }
                    }
                    waiting[k].removeAll { $0.left <= Self.tolerance }
                    var drop = dropped
                    if backlogWindow != nil {
                        // Within a backlog window the unmet demand leaves the earliest-due orders
                        // first, so that what is carried is the newest demand: the model's backlog
                        // holds only demand of the last `window` periods, and carrying older
                        // orders (dropping the newest) would take one past the window later.
                        var j = 0
                        while drop > Self.tolerance && j < waiting[k].count {
                            let amount = min(drop, waiting[k][j].left)
                            unmet[waiting[k][j].order] += amount
                            waiting[k][j].left -= amount
                            drop -= amount
                            j += 1
                        }
                        waiting[k].removeAll { $0.left <= Self.tolerance }
                    }
                    // Without one, it leaves the latest-due orders first.
                    while drop > Self.tolerance, let last = waiting[k].indices.last {
                        let amount = min(drop, waiting[k][last].left)
                        unmet[waiting[k][last].order] += amount
                        waiting[k][last].left -= amount
                        drop -= amount
                        if waiting[k][last].left <= Self.tolerance { waiting[k].removeLast() }
                    }
                }
            }
            // Whatever is still waiting at the end was not delivered within the horizon.
            for k in waiting.indices { for open in waiting[k] { unmet[open.order] += open.left } }
        }

        return scenario.orders.indices.map { o in
            let order = scenario.orders[o]
            let due = horizon.periodIndex(containing: order.due) ?? 0
            let done = completion[o]
            let short = unmet[o] > Self.tolerance ? unmet[o] : 0
            return OrderAssignment(
                order: order.id, product: order.product, quantity: order.remaining, due: order.due, duePeriod: periods[due].label,
                demandClass: DemandClass.of(order), completionPeriod: short > 0 ? nil : done.map { periods[$0].label },
                periodsLate: max(0, (done ?? due) - due), unmetQuantity: short, portions: portions[o])
        }
    }

    /// Takes `amount` from the supply lots, oldest first; returns what came from which lot.
    private func take(_ amount: Double, from lots: inout [Lot], next: inout Int) -> [(Lot, Double)] {
        var left = amount
        var taken: [(Lot, Double)] = []
        while left > Self.tolerance && next < lots.count {
            let quantity = min(left, lots[next].left)
            if quantity > 0 { taken.append((lots[next], quantity)) }
            lots[next].left -= quantity
            left -= quantity
            if lots[next].left <= Self.tolerance { next += 1 }
        }
        return taken
    }
}
