import TaktLP

/// Makes a solved plan whole: production in lots (multiples of `lot_multiple`, none below
/// `lot_min`) and whole units of discrete products, whole subcontracted units and routed
/// units of discrete products, whole workers where the policy asks for them.
///
/// The plan first solved is the relaxation (every quantity continuous). Its production is
/// rounded product by product (``LotRounding``: the running total rounded up, so stock and
/// backlog are never worse), and fixed; then the same model is solved again with only the
/// rest free — overtime, extra shifts, stock, backlog, subcontracting, routes and workforce,
/// the whole ones as integers (a small MIP: a few columns per labor pool, offer and routed
/// step). Where rounding up does not fit in the capacity, each period's quantity is rounded
/// down instead, which fits wherever the relaxation did (load is monotone in production and
/// workers rounded up give more hours), and the shortfall is met late or reported unmet.
///
/// The repaired plan carries the relaxation's hour values and basis: what an hour is worth is
/// a question of the continuous plan, and a warm start goes on from its basis.
struct WholePlan {
    let model: AggregatePlanModel
    let relaxed: Solution
    let solver: any Solver
    let options: PlanOptions
    /// Whole production to keep where it costs no more than the rounded one: a released plan's,
    /// for a re-plan that should not move without cause (see `StablePlan`).
    var keeping: [[Double]]? = nil

    /// What making the plan whole gave.
    enum Outcome {
        /// The whole plan.
        case whole(Solution)
        /// Whole but for some products, which keep their relaxed quantities: no whole plan of
        /// them was found that meets as much demand as theirs (see ``noFit``).
        case partly(Solution, relaxedProducts: Int)
        /// The relaxed plan is whole already.
        case wholeAlready
        /// No whole plan was found that meets as much demand as the relaxed one: the hours
        /// are used up so tightly that a whole unit more does not fit anywhere (fractional
        /// demand can need that). The relaxed plan stands.
        case noFit
    }

    /// The status suffix of a plan left relaxed because no whole plan fitted.
    static let notWhole = ", not whole: no whole plan fits the hours"

    /// The status suffix of a plan some of whose products keep their relaxed plan.
    static func notWhole(products: Int) -> String { ", \(products) product\(products == 1 ? "" : "s") not whole: no whole plan fits the hours" }

    /// The whole plan's solution, or why there is none.
    func solution() throws(PlanningError) -> Outcome {
        let scenario = model.scenario
        // A product measured in any quantity is fixed as it is where it sets up per run, so
        // that its runs stay whole.
        let rounding = scenario.products.indices.map { p in
            scenario.products[p].hasWholeQuantities || model.runs[p].contains { $0 != nil } ? LotRounding(scenario.products[p]) : nil
        }
        let integers = model.wholeColumns
        let wholeAlready = rounding.indices.allSatisfy { p in rounding[p]?.isWhole(model.production[p].map { relaxed.planValue($0) }) ?? true }
            && integers.allSatisfy { abs(relaxed[$0] - relaxed[$0].rounded()) <= LotRounding.tolerance }
        guard !wholeAlready else { return .wholeAlready }

        // Where products set up per run, the runs are chosen first, and production rounded
        // from the plan with those runs.
        let base = model.runColumns.isEmpty ? relaxed : try RelaxAndFix(model: model, solver: solver, options: options).solution(from: relaxed)
        // Where no whole plan meets as much demand, the runs stay whole in any case, with the
        // quantities chosen with them.
        let wholeProducts = rounding.compactMap { $0 }.count
        let wholeRuns: Outcome? = model.runColumns.isEmpty ? nil : .partly(carryingRelaxed(base), relaxedProducts: wholeProducts)
        let production = model.production.map { $0.map { base.planValue($0) } }
        let stock = model.inventory.map { $0.map { base.planValue($0) } }
        let up = rounding.indices.map { p in rounding[p].map { $0.rounded(production[p], stock: stock[p]) } }
        var whole = try solve(fixing: up)
        if !whole.status.hasFeasibleSolution {
            // Rounding up does not fit: each period makes no more than its spare hours allow,
            // and what it lacks is made earlier.
            let room = model.room(in: base)
            let limited = rounding.indices.map { p in
                rounding[p].map { rule in
                    rule.rounded(production[p], stock: stock[p], limit: production[p].indices.map { production[p][$0] + room[p][$0] })
                }
            }
            whole = try solve(fixing: limited)
        }
        if !whole.status.hasFeasibleSolution {
            let down = rounding.indices.map { p in rounding[p].map { $0.floored(production[p]) } }
            let floor = try solve(fixing: down)
            // Whole setups may leave no room for the rounded-down quantities.
            guard floor.status.hasFeasibleSolution else {
                if let wholeRuns { return wholeRuns }
                throw .solverStopped(floor.status)
            }
            whole = try lotSearch(rounding, from: floor)
        }
        if let keeping, keeping.count == rounding.count,
            rounding.indices.allSatisfy({ p in keeping[p].count == production[p].count && (rounding[p]?.isWhole(keeping[p]) ?? true) })
        {
            let kept = try solve(fixing: rounding.indices.map { p in rounding[p] == nil ? nil : keeping[p] })
            if kept.status.hasFeasibleSolution && kept.objective <= whole.objective + 1e-9 * max(1, abs(whole.objective)) { whole = kept }
        }
        whole = carryingRelaxed(whole)
        // Products whose whole plan meets less demand than their relaxed one (with the runs
        // chosen, where there are runs: fractional setups are not a plan either) keep the
        // relaxed quantities; the others stay as rounded.
        func short(_ solution: Solution) -> [Int] {
            rounding.indices.filter { p in
                rounding[p] != nil && model.shortfall(of: p, in: solution) > model.shortfall(of: p, in: base) + LotRounding.tolerance
            }
        }
        let shortProducts = short(whole)
        guard !shortProducts.isEmpty else { return .whole(whole) }
        guard shortProducts.count < wholeProducts else { return wholeRuns ?? .noFit }
        var kept = rounding.indices.map { p in rounding[p] == nil ? nil : model.production[p].map { whole[$0] } }
        for p in shortProducts { kept[p] = nil }
        let partly = try solve(fixing: kept, runs: shortProducts.flatMap { p in model.runColumnsByProduct[p].map { ($0, base[$0].rounded()) } })
        guard partly.status.hasFeasibleSolution, short(partly).isEmpty else { return wholeRuns ?? .noFit }
        return .partly(carryingRelaxed(partly), relaxedProducts: shortProducts.count)
    }

