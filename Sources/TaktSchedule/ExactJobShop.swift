import TaktLP

/// The job shop as a mixed-integer program, for a proof of optimality on small cases: the
/// disjunctive model of Manne (1960).
///
///     minimise    C
///     subject to  s_b ≥ s_a + p_a                       a before b in a job
///                 s_o ≥ r_job(o)                         releases
///                 C ≥ s_o + p_o                          every operation
///                 s_a + p_a ≤ s_b + H (1 − y_ab)         a, b on one machine: y_ab = 1 if a first
///                 s_b + p_b ≤ s_a + H y_ab
///                 s_o ≥ 0, y_ab ∈ {0, 1}
///
/// with H an upper bound on the makespan (a known schedule's, which also bounds C). The
/// number of binaries grows with the square of the operations per machine, so this is for
/// a few dozen operations; the tabu search is for the rest. Operations with several machines
/// are scheduled on the machine a start schedule gives them.
public struct ExactJobShop: Sendable {
    public var solver: any Solver
    public var options: SolveOptions

    public init(solver: any Solver, options: SolveOptions = SolveOptions(timeLimit: 60)) {
        self.solver = solver
        self.options = options
    }

    /// What the solver proved: the schedule it found, whether it is optimal, and the lower
    /// bound on the makespan.
    public struct Result: Sendable {
        public var schedule: Schedule
        public var status: TerminationStatus
        public var lowerBound: Int
    }

    /// Solves from `start` (its makespan bounds the model; by default the tabu search's).
    public func solve(_ problem: ShopProblem, from start: Schedule? = nil) throws -> Result {
        try problem.validate()
        let start = try start ?? TabuSearch(iterations: 2_000).schedule(problem)
        let horizon = Double(start.makespan)
        let machine = start.assignments.map(\.machine)
        let duration = problem.operations.indices.map { o in Double(problem.operations[o].modes.first { $0.machine == machine[o] }!.duration) }
        var lp = LinearProgram(name: "job_shop")
        let s = problem.operations.indices.map { lp.addVariable("s\($0)", upperBound: horizon) }
        let c = lp.addVariable("C", upperBound: horizon, objective: 1)
        for job in problem.jobs {
            if let first = job.operations.first, job.release > 0 {
                lp.addConstraint("r\(first)", [Term(s[first], 1)], .greaterOrEqual(Double(job.release)))
            }
            for (a, b) in zip(job.operations, job.operations.dropFirst()) {
                lp.addConstraint("p\(a)_\(b)", [Term(s[b], 1), Term(s[a], -1)], .greaterOrEqual(duration[a]))
            }
        }
        for o in problem.operations.indices { lp.addConstraint("c\(o)", [Term(c, 1), Term(s[o], -1)], .greaterOrEqual(duration[o])) }
        for m in 0..<problem.machineCount {
            let on = problem.operations.indices.filter { machine[$0] == m }
            for (i, a) in on.enumerated() {
                for b in on[(i + 1)...] {
                    let y = lp.addVariable("y\(a)_\(b)", kind: .binary)
                    // a first: s_b − s_a + H y ≥ p_a − H … written as s_b − s_a − H y ≥ p_a − H.
                    lp.addConstraint("d\(a)_\(b)", [Term(s[b], 1), Term(s[a], -1), Term(y, -horizon)], .greaterOrEqual(duration[a] - horizon))
                    lp.addConstraint("d\(b)_\(a)", [Term(s[a], 1), Term(s[b], -1), Term(y, horizon)], .greaterOrEqual(duration[b]))
                }
            }
        }
        let solution = try solver.solve(lp, options: options)
        guard solution.status.hasFeasibleSolution else {
            return Result(schedule: start, status: solution.status, lowerBound: 0)
        }
        let starts = s.map { Int(solution.values[$0.index].rounded()) }
        let schedule = Schedule(assignments: problem.operations.indices.map {
            Schedule.Assignment(machine: machine[$0], start: starts[$0], end: starts[$0] + Int(duration[$0]))
        })
        let bound = solution.status == .optimal ? schedule.makespan : Int((solution.bestBound ?? 0).rounded(.up))
        return Result(schedule: schedule.makespan <= start.makespan ? schedule : start, status: solution.status, lowerBound: bound)
    }
}
