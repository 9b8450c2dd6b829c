import TaktLP

/// Turns the solved aggregate model back into a plan a planner reads: per product and
/// period, per resource and period, the actions, the costs, and every order.
struct PlanReadback {
    let model: AggregatePlanModel
    let solution: Solution
    private static let tolerance = Solution.planTolerance

    private func value(_ column: VariableID?) -> Double { solution.planValue(column) }

    func result() -> ProductionPlanResult {
        let scenario = model.scenario
        let periods = scenario.horizon.periods
        var costs = CostBreakdown()
        var actions: [PlanAction] = []

        // Products.
        var productRows: [ProductPeriodPlan] = []
        var unmetDemand = 0.0, lostSalesQuantity = 0.0
        let unitCosts = model.costs ?? ProductCosts(scenario)
        var used = [Double](repeating: 0, count: scenario.materials.count)
        let offersByProduct = Dictionary(grouping: scenario.subcontractors.indices, by: { scenario.subcontractors[$0].product })
        for (p, product) in scenario.products.enumerated() {
            let unit = model.routing[p].last.flatMap { step in scenario.workCenters.first { $0.id == step.workCenter }?.unit } ?? "subcontracted"
            for t in periods.indices {
                let made = value(model.production[p][t])
                let bought = (offersByProduct[product.id] ?? []).reduce(0) { $0 + value(model.subcontract[$1][t]) }
                var late = 0.0, lateBefore = 0.0, dropped = 0.0
                for c in DemandClass.allCases {
                    late += value(model.backlog[p][c.rawValue][t])
                    if t > 0 { lateBefore += value(model.backlog[p][c.rawValue][t - 1]) }
                    dropped += value(model.unmet[p][c.rawValue][t])
                    costs.backlog += product.backlogCost * value(model.backlog[p][c.rawValue][t])
                }
                let demand = model.demand.total(product: p, period: t)
                let delivered = max(0, demand + lateBefore - late - dropped)
                let stock = value(model.inventory[p][t])
                productRows.append(ProductPeriodPlan(
                    product: product.id, family: product.family, unit: unit, period: periods[t].label, periodIndex: t,
                    demand: demand, production: made, subcontracted: bought, delivered: delivered, endingInventory: stock,
                    endingBacklog: late, unmet: dropped))
                let unitCost = unitCosts.unit(product, period: t)
                costs.material += (unitCost.total - unitCost.conversion) * made
                costs.conversion += unitCost.conversion * made
                for need in unitCost.materials { used[need.material] += need.quantity * made }
                costs.setups += product.setupCost * value(model.runs[p][t])
                costs.holding += product.holdingCost * stock
                costs.revenue += (product.unitRevenue ?? 0) * delivered
                costs.safetyStock += max(product.backlogCost, product.holdingCost) * value(model.safetyShortfall[p][t])
                unmetDemand += dropped
                if scenario.policy.lostSalesAllowed {
                    costs.lostSales += (product.lostSaleCost ?? product.unitRevenue ?? 0) * dropped
                    lostSalesQuantity += dropped
                }
            }
        }

        // Subcontracting.
        var subcontracting: [SubcontractPlan] = []
        for (s, offer) in scenario.subcontractors.enumerated() {
            for t in periods.indices {
                let quantity = value(model.subcontract[s][t])
                guard quantity > 0 else { continue }
                subcontracting.append(SubcontractPlan(
                    subcontractor: offer.id, product: offer.product, period: periods[t].label, quantity: quantity,
                    cost: quantity * offer.unitCost))
                costs.subcontracting += quantity * offer.unitCost
                actions.append(PlanAction(
                    kind: .subcontract, subject: offer.id, period: periods[t].label, quantity: quantity, unit: .units,
                    cost: quantity * offer.unitCost, detail: "\(NumberText.plain(quantity, decimals: 2)) × \(offer.product) from \(offer.name)"))
            }
        }

        // Work centers.
        var resourceRows: [ResourcePeriodPlan] = []
        for (w, center) in scenario.workCenters.enumerated() {
            let resource = Resource(kind: .workCenter, id: center.id, name: center.name, unit: center.unit)
            for t in periods.indices {
                let o = value(model.overtime[w][t])
                let e = value(model.extraShift[w][t])
                let shiftHours = model.extraShiftHours[w][t] * e
                let required = model.centerRows[w][t].map { solution.rowActivities[$0.index] + o + shiftHours } ?? 0
                resourceRows.append(ResourcePeriodPlan(
                    resource: resource, period: periods[t].label, availableHours: model.regularHours[w][t],
                    requiredHours: max(0, required), overtimeHours: o, extraShiftShare: e, extraShiftHours: shiftHours,
                    hourValue: hourValue(model.centerRows[w][t])))
                costs.overtime += o * center.overtimeCost
                costs.extraShifts += e * model.extraShiftCost(w)
                if o > 0 {
                    actions.append(PlanAction(
                        kind: .overtime, subject: center.id, period: periods[t].label, quantity: o, unit: .hours,
                        cost: o * center.overtimeCost, detail: "overtime on \(center.name)"))
                }
                if e > 0 {
                    actions.append(PlanAction(
                        kind: .extraShift, subject: center.id, period: periods[t].label, quantity: e, unit: .periodShare,
                        cost: e * model.extraShiftCost(w),
                        detail: "an extra shift on \(center.name) for \(Int((e * 100).rounded()))% of the period (\(NumberText.hours(shiftHours)) h)"))
                }
            }
        }

        // Labor pools.
        let centers = scenario.workCenters.count
        for (l, pool) in scenario.laborPools.enumerated() {
            let resource = Resource(kind: .laborPool, id: pool.id, name: pool.name, unit: pool.unit)
            for t in periods.indices {
                let v = value(model.laborOvertime[l][t])
                let workers = model.workforce[l][t].map { value($0) }
                let perWorker = pool.headcount > 0 ? model.regularHours[centers + l][t] / pool.headcount : 0
                let available = workers.map { $0 * perWorker } ?? model.regularHours[centers + l][t]
                let required = model.laborRows[l][t].map { solution.rowActivities[$0.index] + v + (workers == nil ? 0 : available) } ?? 0
                let hired = model.hires[l][t].map { value($0) }
                let laidOff = model.layoffs[l][t].map { value($0) }
                resourceRows.append(ResourcePeriodPlan(
                    resource: resource, period: periods[t].label, availableHours: available, requiredHours: max(0, required),
                    overtimeHours: v, extraShiftShare: 0, extraShiftHours: 0, workers: workers, hired: hired, laidOff: laidOff,
                    hourValue: hourValue(model.laborRows[l][t])))
                costs.regularLabor += pool.wage * available
                costs.overtime += v * pool.overtimeCost
                costs.hiring += (hired ?? 0) * pool.hireCost
                costs.layoffs += (laidOff ?? 0) * pool.layoffCost
                if v > 0 {
                    actions.append(PlanAction(
                        kind: .overtime, subject: pool.id, period: periods[t].label, quantity: v, unit: .hours,
                        cost: v * pool.overtimeCost, detail: "overtime for \(pool.name)"))
                }
                if let hired, hired > 0 {
                    actions.append(PlanAction(
                        kind: .hire, subject: pool.id, period: periods[t].label, quantity: hired, unit: .workers,
                        cost: hired * pool.hireCost, detail: "hire \(NumberText.plain(hired, decimals: 2)) \(pool.name)"))
                }
                if let laidOff, laidOff > 0 {
                    actions.append(PlanAction(
                        kind: .layoff, subject: pool.id, period: periods[t].label, quantity: laidOff, unit: .workers,
                        cost: laidOff * pool.layoffCost, detail: "lay off \(NumberText.plain(laidOff, decimals: 2)) \(pool.name)"))
                }
            }
        }

        let orders = OrderAllocation(model: model, solution: solution).assignments()
        actions += orderMoves(orders)

        let materials = materialRows()
        costs.material += materials?.reduce(0) { $0 + $1.cost } ?? 0
        let substituted = substitutions(used: &used)
        costs.material += substituted.cost
        actions += substituted.actions
        let materialCosts = unitCosts.source == .unitCost && materials == nil
            ? nil : MaterialCostLine.lines(scenario, used: used, bought: materials ?? [])
        actions += PlanAction.expedites(in: materials ?? [], scenario)
        return ProductionPlanResult(
            scenario: scenario.name, status: solution.status.rawValue, costs: costs, objective: solution.objective,
            products: productRows, resources: resourceRows, subcontracting: subcontracting, actions: actions, orders: orders,
            contradictions: contradictions(), unmetDemand: unmetDemand,
            lostSalesQuantity: lostSalesQuantity, modelRows: model.program.constraints.count,
            modelColumns: model.program.variables.count, routes: routes(), materials: materials, materialCosts: materialCosts)
    }

