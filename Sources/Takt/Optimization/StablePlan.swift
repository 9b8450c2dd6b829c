import Foundation
import TaktLP

/// Equally cheap plans must not look like consequences: a re-plan that keeps what it can of
/// a previous plan (the released plan, or a what-if's base), at its optimal cost.
///
/// A lexicographic second pass over the plan's own model, solved after the first:
///
///     minimise    Σ (d⁺ + d⁻) over every kept quantity q
///     subject to  every row of the plan model,
///                 q − d⁺_q + d⁻_q = previous_q      (q: production and backlog per product and
///                                                    period, each route of a step with alternatives)
///                 Σ_j c_j x_j ≤ z* + max(1e-9·|z*|, 1e-6)        (no dearer than the optimum z*)
///                 d⁺, d⁻ ≥ 0; integer columns fixed at their first-pass values;
///                 x_j fixed where the first pass's reduced cost |d_j| > 1e-6 (non-basic),
///                 row i held at its activity where its dual |y_i| > 1e-6 (the optimal face)
///
/// where `previous_q` is the previous plan's quantity (0 where it had none). The plan
/// read back has the second pass's quantities, and the first pass's objective and hour
/// values (the second pass's duals price changes, not hours). Plans made families first
/// keep their first pass: their products' plans are each the only optimum of their share.
/// A whole plan (see `WholePlan`) keeps the previous plan's whole production instead of the
/// second pass's rounded where that costs no more.
extension AggregatePlanner {
    /// Plans, then moves the plan as close to `previous` as the optimal cost allows.
    public func plan(_ options: PlanOptions, keeping previous: ProductionPlanResult) throws(PlanningError) -> ProductionPlanResult {
        var options = options
        options.kept = previous
        return try plan(options)
    }

