import TaktLP

/// Plans families first and products second, as the planning standard itself does, so that
/// no model GLPK solves grows past one family's products.
///
/// 1. The family plan: every family is one product (``FamilyAggregation``) planned against
///    all the capacity — overtime, extra shifts, subcontracting, workforce.
/// 2. Family by family, its products are planned with the workforce the family plan chose and
///    with the hours the other families take: the family plan's hours for families still to
///    come, the product plans' hours for those done. A family whose real product mix needs
///    more of a resource than its average took first uses what the others leave (regular
///    hours, then overtime, then the extra shift), then backlog.
///
/// Capacity is never exceeded: at every step the hours given away plus those kept for the
/// families to come fit within what the family plan found feasible. The price is
/// optimality: the family plan assumes each family's products are made in proportion to
/// their demand, and the families planned first choose first.
struct HierarchicalPlanner {
    let scenario: Scenario
    let solver: any Solver
    let options: PlanOptions

    func plan() throws(PlanningError) -> ProductionPlanResult {
        let demand = DemandProfile(scenario)
        let base = ResourceHours(scenario)
        let families = FamilyAggregation(scenario, demand: demand)

        var top = AggregatePlanModel(scenario: families.scenario, demand: families.demand, hours: base)
        top.keepsClassesApart = false
        top.build()
        options.progress?("family plan: " + PlanOptions.solving(top.program))
        // Without GLPK's presolver: on a 20-family year of weeks (7,900 columns, each family's
        // column touching every work center its products use) it doubled the time (4.4 s
        // against 1.9 s), as it did for the decomposition's split models.
        let topSolution = try solve(top.program, presolve: false)
        let topResult = PlanReadback(model: top, solution: topSolution).result()
        let familyCount = families.families.count
        let familyLoads = (0..<familyCount).map { top.resourceLoad(of: [$0], in: topSolution) }

        // The family plan's workforce sets each labor pool's hours for the product plans.
        let centers = scenario.workCenters.count
        var hours = base
        for (l, pool) in scenario.laborPools.enumerated() {
            let r = centers + l
            for t in 0..<scenario.horizon.periodCount {
                guard let workers = top.workforce[l][t].map({ topSolution.planValue($0) }) else { continue }
                let perWorker = pool.headcount > 0 ? base.regular[r][t] / pool.headcount : 0
                hours.regular[r][t] = workers * perWorker
                hours.overtime[r][t] = workers * pool.overtimeHoursMax
            }
        }

        // Family by family: each may use what the family plan kept for it, what the families
        // planned before it left unused, and nothing the families still to come were given.
        var reserved = familyLoads
        var parts: [ProductionPlanResult] = []
        var used = [[Double]](repeating: [Double](repeating: 0, count: scenario.horizon.periodCount), count: hours.regular.count)
        for (f, members) in families.members.enumerated() {
            var others = used
            for g in (f + 1)..<max(f + 1, familyCount) {
                for r in others.indices { for t in others[r].indices { others[r][t] += reserved[g][r][t] } }
            }
            var part = scenario
            let ids = Set(members.map { scenario.products[$0].id })
            part.products = members.map { scenario.products[$0] }
            part.routings = scenario.routings.filter { ids.contains($0.product) }
            part.subcontractors = scenario.subcontractors.filter { ids.contains($0.product) }
            part.orders = scenario.orders.filter { ids.contains($0.product) }
            part.salesPlan = scenario.salesPlan.filter { ids.contains($0.product) }
            var model = AggregatePlanModel(
                scenario: part, demand: demand.restricted(to: members), hours: hours.leaving(others), fixedLabor: true)
            model.build()
            options.progress?("family \(f + 1) of \(families.members.count), \(members.count) products: " + PlanOptions.solving(model.program))
            let solution = try solve(model.program)
            parts.append(PlanReadback(model: model, solution: solution).result())
            let load = model.resourceLoad(of: members.indices, in: solution)
            for r in used.indices { for t in used[r].indices { used[r][t] += load[r][t] } }
            reserved[f] = load
        }
        return PlanMerge(scenario: scenario, base: base, hours: hours, top: topResult, parts: parts).result()
    }

    private func solve(_ program: LinearProgram, presolve: Bool = true) throws(PlanningError) -> Solution {
        let solution: Solution
        do {
            solution = try solver.solve(
                program, options: SolveOptions(timeLimit: options.timeLimit, relativeGap: options.relativeGap, presolve: presolve))
        } catch {
            throw .invalidModel(error.description)
        }
        guard solution.status.hasFeasibleSolution else { throw .solverStopped(solution.status) }
        return solution
    }
}

extension ResourceHours {
    /// What is left after `others` hours are taken: regular hours first, then overtime, then
    /// the extra shift, whose cost shrinks with the hours left of it.
    func leaving(_ others: [[Double]]) -> ResourceHours {
        var left = self
        for r in regular.indices {
            for t in regular[r].indices {
                let taken = others[r][t]
                left.regular[r][t] = max(0, regular[r][t] - taken)
                let spill = max(0, taken - regular[r][t])
                left.overtime[r][t] = max(0, overtime[r][t] - spill)
                let spillOver = max(0, spill - overtime[r][t])
                left.extraShift[r][t] = max(0, extraShift[r][t] - spillOver)
                left.extraShiftCostShare[r][t] = extraShift[r][t] > 0 ? left.extraShift[r][t] / extraShift[r][t] : 1
            }
        }
        return left
    }
}
