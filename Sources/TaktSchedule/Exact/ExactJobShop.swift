import TaktLP

/// A shop problem as a mixed-integer program, for a proof of optimality (or a lower bound) on
/// small cases: the disjunctive model of Manne (1960) with releases, lags, setups and fixed
/// operations.
///
///     minimise    C                                    (makespan), or
///                 Σj w_j T_j  with T_j ≥ C_j − d_j, T_j ≥ 0       (weighted tardiness), or
///                 Σj w_j (C_j − d_j)                   (weighted lateness)
///     subject to  s_b ≥ s_a + p_a + lag_ab              every precedence a → b
///                 s_b ≤ s_a + p_a + maxlag_ab           where it has a maximum lag
///                 s_o ≥ r_job(o);  s_o = f_o            releases; fixed operations
///                 C ≥ s_o + p_o;  C_j ≥ s_o + p_o       every operation o (of job j)
///                 s_b ≥ s_a + p_a + S_ab − H (1 − y_ab)  a, b on one machine: y_ab = 1 if a first
///                 s_a ≥ s_b + p_b + S_ba − H y_ab
///                 s_o ≥ 0, y_ab ∈ {0, 1}
///
/// with S the setup times and H a bound on every end: a known schedule's makespan for the
/// makespan (it also bounds C), otherwise the latest release plus every duration, lag and
/// largest setup. Setups count between every ordered pair on a machine, so with setup times
/// that break the triangle inequality the model may miss an optimum. The number of binaries
/// grows with the square of the operations per machine, so this is for a few dozen
/// operations; the tabu search is for the rest. Operations with several machines are
/// scheduled on the machine the start schedule gives them; calendars and labor pools are not
/// in the model.
public struct ExactJobShop: Sendable {
    public var solver: any Solver
    public var options: SolveOptions
    public var objective: ScheduleObjective

    public init(solver: any Solver, options: SolveOptions = SolveOptions(timeLimit: 60), objective: ScheduleObjective = .makespan) {
        self.solver = solver
        self.options = options
        self.objective = objective
    }

    /// What the solver proved: the better of its schedule and the start, whether it is
    /// optimal, and the lower bound on the objective's first measure.
    public struct Result: Sendable {
        public var schedule: Schedule
        public var status: TerminationStatus
        public var lowerBound: Int
        /// (value − bound) / value of the first measure, 0 when proved optimal.
        public var gap: Double
    }