    /// Each constrained material per period: receipts, purchases, what production uses, the
    /// stock left, and the balance row's shadow price.
    private func materialRows() -> [MaterialPeriodPlan]? {
        guard let flow = model.materialFlow else { return nil }
        let periods = model.scenario.horizon.periods
        // What each constrained material stands in for, per period.
        var standsIn = [[Double]](repeating: [Double](repeating: 0, count: periods.count), count: flow.items.count)
        for item in flow.items {
            for substitution in item.substitutes {
                guard let other = substitution.item else { continue }
                for t in periods.indices { standsIn[other][t] += substitution.line.ratio * value(substitution.replaced[t]) }
            }
        }
        return flow.items.enumerated().flatMap { m, item in
            periods.indices.map { t in
                let expedited = value(item.expedited[t])
                let bought = value(item.purchases[t]) + expedited
                let replaced = item.substitutes.isEmpty ? nil : item.substitutes.reduce(0) { $0 + value($1.replaced[t]) }
                let replacements = item.substitutes.compactMap { s -> MaterialReplacement? in
                    let q = value(s.replaced[t])
                    return q > Self.tolerance ? MaterialReplacement(substitute: s.line.substitute, ratio: s.line.ratio, quantity: q) : nil
                }
                let required = item.uses[t].reduce(0) { $0 + $1.perUnit * value(model.production[$1.product][$1.period]) }
                return MaterialPeriodPlan(
                    material: item.material.id, period: periods[t].label, periodIndex: t, receipts: item.receipts[t], purchased: bought,
                    expedited: expedited, consumed: required - (replaced ?? 0) + standsIn[m][t], substituted: replaced,
                    replacements: replacements.isEmpty ? nil : replacements,
                    endingStock: value(item.stock[t]), cost: bought * item.material.unitCost + expedited * (item.material.expediteCost ?? 0),
                    unitValue: hourValue(item.rows[t]))
            }
        }
    }

