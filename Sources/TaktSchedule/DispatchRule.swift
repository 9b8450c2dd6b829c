/// Priority rules for choosing among operations that compete for a machine.
public enum DispatchRule: String, CaseIterable, Hashable, Sendable {
    /// Shortest processing time first.
    case shortestProcessingTime = "spt"
    /// Most work remaining in the job first.
    case mostWorkRemaining = "mwkr"
    /// Earliest due date first (jobs without one last).
    case earliestDueDate = "edd"
    /// Earliest release, then the order of the jobs: first come, first served.
    case firstComeFirstServed = "fcfs"
}

/// Giffler and Thompson's generation of an active schedule (1960): repeatedly take the
/// operation that could finish first among each job's next ones, and on its machine choose,
/// by a priority rule, among the competing operations that could start before that finish.
/// Every schedule made is active (no operation could start earlier without delaying
/// another), and the optimal makespan is among the active schedules. For an operation with
/// several machines, the machine on which it would finish first is taken.
///
/// - Complexity: O(operations × jobs).
public struct GifflerThompson: Sendable {
    public var rule: DispatchRule

    public init(rule: DispatchRule = .mostWorkRemaining) { self.rule = rule }

    public func schedule(_ problem: ShopProblem) throws(ShopProblemError) -> Schedule {
        try problem.validate()
        return sequences(problem).schedule
    }

    func sequences(_ problem: ShopProblem) -> (schedule: Schedule, sequences: MachineSequences) {
        let n = problem.operations.count
        var next = [Int](repeating: 0, count: problem.jobs.count)  // position of each job's next operation
        var jobReady = problem.jobs.map(\.release)
        var machineReady = [Int](repeating: 0, count: problem.machineCount)
        var assignments = [Schedule.Assignment](repeating: Schedule.Assignment(machine: 0, start: 0, end: 0), count: n)
        var order = [[Int]](repeating: [], count: problem.machineCount)
        var remaining = problem.jobs.map { job in job.operations.reduce(0) { $0 + (problem.operations[$1].modes.map(\.duration).min() ?? 0) } }

        func best(_ o: Int, ready: Int) -> (machine: Int, start: Int, end: Int) {
            var choice = (machine: -1, start: 0, end: Int.max)
            for mode in problem.operations[o].modes {
                let start = max(ready, machineReady[mode.machine])
                if start + mode.duration < choice.end || (start + mode.duration == choice.end && mode.machine < choice.machine) {
                    choice = (mode.machine, start, start + mode.duration)
                }
            }
            return choice
        }
        for _ in 0..<n {
            // The operation that could finish first, and its machine.
            var first = (job: -1, machine: -1, end: Int.max)
            for (j, job) in problem.jobs.enumerated() where next[j] < job.operations.count {
                let option = best(job.operations[next[j]], ready: jobReady[j])
                if option.end < first.end { first = (j, option.machine, option.end) }
            }
            // The competitors on that machine: those that could start before it finishes.
            var chosen = -1, key = (Int.max, Int.max, Int.max)
            for (j, job) in problem.jobs.enumerated() where next[j] < job.operations.count {
                let o = job.operations[next[j]]
                guard let mode = problem.operations[o].modes.first(where: { $0.machine == first.machine }) else { continue }
                let start = max(jobReady[j], machineReady[first.machine])
                guard start < first.end || j == first.job else { continue }
                let priority: Int
                switch rule {
                case .shortestProcessingTime: priority = mode.duration
                case .mostWorkRemaining: priority = -remaining[j]
                case .earliestDueDate: priority = job.due ?? Int.max
                case .firstComeFirstServed: priority = job.release
                }
                let candidate = (priority, start, j)
                if candidate < key { key = candidate; chosen = j }
            }
            let job = problem.jobs[chosen]
            let o = job.operations[next[chosen]]
            let duration = problem.operations[o].modes.first { $0.machine == first.machine }!.duration
            let start = max(jobReady[chosen], machineReady[first.machine])
            assignments[o] = Schedule.Assignment(machine: first.machine, start: start, end: start + duration)
            order[first.machine].append(o)
            jobReady[chosen] = start + duration
            machineReady[first.machine] = start + duration
            remaining[chosen] -= problem.operations[o].modes.map(\.duration).min() ?? 0
            next[chosen] += 1
        }
        let schedule = Schedule(assignments: assignments)
        return (schedule, MachineSequences(machine: assignments.map(\.machine), order: order))
    }
}