    /// Solves from `start` (its value bounds the model; by default the tabu search's).
    public func solve(_ problem: ShopProblem, from start: Schedule? = nil) throws -> Result {
        try problem.validate()
        guard problem.calendars.allSatisfy(\.isAlways) else { throw ShopProblemError.invalid("the exact model has no machine calendars") }
        guard problem.operations.allSatisfy({ $0.labor == nil }) else { throw ShopProblemError.invalid("the exact model has no labor pools") }
        let measure = objective.measures[0]
        guard [.makespan, .weightedTardiness, .weightedLateness].contains(measure) else {
            throw ShopProblemError.invalid("the exact model minimises the makespan, tardiness or lateness, not \(measure.rawValue)")
        }
        let start = try start ?? TabuSearch(iterations: 2_000, objective: objective).schedule(problem)
        let machine = start.assignments.map(\.machine)
        let duration = problem.operations.indices.map { o in Double(problem.operations[o].duration(on: machine[o])!) }
        let maxSetup = Double(problem.setupTimes.longest)
        let horizon = measure == .makespan
            ? Double(start.makespan)
            : Double(problem.jobs.map(\.release).max() ?? 0) + duration.reduce(0, +) + Double(problem.precedences.reduce(0) { $0 + $1.minLag })
                + maxSetup * Double(problem.operations.count) + Double(problem.operations.compactMap { $0.fixed?.start }.max() ?? 0)
        var release = [Double](repeating: 0, count: problem.operations.count)
        for job in problem.jobs { for o in job.operations { release[o] = Double(job.release) } }

        var lp = LinearProgram(name: "job_shop")
        let s = problem.operations.indices.map { o -> VariableID in
            if let fixed = problem.operations[o].fixed {
                return lp.addVariable("s\(o)", lowerBound: Double(fixed.start), upperBound: Double(fixed.start))
            }
            return lp.addVariable("s\(o)", lowerBound: release[o], upperBound: max(release[o], horizon))
        }
        for arc in problem.arcs {
            lp.addConstraint("p\(arc.before)_\(arc.after)", [Term(s[arc.after], 1), Term(s[arc.before], -1)],
                .greaterOrEqual(duration[arc.before] + Double(arc.minLag)))
            if let maxLag = arc.maxLag {
                lp.addConstraint("q\(arc.before)_\(arc.after)", [Term(s[arc.after], 1), Term(s[arc.before], -1)],
                    .lessOrEqual(duration[arc.before] + Double(maxLag)))
            }
        }
        switch measure {
        case .makespan:
            let c = lp.addVariable("C", upperBound: horizon, objective: 1)
            for o in problem.operations.indices { lp.addConstraint("c\(o)", [Term(c, 1), Term(s[o], -1)], .greaterOrEqual(duration[o])) }
        default:
            for (j, job) in problem.jobs.enumerated() {
                guard let due = job.due else { continue }
                let tardy = measure == .weightedTardiness
                // T_j is the tardiness, or (free down to −d_j, as C_j ≥ 0) the lateness itself.
                let t = lp.addVariable("T\(j)", lowerBound: tardy ? 0 : -Double(due), objective: Double(job.weight))
                for o in job.operations {
                    lp.addConstraint("t\(j)_\(o)", [Term(t, 1), Term(s[o], -1)], .greaterOrEqual(duration[o] - Double(due)))
                }
            }
        }
        for m in 0..<problem.machineCount {
            let on = problem.operations.indices.filter { machine[$0] == m }
            for (i, a) in on.enumerated() {
                for b in on[(i + 1)...] {
                    if problem.operations[a].fixed != nil && problem.operations[b].fixed != nil { continue }
                    let ab = Double(problem.setupTimes.time(from: problem.operations[a].setupFamily, to: problem.operations[b].setupFamily))
                    let ba = Double(problem.setupTimes.time(from: problem.operations[b].setupFamily, to: problem.operations[a].setupFamily))
                    let big = horizon + max(ab, ba)
                    let y = lp.addVariable("y\(a)_\(b)", kind: .binary)
                    // a first: s_b − s_a − H y ≥ p_a + S_ab − H; b first: s_a − s_b + H y ≥ p_b + S_ba.
                    lp.addConstraint("d\(a)_\(b)", [Term(s[b], 1), Term(s[a], -1), Term(y, -big)], .greaterOrEqual(duration[a] + ab - big))
                    lp.addConstraint("d\(b)_\(a)", [Term(s[a], 1), Term(s[b], -1), Term(y, big)], .greaterOrEqual(duration[b] + ba))
                }
            }
        }
        let startValue = start.value(of: measure, in: problem)
        let solution = try solver.solve(lp, options: options)
        guard solution.status.hasFeasibleSolution else {
            return Result(schedule: start, status: solution.status, lowerBound: 0, gap: 1)
        }
        let starts = s.map { Int(solution.values[$0.index].rounded()) }
        let schedule = Schedule(assignments: problem.operations.indices.map {
            Schedule.Assignment(machine: machine[$0], start: starts[$0], end: starts[$0] + Int(duration[$0]))
        })
        let found = schedule.violations(of: problem).isEmpty && schedule.value(of: measure, in: problem) <= startValue ? schedule : start
        let value = found.value(of: measure, in: problem)
        let bound = solution.status == .optimal ? value : Int(((solution.bestBound ?? -Double(ShopProblem.maximumTime)) - 1e-6).rounded(.up))
        let gap = value == 0 ? 0 : max(0, Double(value - bound) / Double(abs(value)))
        return Result(schedule: found, status: solution.status, lowerBound: min(bound, value), gap: solution.status == .optimal ? 0 : gap)
    }
}
