import Foundation
import TaktGLPK
import TaktLP

/// Plans scenarios at once, one per core, each on its own thread with its own GLPK problem.
enum ParallelPlanning {
    static func plan(
        _ scenarios: [Scenario], options: PlanOptions, solver: any Solver, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(PlanningError) -> [ProductionPlanResult] {
        let slots = Slots(count: scenarios.count)
        DispatchQueue.concurrentPerform(iterations: scenarios.count) { i in
            let result = Result { () throws(PlanningError) in try AggregatePlanner(scenarios[i], solver: solver).plan(options) }
            let finished = slots.set(i, result)
            progress?(finished, scenarios.count)
        }
        return try slots.plans()
    }

    /// Plans `base`, then `others` in parallel, each keeping the base plan where the optimal
    /// cost allows (see ``PlanOptions/keeping(_:)``).
    static func plan(
        keeping base: Scenario, _ others: [Scenario], options: PlanOptions, solver: any Solver,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(PlanningError) -> (base: ProductionPlanResult, others: [ProductionPlanResult]) {
        let made = try AggregatePlanner(base, solver: solver).plan(options, from: nil)
        progress?(1, others.count + 1)
        let plans = try plan(others, options: options.keeping(made.plan), solver: solver) { finished, _ in progress?(finished + 1, others.count + 1) }
        return (made.plan, plans)
    }

    /// Plans `base`, then its what-ifs warm in `WarmChains`: chains in parallel, each what-if
    /// from the plan before it in its chain, the first from the base plan, in the GLPK problem
    /// already loaded where the shape allows (see ``WarmChainRun``). While the base is
    /// solved, the other chains' threads build the what-ifs' models (which need nothing from
    /// it) in the order the chains will want them; they stop building the moment the base is
    /// planned, and a chain builds whatever model is not ready when it gets there. (Building
    /// all 32 of the sample plant's models took longer than planning its base: a barrier
    /// after both left the base's core idle.) `progress` counts the base as the first of
    /// `whatIfs.count + 1`. With `keepingBase`, every what-if keeps the base plan where the
    /// optimal cost allows (see ``PlanOptions/keeping(_:)``).
    static func plan(
        warm base: Scenario, _ whatIfs: [Scenario], options: PlanOptions, keepingBase: Bool = false, solver: any Solver,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(PlanningError) -> (base: ProductionPlanResult, whatIfs: [ProductionPlanResult]) {
        let planners = whatIfs.map { AggregatePlanner($0, solver: solver) }
        let chains = WarmChains(base: base, whatIfs: whatIfs).chains
        let models = Shelf<AggregatePlanModel>(count: whatIfs.count)
        let basePlan = Gate<Result<(plan: ProductionPlanResult, start: PlanStart?), PlanningError>>()
        let slots = Slots(count: whatIfs.count)
        // First steps of every chain first: the order in which the chains reach them.
        let buildOrder = (0..<(chains.map(\.count).max() ?? 0)).flatMap { step in chains.compactMap { step < $0.count ? $0[step] : nil } }
            .filter { !planners[$0].plansFamiliesFirst(options) }

        func runChain(_ chain: [Int], from made: (plan: ProductionPlanResult, start: PlanStart?)) {
            let chainRun = WarmChainRun(planners: planners, options: keepingBase ? options.keeping(made.plan) : options)
            chainRun.run(chain, from: made.start, model: { i in
                planners[i].plansFamiliesFirst(options) ? nil : models.take(i) ?? planners[i].model()
            }) { i, outcome in
                let finished = slots.set(i, outcome.map(\.plan))
                progress?(finished + 1, whatIfs.count + 1)
            }
        }
        // Threads of their own rather than a dispatch pool: they wait for the base, which is
        // safe only where each waiting chain surely has a thread.
        let helpers = chains.indices.dropFirst().map { c in
            WorkerThread {
                for i in buildOrder where !basePlan.isOpen && !models.contains(i) { models.put(i, planners[i].model()) }
                guard case .success(let made) = basePlan.wait() else { return }
                runChain(chains[c], from: made)
            }
        }
        helpers.forEach { $0.start() }
        let made = Result { () throws(PlanningError) in try AggregatePlanner(base, solver: solver).plan(options, from: nil) }
        basePlan.open(made)
        if case .success(let first) = made {
            progress?(1, whatIfs.count + 1)
            if let chain = chains.first { runChain(chain, from: first) }
        }
        helpers.forEach { $0.join() }
        return (try made.get().plan, try slots.plans())
    }
}

extension ParallelPlanning {
    /// Plans `base`, then `chains` of its what-ifs (indices into `whatIfs`; together each
    /// index once) on every core, each chain on one thread in order, its first what-if from
    /// the base plan and each next from the one before it (see ``WarmChainRun``), every one
    /// keeping the base plan where the optimal cost allows. A what-if's plan depends on the
    /// base and on the what-ifs before it in its chain only, not on the other chains, so
    /// chains planned apart (in shards, on other machines) give the same plans.
    static func plan(
        warm base: Scenario, _ whatIfs: [Scenario], chains: [[Int]], options: PlanOptions, solver: any Solver,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(PlanningError) -> [ProductionPlanResult] {
        let made = try AggregatePlanner(base, solver: solver).plan(options, from: nil)
        let planners = whatIfs.map { AggregatePlanner($0, solver: solver) }
        let keeping = options.keeping(made.plan)
        let slots = Slots(count: whatIfs.count)
        DispatchQueue.concurrentPerform(iterations: chains.count) { c in
            WarmChainRun(planners: planners, options: keeping).run(chains[c], from: made.start, model: { i in
                planners[i].plansFamiliesFirst(options) ? nil : planners[i].model()
            }) { i, outcome in
                let finished = slots.set(i, outcome.map(\.plan))
                progress?(finished, whatIfs.count)
            }
        }
        return try slots.plans()
    }
}