    /// A whole solution with the relaxation's status (where its own says only that the repair
    /// was optimal), hour values and basis.
    private func carryingRelaxed(_ whole: Solution) -> Solution {
        var carried = whole
        if carried.status == .optimal { carried.status = relaxed.status }
        carried.shadowPrices = relaxed.shadowPrices
        carried.reducedCosts = relaxed.reducedCosts
        carried.basis = relaxed.basis
        carried.relaxationObjective = relaxed.objective
        return carried
    }

    /// The model with the given products' production (and the given runs) fixed and its whole
    /// columns whole.
    ///
    /// First as an LP, all else continuous. Where that leaves workers fractional, branch-and-cut
    /// over the workers alone (a few columns per labor pool and period), for at most
    /// ``nodeLimit`` nodes — a limit that stops at the same point on every run — from the point
    /// with workers rounded up. Then, the workers fixed, receipts and routed units are rounded
    /// (receipts up within the offer, routed units by largest remainder) and the LP solved once
    /// more; should that not fit, branch-and-cut over them instead, and should that find
    /// nothing, they stay as the LP has them.
    private func solve(fixing production: [[Double]?], runs: [(VariableID, Double)] = []) throws(PlanningError) -> Solution {
        var program = model.fixing(production).fixing(runs)
        var solution = try solve(program, options.solveOptions())
        guard solution.status.hasFeasibleSolution else { return solution }
        func fractional(_ columns: [VariableID]) -> Bool {
            columns.contains { abs(solution[$0] - solution[$0].rounded()) > LotRounding.tolerance }
        }
        let workers = model.wholeWorkerColumns
        if fractional(workers) {
            let point = try solve(program.fixing(model.wholeWorkerValues(near: solution)), options.solveOptions())
            var integer = program
            for column in workers { integer.makeInteger(column) }
            let best = try solve(integer, search(from: point))
            solution = better(best, point) ?? solution
        }
        // The workers as they are now, for what follows.
        program = program.fixing(workers.map { ($0, solution[$0].rounded()) })
        let others = model.wholeReceipts + model.wholeRoutes.flatMap { $0 }
        guard fractional(others) else { return solution }
        let point = try solve(program.fixing(model.wholeValues(near: solution)), options.solveOptions())
        if point.status.hasFeasibleSolution { return point }
        var integer = program
        for column in others { integer.makeInteger(column) }
        return better(try solve(integer, search(from: nil)), nil) ?? solution
    }

