import TaktLP

/// Chooses the production runs of a plan whose products set up per run (the capacitated
/// lot-sizing problem inside the aggregate plan, see `AggregatePlanModel`): which periods
/// each product is made in, every run r[p,t] 0 or 1.
///
/// The LP relaxation of x ≤ M·r pays only x/M of a setup, so it makes a little of everything
/// every period; rounding all its runs up at once would set up every period. Instead, all
/// other quantities continuous:
///
/// 1. Relax-and-fix over time: the horizon in ``windows`` consecutive windows; in turn, the
///    runs of one window are rounded from the relaxation solved again with the windows
///    before it fixed as chosen, those after it still relaxed.
/// 2. Fix-and-optimize by product family: in turn, the runs of one family are binary over
///    the whole horizon, every other run fixed, and GLPK's branch-and-cut searches them for
///    at most `WholePlan.nodeLimit` nodes (the same point on every run), from the plan so
///    far, so the cost never rises. A family of more than ``searchLimit`` runs keeps it.
///
/// Rounding puts a run wherever the plan so far makes anything; where that does not fit,
/// only where it makes a minimum run already; where that does not fit either, nowhere,
/// which always fits, since unmet demand is a column. The relaxation's objective is below
/// the result, a bound on how far from the optimum it is.
struct RelaxAndFix {
    let model: AggregatePlanModel
    let solver: any Solver
    let options: PlanOptions

    /// How many time windows relax-and-fix takes the horizon in.
    static let windows = 4

    /// The most runs one MIP searches over. On the big-M link, branch-and-cut within its node
    /// limit found nothing better than the rounded-up incumbent on 260 runs of a 20-product
    /// plant (8 MIPs, 90 s); on a product's 52 weeks it finds the optimum. Beyond this, a
    /// part's runs are rounded up from the relaxation re-solved with the earlier parts fixed.
    static let searchLimit = 64

    /// A solution of the model whose runs are all 0 or 1, chosen from the relaxed one.
    func solution(from relaxed: Solution) throws(PlanningError) -> Solution {
        let periods = model.scenario.horizon.periodCount
        let byPeriod = model.runColumnsByPeriod
        var current = relaxed
        var fixed: [(VariableID, Double)] = []
        let width = max(1, (periods + Self.windows - 1) / Self.windows)
        for start in stride(from: 0, to: periods, by: width) {
            let window = (start..<min(periods, start + width)).flatMap { byPeriod[$0] }
            guard !window.isEmpty else { continue }
            current = try improve(model.program.fixing(fixed), free: window, from: current, searching: false)
            fixed += window.map { ($0, current[$0].rounded()) }
        }
        let families = Dictionary(grouping: model.runColumnsByProduct.indices) { model.scenario.products[$0].family }
        for family in families.keys.sorted() {
            let free = Set(families[family]!.flatMap { model.runColumnsByProduct[$0] })
            guard !free.isEmpty else { continue }
            let others = model.runColumns.filter { !free.contains($0) }.map { ($0, current[$0].rounded()) }
            current = try improve(model.program.fixing(others), free: free.sorted { $0.index < $1.index }, from: current)
        }
        return current
    }

    /// The best plan found with the `free` runs binary in `program`, from `current`'s runs
    /// rounded: up where that fits, else a run only where `current` makes a minimum run
    /// already, else none at all (which always fits: what is not made is late or unmet).
    private func improve(_ program: LinearProgram, free: [VariableID], from current: Solution, searching: Bool = true) throws(PlanningError) -> Solution {
        var point = try solve(program.fixing(free.map { ($0, current[$0] > LotRounding.tolerance ? 1.0 : 0.0) }), options.solveOptions())
        if !point.status.hasFeasibleSolution {
            let minimumRun = Dictionary(uniqueKeysWithValues: model.runRows.map { link in
                (link.run, current[model.production[link.product][link.period]] >= model.runMinimum(link.product) * (1 - LotRounding.tolerance))
            })
            point = try solve(program.fixing(free.map { ($0, minimumRun[$0] == true ? 1.0 : 0) }), options.solveOptions())
        }
        if !point.status.hasFeasibleSolution { point = try solve(program.fixing(free.map { ($0, 0.0) }), options.solveOptions()) }
        if !searching || free.count > Self.searchLimit, point.status.hasFeasibleSolution { return point }
        var integer = program
        for column in free { integer.makeInteger(column) }
        var settings = options.solveOptions()
        settings.nodeLimit = WholePlan.nodeLimit
        if point.status.hasFeasibleSolution { settings.incumbent = point.values }
        let best = try solve(integer, settings)
        let candidates = [best, point].filter(\.status.hasFeasibleSolution)
        guard let chosen = candidates.min(by: { $0.objective < $1.objective }) else { throw .solverStopped(best.status) }
        return chosen
    }

    private func solve(_ program: LinearProgram, _ settings: SolveOptions) throws(PlanningError) -> Solution {
        try solver.answer(program, options: settings, failing: PlanningError.self)
    }
}

extension AggregatePlanModel {
    /// Every run column.
    var runColumns: [VariableID] { runColumnsByProduct.flatMap { $0 } }

    /// The run columns of each period.
    var runColumnsByPeriod: [[VariableID]] {
        var columns = [[VariableID]](repeating: [], count: scenario.horizon.periodCount)
        for product in runs { for (t, run) in product.enumerated() { if let run { columns[t].append(run) } } }
        return columns
    }

    /// The run columns of each product.
    var runColumnsByProduct: [[VariableID]] {
        runs.map { $0.compactMap { $0 } }
    }
}