    /// Each substitution the plan makes: an action with its extra cost, and what it adds to
    /// the material cost (the extra cost, and the substitute where it is bought as needed,
    /// whose quantity goes to `used`).
    private func substitutions(used: inout [Double]) -> (actions: [PlanAction], cost: Double) {
        guard let flow = model.materialFlow else { return ([], 0) }
        let periods = model.scenario.horizon.periods
        let index = Dictionary(model.scenario.materials.enumerated().map { ($1.id, $0) }) { first, _ in first }
        var actions: [PlanAction] = [], cost = 0.0
        for item in flow.items {
            for substitution in item.substitutes {
                for t in periods.indices {
                    let replaced = value(substitution.replaced[t])
                    guard replaced > Self.tolerance else { continue }
                    let line = substitution.line
                    cost += replaced * line.extraCost
                    if substitution.item == nil, let s = index[line.substitute] {
                        used[s] += replaced * line.ratio
                        cost += replaced * line.ratio * substitution.substitute.unitCost
                    }
                    actions.append(PlanAction(
                        kind: .substitute, subject: item.material.id, period: periods[t].label, quantity: replaced, unit: .units,
                        cost: replaced * line.extraCost,
                        detail: "\(NumberText.hours(replaced)) units replaced by \(NumberText.hours(replaced * line.ratio)) of \(line.substitute)"))
                }
            }
        }
        return (actions, cost)
    }

