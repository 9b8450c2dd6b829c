import Foundation
import TaktGLPK
import TaktLP

/// Plans a base scenario and its what-ifs, in parallel across cores, and compares them.
///
///     let run = try WhatIfAnalysis(base: scenario, overlays: [rushOrder, machineDown]).run()
///     run.comparison.measures.first { $0.name == "total cost" }?.values   // base, rush, machine down
///
/// Each scenario is planned on its own thread with its own GLPK problem, exactly as it would
/// be alone: the results are the same as planning them one by one.
public struct WhatIfAnalysis: Sendable {
    public var base: Scenario
    public var overlays: [ScenarioOverlay]
    public var options: PlanOptions
    public var solver: any Solver
    /// Plan the base first, then the what-ifs from the optimal basis of a plan already made
    /// (see ``AggregatePlanner/plan(_:from:)``): each from the nearest in total demand, in
    /// `WarmChains` planned in parallel. Same costs as planned from scratch; with
    /// ``keepsBase``, the same plans too (else, where several plans cost the same, the one
    /// found may differ from a cold plan's). The chains depend on the scenarios only, so the
    /// results are the same on every run and every machine.
    public var warmStart: Bool
    /// Each what-if keeps its base plan where the optimal cost allows (a second pass, see
    /// ``AggregatePlanner/plan(_:keeping:)``, on the optimal face), so that what
    /// differs from the base is a consequence of the what-if, not of a tie, and a what-if
    /// planned warm is the plan planned cold. Off, what-ifs are planned as alone.
    public var keepsBase: Bool

    public init(
        base: Scenario, overlays: [ScenarioOverlay], options: PlanOptions = PlanOptions(), solver: any Solver = GLPKSolver(),
        warmStart: Bool = false, keepsBase: Bool = true
    ) {
        self.base = base
        self.overlays = overlays
        self.options = options
        self.solver = solver
        self.warmStart = warmStart
        self.keepsBase = keepsBase
    }

    /// The scenarios planned: the base, then each overlay applied to it.
    public var scenarios: [Scenario] { [base] + overlays.map { $0.applied(to: base) } }

    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(PlanningError) -> (outcomes: [WhatIfOutcome], comparison: WhatIfComparison) {
        let scenarios = self.scenarios
        // One budget for the whole run, warm or cold, so both end the same way.
        let options = options.started()
        var plans: [ProductionPlanResult]
        if warmStart {
            let (basePlan, whatIfs) = try ParallelPlanning.plan(
                warm: base, Array(scenarios.dropFirst()), options: options, keepingBase: keepsBase, solver: solver
            ) { finished, _ in progress?(finished, scenarios.count) }
            plans = [basePlan] + whatIfs
        } else if keepsBase {
            let (basePlan, whatIfs) = try ParallelPlanning.plan(
                keeping: base, Array(scenarios.dropFirst()), options: options, solver: solver, progress: progress)
            plans = [basePlan] + whatIfs
        } else {
            plans = try ParallelPlanning.plan(scenarios, options: options, solver: solver, progress: progress)
        }
        let outcomes = zip(scenarios, plans).enumerated().map { i, pair in WhatIfOutcome(name: i == 0 ? "base" : pair.0.name, plan: pair.1) }
        return (outcomes, WhatIfComparison(outcomes))
    }
}
