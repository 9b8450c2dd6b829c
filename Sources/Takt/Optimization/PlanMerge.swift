/// Puts the family plan and the product plans of each family back together as one plan.
struct PlanMerge {
    let scenario: Scenario
    /// The resources' own hours, and those with the family plan's workforce.
    let base: ResourceHours
    let hours: ResourceHours
    let top: ProductionPlanResult
    let parts: [ProductionPlanResult]

    func result() -> ProductionPlanResult {
        let productOrder = Dictionary(uniqueKeysWithValues: scenario.products.enumerated().map { ($1.id, $0) })
        let orderOrder = Dictionary(uniqueKeysWithValues: scenario.orders.enumerated().map { ($1.id, $0) })
        let products = parts.flatMap(\.products).sorted {
            (productOrder[$0.product] ?? 0, $0.periodIndex) < (productOrder[$1.product] ?? 0, $1.periodIndex)
        }
        let orders = parts.flatMap(\.orders).sorted { (orderOrder[$0.order] ?? 0) < (orderOrder[$1.order] ?? 0) }
        let periodOrder = Dictionary(uniqueKeysWithValues: scenario.horizon.periods.map { ($0.label, $0.index) })
        let subcontracting = parts.flatMap(\.subcontracting).sorted {
            ($0.subcontractor, $0.product, periodOrder[$0.period] ?? 0) < ($1.subcontractor, $1.product, periodOrder[$1.period] ?? 0)
        }

        // Resources: every part lists every resource and period in the same order. Each family
        // saw only what the others left, so overtime and extra shifts are worked out again from
        // the hours all families need together: regular hours first, then overtime, then the
        // extra shift. The families' shares kept that total within the three.
        var resources = top.resources
        var actions: [PlanAction] = []
        var overtimeCost = 0.0, extraShiftCost = 0.0
        let periods = scenario.horizon.periodCount
        let centers = scenario.workCenters.count
        for (i, row) in resources.enumerated() {
            let r = i / periods, t = i % periods
            let need = parts.reduce(0) { $0 + $1.resources[i].requiredHours }
            let overtime = min(hours.overtime[r][t], max(0, need - hours.regular[r][t]))
            let extra = max(0, need - hours.regular[r][t] - overtime)
            var merged = row
            merged.requiredHours = need
            merged.availableHours = hours.regular[r][t]
            merged.overtimeHours = overtime
            merged.extraShiftHours = extra
            merged.extraShiftShare = base.extraShift[r][t] > 0 ? extra / base.extraShift[r][t] : 0
            resources[i] = merged
            let (hourCost, shiftCost, name) = r < centers
                ? (scenario.workCenters[r].overtimeCost, scenario.workCenters[r].extraShiftCost ?? 0, scenario.workCenters[r].name)
                : (scenario.laborPools[r - centers].overtimeCost, 0, scenario.laborPools[r - centers].name)
            if overtime > 0 {
                overtimeCost += overtime * hourCost
                actions.append(PlanAction(
                    kind: .overtime, subject: row.resource.id, period: row.period, quantity: overtime, unit: .hours,
                    cost: overtime * hourCost, detail: "overtime on \(name)"))
            }
            if extra > 0 {
                extraShiftCost += merged.extraShiftShare * shiftCost
                actions.append(PlanAction(
                    kind: .extraShift, subject: row.resource.id, period: row.period, quantity: merged.extraShiftShare,
                    unit: .periodShare, cost: merged.extraShiftShare * shiftCost,
                    detail: "an extra shift on \(name) for \(Int((merged.extraShiftShare * 100).rounded()))% of the period (\(NumberText.hours(extra)) h)"))
            }
        }

        var costs = CostBreakdown()
        for part in parts {
            let c = part.costs
            costs.material += c.material
            costs.conversion += c.conversion
            costs.subcontracting += c.subcontracting
            costs.holding += c.holding
            costs.backlog += c.backlog
            costs.lostSales += c.lostSales
            costs.safetyStock += c.safetyStock
            costs.setups += c.setups
            costs.revenue += c.revenue
        }
        costs.overtime = overtimeCost
        costs.extraShifts = extraShiftCost
        costs.regularLabor = top.costs.regularLabor
        costs.hiring = top.costs.hiring
        costs.layoffs = top.costs.layoffs
        actions += parts.flatMap(\.actions).filter { $0.kind != .overtime && $0.kind != .extraShift }
        actions += top.actions.filter { $0.kind == .hire || $0.kind == .layoff }

        // The plan's objective as the one model would count it. Each family's objective paid
        // for the overtime and extra shifts of its own hours: where a family took overtime
        // because the hours were kept for families after it that in the end needed less, the
        // plan as a whole works no overtime there. Those costs are replaced by the plan's own;
        // the variable workforce's wages come from the family plan, which chose it.
        let overtimeWeight = scenario.policy.overtimeWeight
        var wages = 0.0
        for (l, pool) in scenario.laborPools.enumerated() {
            for t in 0..<periods where top.resources[(centers + l) * periods + t].workers != nil {
                wages += pool.wage * top.resources[(centers + l) * periods + t].availableHours
            }
        }
        let objective = parts.reduce(0) { $0 + $1.objective - overtimeWeight * ($1.costs.overtime + $1.costs.extraShifts) }
            + overtimeWeight * (overtimeCost + extraShiftCost) + wages + top.costs.hiring + top.costs.layoffs

        return ProductionPlanResult(
            scenario: scenario.name, status: "\(top.status), families first", costs: costs,
            objective: objective,
            products: products, resources: resources, subcontracting: subcontracting, actions: actions, orders: orders,
            contradictions: parts.flatMap(\.contradictions), unmetDemand: parts.reduce(0) { $0 + $1.unmetDemand },
            lostSalesQuantity: parts.reduce(0) { $0 + $1.lostSalesQuantity },
            modelRows: top.modelRows + parts.reduce(0) { $0 + $1.modelRows },
            modelColumns: top.modelColumns + parts.reduce(0) { $0 + $1.modelColumns }, routes: parts.flatMap(\.routes),
            materialCosts: Self.materialCosts(parts, scenario))
    }

    /// The parts' material costs added up by material, in the scenario's order.
    private static func materialCosts(_ parts: [ProductionPlanResult], _ scenario: Scenario) -> [MaterialCostLine]? {
        let lines = parts.compactMap(\.materialCosts)
        return lines.isEmpty ? nil : MaterialCostLine.merged(lines, scenario)
    }
}