    /// The quantity through each work center of every step with alternatives.
    private func routes() -> [StepRoute] {
        let scenario = model.scenario
        return model.routingSplit.compactMap { entry in
            let quantity = value(entry.column)
            guard quantity > Solution.planTolerance else { return nil }
            return StepRoute(
                product: scenario.products[entry.product].id, step: model.routing[entry.product][entry.step].step,
                workCenter: scenario.workCenters[entry.workCenter].id, period: entry.period, quantity: quantity)
        }
    }

    /// What one more regular hour is worth: minus the row's dual (a ≤ row in a minimisation).
    private func hourValue(_ row: ConstraintID?) -> Double? {
        guard let row, let dual = solution.shadowPrice(row) else { return nil }
        let value = -dual
        return abs(value) < Self.tolerance ? 0 : value
    }

    /// Orders built ahead of their due period, or delivered after it.
    private func orderMoves(_ orders: [OrderAssignment]) -> [PlanAction] {
        let scenario = model.scenario
        let periods = scenario.horizon.periods
        let index = Dictionary(uniqueKeysWithValues: periods.map { ($0.label, $0.index) })
        let products = Dictionary(uniqueKeysWithValues: scenario.products.map { ($0.id, $0) })
        var actions: [PlanAction] = []
        for order in orders {
            guard let product = products[order.product], let due = index[order.duePeriod] else { continue }
            let early = order.portions.compactMap { portion -> (Int, Double)? in
                guard let made = index[portion.period], made < due, portion.source != .stock else { return nil }
                return (due - made, portion.quantity)
            }
            if !early.isEmpty {
                let units = early.reduce(0) { $0 + $1.1 }
                let periodsEarly = early.map(\.0).max()!
                let cost = early.reduce(0) { $0 + Double($1.0) * $1.1 } * product.holdingCost
                actions.append(PlanAction(
                    kind: .buildAhead, subject: order.order, period: order.duePeriod, quantity: units, unit: .units, cost: cost,
                    detail: "\(NumberText.plain(units, decimals: 2)) units made up to \(periodsEarly) period\(periodsEarly == 1 ? "" : "s") before due"))
            }
            if order.periodsLate > 0 {
                let cost = order.quantity * Double(order.periodsLate) * product.backlogCost
                actions.append(PlanAction(
                    kind: .delay, subject: order.order, period: order.completionPeriod ?? order.duePeriod, quantity: order.quantity,
                    unit: .units, cost: cost, detail: "delivered \(order.periodsLate) period\(order.periodsLate == 1 ? "" : "s") late"))
            }
        }
        return actions
    }

    /// Targets the plan had to break, with the resource that stopped it.
    private func contradictions() -> [PlanContradiction] {
        let scenario = model.scenario
        let periods = scenario.horizon.periods
        var found: [PlanContradiction] = []
        for (p, product) in scenario.products.enumerated() {
            for t in periods.indices {
                let short = value(model.frozenShortfall[p][t])
                guard short > 0 else { continue }
                let needed = model.demand.frozen[p][t]
                found.append(PlanContradiction(
                    kind: .frozenShortfall, subject: product.id, period: periods[t].label,
                    message: "frozen orders need \(NumberText.plain(needed, decimals: 2)) units made in \(periods[t].label) but only \(NumberText.plain(needed - short, decimals: 2)) fit: \(bindingStep(p, t))"))
            }
            if let g = model.endingShortfall[p], value(g) > 0 {
                found.append(PlanContradiction(
                    kind: .belowTarget, subject: product.id, period: periods[periods.count - 1].label,
                    message: "ends \(NumberText.plain(value(g), decimals: 2)) units below its target ending inventory \(NumberText.plain(product.targetEndingInventory, decimals: 2)): \(bindingStep(p, periods.count - 1))"))
            }
            var dropped = 0.0
            for c in DemandClass.allCases { for t in periods.indices { dropped += value(model.unmet[p][c.rawValue][t]) } }
            if dropped > 0 && !scenario.policy.lostSalesAllowed {
                found.append(PlanContradiction(
                    kind: .unmetDemand, subject: product.id, period: "",
                    message: "\(NumberText.plain(dropped, decimals: 2)) units of demand cannot be met by any option: \(bindingStep(p, nil))"))
            }
        }
        return found
    }

