import TaktLP

/// Plans one warm chain's what-ifs, one after another on one thread.
///
/// A what-if whose model has the shape of the plan before it (the same rows, columns and
/// coefficients: demand, hours or costs changed) is re-solved in the GLPK problem already
/// loaded: only the bounds and costs that differ are set, and the dual simplex goes on from
/// the basis and factorisation the problem holds. That skips loading, validating the whole
/// program, carrying the basis over by name and factorising — more than half of a small
/// what-if's time on the sample plant. A what-if of another shape (a rush order's new demand
/// class) is loaded on its own from the last plan's basis; the chain then goes on in the
/// problem it had, unless the next what-if has the new shape too.
struct WarmChainRun {
    typealias Outcome = Result<(plan: ProductionPlanResult, start: PlanStart?), PlanningError>

    let planners: [AggregatePlanner]
    let options: PlanOptions

    /// Plans `chain` (indices into `planners`) from `start`; `model` gives a what-if's model
    /// (nil for one planned families first), `record` takes each what-if's outcome in turn.
    func run(_ chain: [Int], from start: PlanStart?, model: (Int) -> AggregatePlanModel?, record: (Int, Outcome) -> Void) {
        var previous = start
        var position = 0
        var ahead: (position: Int, model: AggregatePlanModel?)?
        func modelAt(_ position: Int) -> AggregatePlanModel? {
            if let ahead, ahead.position == position { return ahead.model }
            let made = model(chain[position])
            ahead = (position, made)
            return made
        }
        /// A what-if planned in a problem of its own, from `previous`.
        func planAlone(_ i: Int, _ made: AggregatePlanModel?) -> Outcome {
            Result { () throws(PlanningError) in
                if let made { return try planners[i].plan(made, options, from: previous) }
                return try planners[i].plan(options, from: previous)
            }
        }

        // Set if loading a plan's own program again fails (it was solved before, so it should
        // not): the rest are then planned each on its own.
        var sessionsFail = false
        while position < chain.count {
            guard !sessionsFail, let trunk = previous else {
                let i = chain[position]
                let outcome = planAlone(i, modelAt(position))
                position += 1
                // A plan made families first leaves no start; the next starts from the last one.
                if case .success(let made) = outcome, let next = made.start { previous = next }
                record(i, outcome)
                continue
            }
            var settings = options.started().solveOptions(presolve: false)
            settings.startingBasis = trunk.basis
            do {
                try planners[chain[position]].solver.withWarmStart(trunk.program, options: settings) { session in
                    while position < chain.count {
                        let i = chain[position]
                        let made = modelAt(position)
                        position += 1
                        guard let made, made.program.differsOnlyInBoundsAndCosts(from: session.program) else {
                            let outcome = planAlone(i, made)
                            record(i, outcome)
                            guard case .success(let plan) = outcome, let next = plan.start else { continue }
                            // Go on from this plan in a problem of its shape if the next what-if has it.
                            if position < chain.count, let following = modelAt(position),
                                following.program.differsOnlyInBoundsAndCosts(from: next.program),
                                !following.program.differsOnlyInBoundsAndCosts(from: session.program)
                            {
                                previous = next
                                return
                            }
                            continue
                        }
                        let outcome = Result { () throws(PlanningError) in try planners[i].plan(made, options, in: session) }
                        if case .success(let plan) = outcome, let next = plan.start { previous = next }
                        record(i, outcome)
                    }
                }
            } catch {
                sessionsFail = true
            }
        }
    }
}
