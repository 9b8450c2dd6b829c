import TaktGLPK
import TaktLP

/// Decomposes the annual plan (年度生产计划) into each production unit's quarterly, monthly
/// and weekly plans, by family, product and quantity (C2–C4 of the planning standard).
///
///     let plan = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .month, method: .capacity))
///     for line in plan.families where line.level == .quarter { print(line.family, line.unit, line.period, line.production) }
///
/// 1. The annual quantity of each product: as given (for it, or for its family and shared
///    among the family's products by need), or sales + target ending − opening stock.
/// 2. Shared among the units that can make it: by capacity share, fixed shares, or balanced
///    load ratios (a small LP).
/// 3. Split over the finest periods by the product's method: sales, working days, level, or
///    capacity-aware (`CapacitySplit`), which meets sales as they come within each unit's
///    capacity at least holding, backlog, overtime and subcontracting cost.
/// 4. Rounded from the top down, year to quarters to months to weeks, in whole lots by largest
///    remainder, so that every period is exactly the sum of its sub-periods.
public struct PlanDecomposer: Sendable {
    public let scenario: Scenario
    /// The approved annual plan; products it leaves out are derived from the sales plan.
    public var annualPlan: [AnnualPlanEntry]
    public var solver: any Solver

    public init(_ scenario: Scenario, annualPlan: [AnnualPlanEntry] = [], solver: any Solver = GLPKSolver()) {
        self.scenario = scenario
        self.annualPlan = annualPlan
        self.solver = solver
    }

    public func decompose(_ options: DecompositionOptions = DecompositionOptions()) throws(DecompositionError) -> DecomposedPlan {
        let options = options.started()
        let year = PlanYear(scenario, to: options.finestLevel)
        let calendar = year.calendar
        let sites = ProductionSites(scenario)
        let quantities = AnnualQuantities(scenario: scenario, year: year, sites: sites, options: options, solver: solver)
        var plans = try quantities.resolve(annualPlan)
        let periods = year.periods
        let periodDays = scenario.horizon.meanPeriodDays
        let costScale = periods.map { Double($0.range.dayCount) / periodDays }
        let splitter = TopDownSplit(calendar: calendar)
        let levelWeights = splitter.levelWeights()

        // Methods other than capacity need nothing but their weights.
        var fixedLoad = ResourceGrid.zero(like: year.regular)
        let setsUpPerRun = scenario.productsWithSetupHoursPerRun
        for k in plans.indices where plans[k].method != .capacity {
            let plan = plans[k]
            let fallback = year.workingDays[plan.site.unit] ?? levelWeights
            let weights: [Double] = switch plan.method {
            case .sales: year.sales[plan.product]
            case .workingDays: fallback
            case .level, .capacity: levelWeights
            }
            plans[k].continuous = splitter.split(plan.quantity, weights: weights, fallback: fallback, step: 0)
            PlanEvaluation.addLoad(
                of: plans[k], made: plans[k].continuous, product: scenario.products[plan.product], setsUpPerRun: setsUpPerRun,
                periods: periods, to: &fixedLoad)
        }
        let capacity = CapacitySplit(scenario: scenario, year: year, solver: solver, options: options)
        let (subcontracting, model) = try capacity.run(&plans, fixedLoad: fixedLoad, costScale: costScale)

        for k in plans.indices {
            let plan = plans[k]
            let product = scenario.products[plan.product]
            plans[k].finest = splitter.split(
                plan.quantity, weights: plan.continuous, fallback: year.workingDays[plan.site.unit] ?? levelWeights,
                step: quantities.step(product))
        }
        var evaluation = PlanEvaluation(scenario: scenario, year: year, costScale: costScale, plans: plans)
        evaluation.costs.subcontracting = subcontracting.reduce(0) { $0 + $1.extraCost }
        let lines = DecompositionLines(scenario: scenario, year: year, plans: plans)
        return DecomposedPlan(
            scenario: scenario.name, levels: calendar.levels,
            annual: plans.map { plan in
                let product = scenario.products[plan.product]
                return AnnualQuantity(
                    product: product.id, family: product.family, unit: plan.site.unit,
                    sales: year.sales[plan.product].reduce(0, +) * plan.share, openingInventory: product.initialInventory * plan.share,
                    targetEndingInventory: product.targetEndingInventory * plan.share, quantity: plan.quantity, source: plan.source,
                    method: plan.method)
            },
            products: lines.products, families: lines.families, capacity: evaluation.uses, subcontracting: subcontracting,
            costs: evaluation.costs, capacityModel: model, loads: try lines.loadTables())
    }
}

/// Splits a quantity from the year down to the finest periods, level by level.
struct TopDownSplit {
    let calendar: PlanCalendar
    /// Per level below the year: the children of each period one level up.
    let children: [[[Int]]]
    /// Per level: the period of that level holding each finest period.
    let ancestors: [[Int]]

    init(calendar: PlanCalendar) {
        self.calendar = calendar
        ancestors = calendar.periods.indices.map { k in calendar.finest.indices.map { calendar.ancestor(ofFinest: $0, at: k) } }
        children = calendar.periods.indices.map { k in
            guard k > 0 else { return [] }
            var result = [[Int]](repeating: [], count: calendar.periods[k - 1].count)
            for (child, parent) in calendar.parent[k].enumerated() { result[parent].append(child) }
            return result
        }
    }

    /// Finest-period weights that split equally at every level.
    func levelWeights() -> [Double] {
        var weights = [1.0]
        for k in children.indices.dropFirst() {
            var next = [Double](repeating: 0, count: calendar.periods[k].count)
            for (parent, kids) in children[k].enumerated() { for kid in kids { next[kid] = weights[parent] / Double(kids.count) } }
            weights = next
        }
        return weights
    }

    /// Sums of finest-period values per period of level `k`.
    func sums(_ finest: [Double], at k: Int) -> [Double] {
        var result = [Double](repeating: 0, count: calendar.periods[k].count)
        for t in finest.indices { result[ancestors[k][t]] += finest[t] }
        return result
    }

    /// `total` split over the finest periods: at each level every period's quantity is shared
    /// among its sub-periods by their weights (or fallback weights where a period has none),
    /// in multiples of `step`.
    func split(_ total: Double, weights: [Double], fallback: [Double], step: Double) -> [Double] {
        var values = [total]
        for k in children.indices.dropFirst() {
            let w = sums(weights, at: k)
            let f = sums(fallback, at: k)
            var next = [Double](repeating: 0, count: calendar.periods[k].count)
            for (parent, kids) in children[k].enumerated() {
                let shares = QuantitySplit.split(values[parent], weights: kids.map { w[$0] }, fallback: kids.map { f[$0] }, step: step)
                for (kid, share) in zip(kids, shares) { next[kid] = share }
            }
            values = next
        }
        return values
    }
}