    /// The work center (or labor pool) of a product's routing with the highest hour value in
    /// the period (or over the horizon), as the cause of a shortfall.
    private func bindingStep(_ p: Int, _ t: Int?) -> String {
        let scenario = model.scenario
        let periods = scenario.horizon.periods
        var best: (String, String, Double, Double)?  // resource, period, max hours, hour value
        for (k, step) in model.routing[p].enumerated() {
            guard let w = model.workCenterIndex[step.workCenter] else { continue }
            for period in t.map({ [$0] }) ?? Array(periods.indices) {
                let target = model.loadPeriod[p][k][period]
                let limit = model.regularHours[w][target] + model.overtimeHours[w][target]
                    + model.extraShiftHours[w][target] * model.hours.extraShiftLeft[w][target]
                let worth = hourValue(model.centerRows[w][target]) ?? 0
                if best == nil || worth > best!.3 || (worth == best!.3 && limit < best!.2) {
                    best = (step.workCenter, periods[target].label, limit, worth)
                }
            }
        }
        guard let best else { return "the product has no routing" }
        let limit = best.2.isInfinite ? "unlimited" : NumberText.hours(best.2)
        return "work center \(best.0) has at most \(limit) hours in \(best.1) with overtime and extra shifts"
    }
}

extension MaterialCostLine {
    /// Each material's line, in the scenario's order, from the quantities `used` (by material
    /// index, priced at the unit cost) and the constrained materials `bought`; materials the
    /// plan neither uses nor buys are left out.
    static func lines(_ scenario: Scenario, used: [Double], bought: [MaterialPeriodPlan]) -> [MaterialCostLine] {
        var quantity = used, cost = zip(used, scenario.materials).map { $0 * $1.unitCost }
        let index = Dictionary(scenario.materials.enumerated().map { ($1.id, $0) }) { first, _ in first }
        for row in bought {
            guard let m = index[row.material] else { continue }
            quantity[m] += row.purchased
            cost[m] += row.cost
        }
        return scenario.materials.indices.compactMap { m in
            quantity[m] > Solution.planTolerance || abs(cost[m]) >= 0.005
                ? MaterialCostLine(material: scenario.materials[m].id, quantity: quantity[m], cost: cost[m]) : nil
        }
    }

    /// The lines of several plans (the parts of one) added up by material, in the scenario's order.
    static func merged(_ lists: [[MaterialCostLine]], _ scenario: Scenario) -> [MaterialCostLine] {
        var quantity: [String: Double] = [:], cost: [String: Double] = [:]
        for line in lists.joined() {
            quantity[line.material, default: 0] += line.quantity
            cost[line.material, default: 0] += line.cost
        }
        return scenario.materials.compactMap { material in
            quantity[material.id].map { MaterialCostLine(material: material.id, quantity: $0, cost: cost[material.id] ?? 0) }
        }
    }
}

extension PlanAction {
    /// An `expedite` action for each period a constrained material is bought inside its lead
    /// time, at its expedite cost.
    static func expedites(in rows: [MaterialPeriodPlan], _ scenario: Scenario) -> [PlanAction] {
        let premium = Dictionary(scenario.materials.map { ($0.id, $0.expediteCost ?? 0) }) { first, _ in first }
        return rows.filter { $0.expedited > Solution.planTolerance }.map { row in
            PlanAction(
                kind: .expedite, subject: row.material, period: row.period, quantity: row.expedited, unit: .units,
                cost: row.expedited * (premium[row.material] ?? 0), detail: "\(NumberText.hours(row.expedited)) units bought inside the lead time")
        }
    }
}
