/// What a schedule is judged by, compared lexicographically: the first measure, then the next
/// to break ties, and so on. Lower is better for every measure.
public struct ScheduleObjective: Hashable, Sendable, CustomStringConvertible {
    public enum Measure: String, CaseIterable, Hashable, Sendable {
        /// The time the last operation ends.
        case makespan
        /// Σ weight × max(0, completion − due) over jobs with a due date.
        case weightedTardiness = "tardiness"
        /// Σ weight × (completion − due) over jobs with a due date: early jobs count against late ones.
        case weightedLateness = "lateness"
        /// Σ setup time over machines.
        case setupTime = "setup-time"
        /// The number of setups (changeovers that take time).
        case setupCount = "setups"
        /// Σ |start − planned start| over operations with a planned start: how far a
        /// reschedule moves what an earlier schedule had.
        case displacement
    }

    public var measures: [Measure]

    public init(_ measures: [Measure]) { self.measures = measures.isEmpty ? [.makespan] : measures }

    public static let makespan = ScheduleObjective([.makespan])
    /// Weighted tardiness, ties broken by the makespan.
    public static let weightedTardiness = ScheduleObjective([.weightedTardiness, .makespan])
    /// Weighted lateness, ties broken by the makespan.
    public static let weightedLateness = ScheduleObjective([.weightedLateness, .makespan])

    /// The measures' values for a schedule, in order.
    public func value(of schedule: Schedule, in problem: ShopProblem) -> [Int] {
        measures.map { schedule.value(of: $0, in: problem) }
    }

    public var description: String { measures.map(\.rawValue).joined(separator: ", ") }
}

extension Schedule {
    public func value(of measure: ScheduleObjective.Measure, in problem: ShopProblem) -> Int {
        switch measure {
        case .makespan: makespan
        case .weightedTardiness: weightedTardiness(problem)
        case .weightedLateness: weightedLateness(problem)
        case .setupTime: setups(problem).time
        case .setupCount: setups(problem).count
        case .displacement:
            zip(problem.operations, assignments).reduce(0) { total, pair in total + (pair.0.planned.map { abs(pair.1.start - $0) } ?? 0) }
        }
    }

    /// When each job is done: the end of its last operation.
    public func completion(of job: ShopProblem.Job) -> Int { job.operations.map { assignments[$0].end }.max() ?? 0 }

    /// Σ weight × max(0, completion − due) over jobs with a due date.
    public func weightedTardiness(_ problem: ShopProblem) -> Int {
        problem.jobs.reduce(0) { total, job in
            guard let due = job.due else { return total }
            return total + job.weight * max(0, completion(of: job) - due)
        }
    }

    /// Σ weight × (completion − due) over jobs with a due date.
    public func weightedLateness(_ problem: ShopProblem) -> Int {
        problem.jobs.reduce(0) { total, job in
            guard let due = job.due else { return total }
            return total + job.weight * (completion(of: job) - due)
        }
    }

    /// The setups between consecutive operations on each machine, by the problem's setup times.
    public func setups(_ problem: ShopProblem) -> (count: Int, time: Int) {
        var count = 0, time = 0
        for sequence in machineSequences(problem.machineCount) {
            for (a, b) in zip(sequence, sequence.dropFirst()) {
                let t = problem.setupTimes.time(from: problem.operations[a].setupFamily, to: problem.operations[b].setupFamily)
                if t > 0 { count += 1; time += t }
            }
        }
        return (count, time)
    }

    /// Each machine's operations in the order they start (those of no duration included).
    public func machineSequences(_ machineCount: Int) -> [[Int]] {
        var order = [[Int]](repeating: [], count: machineCount)
        for o in assignments.indices.sorted(by: { (assignments[$0].start, assignments[$0].end, $0) < (assignments[$1].start, assignments[$1].end, $1) }) {
            if order.indices.contains(assignments[o].machine) { order[assignments[o].machine].append(o) }
        }
        return order
    }
}