    /// Where rounding up does not fit: branch-and-cut over the lot counts themselves, from the
    /// rounded-down point (which fits, but leaves demand late or unmet), for at most
    /// ``nodeLimit`` nodes. Production x = q·n with n whole where the step q is above 0; where
    /// there is a minimum lot m, a run r ∈ {0, 1} with m·r ≤ x ≤ U·r, U the product's whole
    /// demand with its target and safety stock (no period needs more).
    private func lotSearch(_ rounding: [LotRounding?], from floor: Solution) throws(PlanningError) -> Solution {
        var program = model.program
        var incumbent = floor.values
        for column in model.wholeColumns { program.makeInteger(column) }
        for (p, rule) in rounding.enumerated() {
            guard let rule else { continue }
            let product = model.scenario.products[p]
            let periods = model.production[p].indices
            let need = periods.reduce(0) { $0 + model.demand.total(product: p, period: $1) } + product.targetEndingInventory + product.safetyStock
            let most = max(need, rule.lotMin) + rule.step
            for (t, x) in model.production[p].enumerated() {
                let made = floor[x]
                if rule.step == 1 {
                    program.makeInteger(x)
                } else if rule.step > 0 {
                    let lots = program.addVariable("lots(\(p),\(t))", upperBound: (most / rule.step).rounded(.up), kind: .integer)
                    program.addConstraint("lotsize(\(p),\(t))", [Term(x, 1), Term(lots, -rule.step)], .equal(0))
                    incumbent.append((made / rule.step).rounded())
                }
                if rule.lotMin > 0 {
                    let run = program.addVariable("run(\(p),\(t))", kind: .binary)
                    program.addConstraint("lotmin(\(p),\(t))", [Term(x, 1), Term(run, -rule.lotMin)], .greaterOrEqual(0))
                    program.addConstraint("runs(\(p),\(t))", [Term(x, 1), Term(run, -most)], .lessOrEqual(0))
                    incumbent.append(made > LotRounding.tolerance ? 1 : 0)
                }
            }
        }
        var settings = search(from: nil)
        settings.incumbent = incumbent
        settings.cuts = true
        let best = try solve(program, settings)
        guard best.status.hasFeasibleSolution, best.objective < floor.objective else { return floor }
        var solution = best
        solution.values = Array(best.values.prefix(model.program.variables.count))
        solution.rowActivities = Array(best.rowActivities.prefix(model.program.constraints.count))
        return solution
    }

    /// Branch-and-cut settings: the node limit, and a whole point to improve on where there is one.
    private func search(from point: Solution?) -> SolveOptions {
        var settings = options.solveOptions()
        settings.nodeLimit = Self.nodeLimit
        if let point, point.status.hasFeasibleSolution { settings.incumbent = point.values }
        return settings
    }

    /// The cheaper of two solutions that have a plan, or `nil` if neither has one.
    private func better(_ a: Solution, _ b: Solution?) -> Solution? {
        let candidates = [a, b].compactMap { $0 }.filter(\.status.hasFeasibleSolution)
        return candidates.min { $0.objective < $1.objective }
    }

    /// Nodes branch-and-cut may take to improve a rounded point.
    static let nodeLimit = 200

    private func solve(_ program: LinearProgram, _ settings: SolveOptions) throws(PlanningError) -> Solution {
        try solver.answer(program, options: settings, failing: PlanningError.self)
    }
}

extension AggregatePlanModel {
    /// The columns a whole plan counts in whole numbers: workers, hires and layoffs (where the
    /// policy asks), subcontracted receipts and routed units of discrete products, and runs.
    var wholeColumns: [VariableID] {
        wholeWorkerColumns + wholeReceipts + wholeRoutes.flatMap { $0 } + runColumns
    }

    /// The workers', hires' and layoffs' columns of ``wholeWorkers``.
    var wholeWorkerColumns: [VariableID] { wholeWorkers.flatMap { [$0.workers, $0.hires, $0.layoffs] } }

    /// Receipts of discrete products.
    var wholeReceipts: [VariableID] {
        let productIndex = Dictionary(uniqueKeysWithValues: scenario.products.enumerated().map { ($1.id, $0) })
        return scenario.subcontractors.indices.flatMap { s -> [VariableID] in
            guard let p = productIndex[scenario.subcontractors[s].product], scenario.products[p].discrete else { return [] }
            return subcontract[s].compactMap { $0 }
        }
    }

    /// The route columns of each step with alternatives of a discrete product, per period: the
    /// columns of one split row together.
    var wholeRoutes: [[VariableID]] {
        var groups: [[VariableID]] = []
        var last: (product: Int, step: Int, period: Int)?
        for entry in routingSplit where scenario.products[entry.product].discrete {
            if let last, last == (entry.product, entry.step, entry.period) { groups[groups.count - 1].append(entry.column) }
            else { groups.append([entry.column]) }
            last = (entry.product, entry.step, entry.period)
        }
        return groups
    }

    /// Whole workers near a solution's: rounded up (down where that passes the headcount
    /// limit), hires and layoffs what the change from the period before takes.
    func wholeWorkerValues(near solution: Solution) -> [(VariableID, Double)] {
        var values: [(VariableID, Double)] = []
        var previous: [Int: Double] = [:]
        for staff in wholeWorkers {
            let upper = program.variables[staff.workers.index].upperBound
            var workers = (solution[staff.workers] - LotRounding.tolerance).rounded(.up)
            if workers > upper { workers = upper.rounded(.down) }
            let before = previous[staff.pool] ?? scenario.laborPools[staff.pool].headcount
            values += [(staff.workers, workers), (staff.hires, max(0, workers - before)), (staff.layoffs, max(0, before - workers))]
            previous[staff.pool] = workers
        }
        return values
    }

