/// What a split plan costs and how it loads each resource, per finest period, counted on the
/// rounded plan that is written out: holding and backlog from each product's stock position,
/// setups per period a run product is made in, overtime where load passes regular hours,
/// overload where it passes overtime too. The load follows the rule of the load table, so
/// that `capacity.csv` and the finest level's `load-<level>.csv` agree.
struct PlanEvaluation {
    var uses: [CapacityUse] = []
    var costs = SplitCosts()

    /// Adds the in-house load of `made` (per finest period) to `load[resource][period]`: the
    /// hours per unit, and for a product in `setsUpPerRun` its setup hours once per period
    /// anything is made in.
    static func addLoad(
        of plan: ProductUnitPlan, made: [Double], product: Product, setsUpPerRun: Set<String>, periods: [Period],
        to load: inout ResourceGrid
    ) {
        CapacitySplitModel.addLoad(plan.load(product), quantities: made, periods: periods, to: &load)
        if setsUpPerRun.contains(product.id) {
            CapacitySplitModel.addLoad(plan.runSetups(), quantities: made.map { $0 > 0 ? 1 : 0 }, periods: periods, to: &load)
        }
    }

    init(scenario: Scenario, year: PlanYear, costScale: [Double], plans: [ProductUnitPlan]) {
        let periods = year.periods
        let policy = scenario.policy
        let setsUpPerRun = scenario.productsWithSetupHoursPerRun
        var load = ResourceGrid.zero(like: year.regular)
        for plan in plans {
            let product = scenario.products[plan.product]
            let made = plan.madeInHouse
            Self.addLoad(of: plan, made: made, product: product, setsUpPerRun: setsUpPerRun, periods: periods, to: &load)
            if product.setupCost > 0 { costs.setups += Double(made.filter { $0 > 0 }.count) * product.setupCost }
            var position = product.initialInventory * plan.share
            for t in periods.indices {
                position += plan.finest[t] - year.sales[plan.product][t] * plan.share
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
