/// A schedule as the order of operations on each machine: the disjunctive graph's choice.
/// Starts follow as the earliest the job order and the machine orders allow (a semi-active
/// schedule), by one longest-path pass over the graph.
struct MachineSequences: Hashable, Sendable {
    /// The machine each operation runs on.
    var machine: [Int]
    /// Per machine, its operations in processing order.
    var order: [[Int]]

    /// Earliest starts by the longest path through job and machine arcs; `nil` if the orders
    /// and the jobs' chains make a cycle.
    ///
    /// - Complexity: O(operations).
    func starts(_ problem: ShopProblem, durations: [Int], jobPrevious: [Int]) -> [Int]? {
        let n = machine.count
        var machinePrevious = [Int](repeating: -1, count: n)
        var machineNext = [Int](repeating: -1, count: n)
        for sequence in order {
            for (a, b) in zip(sequence, sequence.dropFirst()) {
                machinePrevious[b] = a
                machineNext[a] = b
            }
        }
        var jobNext = [Int](repeating: -1, count: n)
        for o in 0..<n where jobPrevious[o] >= 0 { jobNext[jobPrevious[o]] = o }
        var waiting = [Int](repeating: 0, count: n)
        for o in 0..<n { waiting[o] = (jobPrevious[o] >= 0 ? 1 : 0) + (machinePrevious[o] >= 0 ? 1 : 0) }
        var start = [Int](repeating: 0, count: n)
        var release = [Int](repeating: 0, count: n)
        for job in problem.jobs { if let first = job.operations.first { release[first] = job.release } }
        var ready = (0..<n).filter { waiting[$0] == 0 }
        var done = 0
        while let o = ready.popLast() {
            done += 1
            var s = release[o]
            if jobPrevious[o] >= 0 { s = max(s, start[jobPrevious[o]] + durations[jobPrevious[o]]) }
            if machinePrevious[o] >= 0 { s = max(s, start[machinePrevious[o]] + durations[machinePrevious[o]]) }
            start[o] = s
            for next in [jobNext[o], machineNext[o]] where next >= 0 {
                waiting[next] -= 1
                if waiting[next] == 0 { ready.append(next) }
            }
        }
        return done == n ? start : nil
    }

    func schedule(starts: [Int], durations: [Int]) -> Schedule {
        Schedule(assignments: starts.indices.map { Schedule.Assignment(machine: machine[$0], start: starts[$0], end: starts[$0] + durations[$0]) })
    }
}
