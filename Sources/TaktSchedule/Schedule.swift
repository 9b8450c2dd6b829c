/// A schedule: for every operation, its machine and start; ends follow from the durations.
public struct Schedule: Hashable, Sendable {
    /// Where and when one operation runs.
    public struct Assignment: Hashable, Sendable {
        public var machine: Int
        public var start: Int
        public var end: Int

        public init(machine: Int, start: Int, end: Int) {
            self.machine = machine
            self.start = start
            self.end = end
        }
    }

    public var assignments: [Assignment]

    public init(assignments: [Assignment]) { self.assignments = assignments }

    /// The time the last operation ends.
    public var makespan: Int { assignments.map(\.end).max() ?? 0 }

    /// Σ weight × max(0, completion − due) over jobs with a due date.
    public func weightedTardiness(_ problem: ShopProblem) -> Int {
        problem.jobs.reduce(0) { total, job in
            guard let due = job.due, let last = job.operations.last else { return total }
            return total + job.weight * max(0, assignments[last].end - due)
        }
    }

    /// The schedule's violations of `problem`, checked independently of how it was made: an
    /// operation on a machine that cannot do it or with the wrong duration, a job's
    /// operation before its predecessor ends or before the job's release, two operations at
    /// once on one machine. Empty when the schedule is feasible.
    public func violations(of problem: ShopProblem) -> [String] {
        var found: [String] = []
        guard assignments.count == problem.operations.count else {
            return ["\(assignments.count) operations scheduled, the problem has \(problem.operations.count)"]
        }
        for (o, a) in assignments.enumerated() {
            guard let mode = problem.operations[o].modes.first(where: { $0.machine == a.machine }) else {
                found.append("operation \(o) on machine \(a.machine), which cannot do it")
                continue
            }
            if a.end - a.start != mode.duration { found.append("operation \(o) takes \(a.end - a.start), not \(mode.duration)") }
            if a.start < 0 { found.append("operation \(o) starts at \(a.start)") }
        }
        for job in problem.jobs {
            if let first = job.operations.first, assignments[first].start < job.release {
                found.append("job \(job.name) starts at \(assignments[first].start), before its release \(job.release)")
            }
            for (a, b) in zip(job.operations, job.operations.dropFirst()) where assignments[b].start < assignments[a].end {
                found.append("job \(job.name): operation \(b) starts at \(assignments[b].start), before \(a) ends at \(assignments[a].end)")
            }
        }
        for machine in 0..<problem.machineCount {
            let on = assignments.indices.filter { assignments[$0].machine == machine && assignments[$0].end > assignments[$0].start }
                .sorted { (assignments[$0].start, $0) < (assignments[$1].start, $1) }
            for (a, b) in zip(on, on.dropFirst()) where assignments[b].start < assignments[a].end {
                found.append("machine \(machine): operations \(a) and \(b) overlap")
            }
        }
        return found
    }
}
