/// What a split plan costs and how it loads each resource, per finest period: holding and
/// backlog from each product's stock position, overtime where load passes regular hours,
/// overload where it passes overtime too.
struct PlanEvaluation {
    var uses: [CapacityUse] = []
    var costs = SplitCosts()

    /// Adds the in-house load of a plan's continuous quantities to `load[resource][period]`.
    static func addLoad(of plan: ProductUnitPlan, product: Product, periods: [Period], to load: inout [[Double]]) {
        let made = periods.indices.map { max(0, plan.continuous[$0] - (plan.subcontracted.isEmpty ? 0 : plan.subcontracted[$0])) }
        CapacitySplitModel.addLoad(plan.load(product), quantities: made, periods: periods, to: &load)
    }

    init(scenario: Scenario, year: PlanYear, costScale: [Double], plans: [ProductUnitPlan]) {
        let periods = year.periods
        let policy = scenario.policy
        var load = year.regular.map { $0.map { _ in 0.0 } }
        for plan in plans {
            let product = scenario.products[plan.product]
            Self.addLoad(of: plan, product: product, periods: periods, to: &load)
            var position = product.initialInventory * plan.share
            for t in periods.indices {
                position += plan.continuous[t] - year.sales[plan.product][t] * plan.share
                if position > 0 { costs.holding += position * product.holdingCost * policy.holdingWeight * costScale[t] }
                else { costs.backlog += -position * product.backlogCost * policy.backlogWeight * costScale[t] }
            }
        }
        for (r, resource) in year.resources.enumerated() {
            for t in periods.indices where load[r][t] > 1e-9 {
                let beyond = max(0, load[r][t] - year.regular[r][t])
                let overtime = min(beyond, year.overtime[r][t])
                let cost = overtime * year.overtimeCost[r] * policy.overtimeWeight
                let overload = beyond - overtime
                uses.append(CapacityUse(
                    resource: resource, period: periods[t].label, availableHours: year.regular[r][t], requiredHours: load[r][t],
                    overtimeHours: overtime, overtimeCost: cost, overloadHours: overload > 1e-6 ? overload : 0))
                costs.overtime += cost
                costs.overloadHours += overload > 1e-6 ? overload : 0
            }
        }
    }
}