    /// Whole receipts and routed units near a solution's: receipts rounded up within the
    /// offer's capacity, routed units by largest remainder, so that they still add up to the
    /// (whole) quantity made.
    func wholeValues(near solution: Solution) -> [(VariableID, Double)] {
        var values: [(VariableID, Double)] = []
        for column in wholeReceipts {
            let upper = program.variables[column.index].upperBound
            let up = (solution[column] - LotRounding.tolerance).rounded(.up)
            values.append((column, up <= upper ? up : (solution[column] + LotRounding.tolerance).rounded(.down)))
        }
        for group in wholeRoutes {
            let shares = group.map { max(0, solution[$0]) }
            let total = shares.reduce(0, +).rounded()
            var whole = shares.map { ($0 + LotRounding.tolerance).rounded(.down) }
            let order = shares.indices.sorted { (shares[$0] - whole[$0], -$0) > (shares[$1] - whole[$1], -$1) }
            var left = Int(max(0, total - whole.reduce(0, +)))
            for i in order where left > 0 {
                whole[i] += 1
                left -= 1
            }
            values += zip(group, whole).map { ($0, $1) }
        }
        return values
    }

    /// How much more of each product each period could make in a solution's spare hours: the
    /// least over its steps of the hours its work centers (any of a step's) and labor pool have
    /// left — regular, overtime and extra shift — divided by the step's hours per unit.
    /// `[product][period]`; an estimate, as products and periods loading the same row share it.
    func room(in solution: Solution) -> [[Double]] {
        func left(_ column: VariableID?, _ hours: Double = 1) -> Double {
            guard let column else { return 0 }
            return max(0, program.variables[column.index].upperBound - solution[column]) * hours
        }
        func spare(_ row: ConstraintID?) -> Double {
            guard let row else { return .infinity }
            return max(0, program.constraints[row.index].bounds.upper - solution.rowActivities[row.index])
        }
        let periods = scenario.horizon.periodCount
        return routing.indices.map { p in
            (0..<periods).map { t in
                var most = Double.infinity
                for (k, step) in routing[p].enumerated() {
                    let target = loadPeriod[p][k][t]
                    let centers = ([step.workCenter] + step.alternatives).compactMap { workCenterIndex[$0] }
                    let hours = hoursPerUnit(step, product: p)
                    if hours > 0 {
                        let free = Set(centers).reduce(0.0) { total, w in
                            total + spare(centerRows[w][target]) + left(overtime[w][target]) + left(extraShift[w][target], extraShiftHours[w][target])
                        }
                        most = min(most, free / hours)
                    }
                    // A pool that hires has the hours it hires; one that does not, what is left.
                    if step.laborHours > 0, let l = step.laborPool.flatMap({ laborPoolIndex[$0] }), workforce[l][target] == nil {
                        most = min(most, (spare(laborRows[l][target]) + left(laborOvertime[l][target])) / step.laborHours)
                    }
                }
                return most
            }
        }
    }

    /// The program with `production[p]`'s quantities fixed, for each product given one.
    func fixing(_ production: [[Double]?]) -> LinearProgram {
        var fixed = program
        for (p, quantities) in production.enumerated() {
            guard let quantities else { continue }
            for (t, column) in self.production[p].enumerated() {
                fixed.variables[column.index].lowerBound = quantities[t]
                fixed.variables[column.index].upperBound = quantities[t]
                // A run wherever it makes anything, and none elsewhere.
                if let run = runs[p][t] {
                    let value = quantities[t] > LotRounding.tolerance ? 1.0 : 0
                    fixed.variables[run.index].lowerBound = value
                    fixed.variables[run.index].upperBound = value
                }
            }
        }
        return fixed
    }
}

extension LinearProgram {
    /// Makes a column whole, its bounds rounded inwards.
    mutating func makeInteger(_ column: VariableID) {
        variables[column.index].kind = .integer
        variables[column.index].lowerBound = (variables[column.index].lowerBound - LotRounding.tolerance).rounded(.up)
        variables[column.index].upperBound = (variables[column.index].upperBound + LotRounding.tolerance).rounded(.down)
    }

    /// The program with the given columns fixed at the given values.
    func fixing(_ values: [(VariableID, Double)]) -> LinearProgram {
        var fixed = self
        for (column, value) in values {
            fixed.variables[column.index].lowerBound = value
            fixed.variables[column.index].upperBound = value
        }
        return fixed
    }
}