    /// The second pass over a solved model, on its optimal face, from the first pass's basis:
    /// what is left free is what ties, and the distance to `previous` chooses among it, so a
    /// what-if planned warm and the same planned cold end at the same plan (tested).
    func stable(_ model: AggregatePlanModel, _ solution: Solution, _ options: PlanOptions, keeping previous: ProductionPlanResult)
        throws(PlanningError) -> ProductionPlanResult
    {
        var program = model.program
        let periods = scenario.horizon.periodCount
        var before: [String: [Double]] = [:]
        for row in previous.products where row.periodIndex < periods {
            before[row.product, default: [Double](repeating: 0, count: periods)][row.periodIndex] += row.production
        }
        // A whole plan keeps the previous plan's whole production where it costs no more.
        let keptProduction = scenario.products.map { before[$0.id] ?? [Double](repeating: 0, count: periods) }
        // The first pass's cost, as a row; integer columns stay where they were.
        let cost = program.variables.indices.compactMap { j -> Term? in
            program.variables[j].objective == 0 ? nil : Term(VariableID(index: j), program.variables[j].objective)
        }
        // The bound is rounded up to a grid of its own tolerance, so that first passes that
        // end a few ulps apart (warm and cold) give the second pass the same program.
        let optimum = solution.objective - program.objectiveConstant
        let tolerance = max(1e-9 * abs(optimum), 1e-6)
        let grid = pow(10, (log10(tolerance)).rounded(.down))
        program.addConstraint("stable_cost", cost, .lessOrEqual(((optimum + tolerance) / grid).rounded(.up) * grid))
        for j in program.variables.indices {
            program.variables[j].objective = 0
            if program.variables[j].kind != .continuous {
                let fixed = solution.values[j].rounded()
                program.variables[j].lowerBound = fixed
                program.variables[j].upperBound = fixed
                program.variables[j].kind = .continuous
            }
        }
        program.objectiveConstant = 0
        // The second pass runs on the optimal face: a column whose reduced cost is clearly
        // not 0 is at its bound in every optimal plan, and a row whose dual is clearly not 0
        // is tight in every one, so they are fixed there; what is left free is what ties.
        // (On 20 products and 1,000 orders, the cold second pass took 2.6 times the first.)
        var start = solution.basis
        if var basis = start, let reduced = solution.reducedCosts, let duals = solution.shadowPrices {
            let clear = 1e-6
            for j in model.program.variables.indices where basis.variables[j] != .basic && abs(reduced[j]) > clear {
                program.variables[j].lowerBound = solution.values[j]
                program.variables[j].upperBound = solution.values[j]
                basis.variables[j] = .fixed
            }
            for i in model.program.constraints.indices where basis.constraints[i] != .basic && abs(duals[i]) > clear {
                program.constraints[i].bounds = .equal(solution.rowActivities[i])
                basis.constraints[i] = .fixed
            }
            start = basis
        }
        // The first pass's optimal basis, extended to a primal feasible one: the cost row's
        // slack basic, and in each new row the deviation the first pass's point has.
        start?.constraints.append(.basic)
        /// |Σ terms − target| as two columns and a row.
        func keep(_ name: String, _ terms: [Term], near target: Double) {
            guard !terms.isEmpty || target != 0 else { return }
            let more = program.addVariable("stable_up(\(name))", objective: 1)
            let less = program.addVariable("stable_down(\(name))", objective: 1)
            program.addConstraint("stable(\(name))", terms + [Term(more, -1), Term(less, 1)], .equal(target))
            let value = terms.reduce(0) { $0 + $1.coefficient * solution.values[$1.variable.index] }
            start?.variables += value >= target ? [.basic, .atLower] : [.atLower, .basic]
            start?.constraints.append(.fixed)
        }
        var backlogBefore: [String: [Double]] = [:]
        for row in previous.products where row.periodIndex < periods {
            backlogBefore[row.product, default: [Double](repeating: 0, count: periods)][row.periodIndex] += row.endingBacklog
        }
        for (p, product) in scenario.products.enumerated() {
            let made = before[product.id] ?? [Double](repeating: 0, count: periods)
            let late = backlogBefore[product.id] ?? [Double](repeating: 0, count: periods)
            for t in 0..<periods {
                // Production, and the backlog that says which orders wait.
                keep("make,\(p),\(t)", [Term(model.production[p][t], 1)], near: made[t])
                keep("late,\(p),\(t)", model.backlog[p].compactMap { $0[t].map { Term($0, 1) } }, near: late[t])
            }
        }
        // Where each step with alternatives is made, which moves load between work centers.
        var routeBefore: [String: Double] = [:]
        for route in previous.routes { routeBefore["\(route.product)|\(route.step)|\(route.workCenter)|\(route.period)"] = route.quantity }
        for (i, entry) in model.routingSplit.enumerated() {
            let key = "\(scenario.products[entry.product].id)|\(model.routing[entry.product][entry.step].step)|\(scenario.workCenters[entry.workCenter].id)|\(entry.period)"
            keep("route,\(i)", [Term(entry.column, 1)], near: routeBefore[key] ?? 0)
        }
        // Should the second pass not solve (the cost row can span more magnitudes than the model
        // did), the first pass's plan stands: it is optimal, only not the nearest.
        guard var second = try? solver.feasibleSolution(program, options: options.solveOptions(startingBasis: start), failing: PlanningError.self)
        else {
            return try rounded(model, solution, options, keeping: keptProduction)
        }
        // Quantities from the second pass; objective and prices from the first.
        second.objective = solution.objective
        second.shadowPrices = solution.shadowPrices
        second.reducedCosts = solution.reducedCosts
        second.basis = nil
        second.status = solution.status
        return try rounded(model, second, options, keeping: keptProduction)
    }
}

extension PlanOptions {
    /// These options keeping `plan`: plans made with them stay near it where the optimal cost
    /// allows (see ``AggregatePlanner/plan(_:keeping:)``).
    func keeping(_ plan: ProductionPlanResult) -> PlanOptions {
        var options = self
        options.kept = plan
        return options
    }
}
