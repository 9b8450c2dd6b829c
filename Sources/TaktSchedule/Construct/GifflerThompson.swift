/// Giffler and Thompson's generation of an active schedule (1960): repeatedly take the
/// operation that could finish first among those whose predecessors are all scheduled, and
/// on its machine choose, by a priority rule, among the competing operations that could start
/// before that finish. Without calendars and setups every schedule made is active (no
/// operation could start earlier without delaying another), and the optimal makespan is
/// among the active schedules. For an operation with several machines, the machine on which
/// it would finish first is taken.
///
/// An operation is placed after the last one on its machine, plus the setup between them, at
/// the first time its calendar allows; fixed operations are in place from the start, and an
/// operation goes before one only if it ends, with the setup to it, by its start (a serial
/// generation around them).
///
/// - Complexity: O(operations × ready operations × machines per operation).
public struct GifflerThompson: Sendable {
    public var rule: DispatchRule

    public init(rule: DispatchRule = .mostWorkRemaining) { self.rule = rule }

    public func schedule(_ problem: ShopProblem) throws(ShopProblemError) -> Schedule {
        try problem.validate()
        guard let made = sequences(problem, timing: ShopTiming(problem)) else {
            throw .invalid("no schedule fits the machines' calendars")
        }
        return made.schedule
    }

    /// Where an operation would go on a machine.
    private struct Placement {
        var start: Int
        var end: Int
        /// The fixed operations on the machine it goes after.
        var passed: Int
        var setup: Int
    }

    func sequences(_ problem: ShopProblem, timing: ShopTiming) -> (schedule: Schedule, sequences: MachineSequences)? {
        let n = problem.operations.count
        var assignments = [Schedule.Assignment](repeating: Schedule.Assignment(machine: 0, start: 0, end: 0), count: n)
        var scheduled = [Bool](repeating: false, count: n)
        var waiting = timing.predecessors.map(\.count)
        var readyTime = timing.release
        var lastEnd = [Int](repeating: 0, count: problem.machineCount)
        var lastOperation = [Int](repeating: -1, count: problem.machineCount)
        var fixedOn = [[Int]](repeating: [], count: problem.machineCount)
        var passed = [Int](repeating: 0, count: problem.machineCount)
        var remaining = [Int](repeating: 0, count: problem.jobs.count)
        for (j, job) in problem.jobs.enumerated() {
            for o in job.operations where problem.operations[o].fixed == nil {
                remaining[j] += problem.operations[o].modes.map(\.duration).min() ?? 0
            }
        }

        func release(_ o: Int, end: Int) {
            for next in timing.successors[o] {
                waiting[next] -= 1
                let lag = timing.predecessors[next].first { $0.operation == o }!.lag
                readyTime[next] = max(readyTime[next], end + lag)
            }
        }
        // Fixed operations first: they are where they are.
        for (o, operation) in problem.operations.enumerated() {
            guard let fixed = operation.fixed else { continue }
            let duration = operation.duration(on: fixed.machine)!
            let calendar = timing.calendars[fixed.machine]
            let end = operation.resumable && duration > 0 ? calendar.end(start: fixed.start, work: duration)! : fixed.start + duration
            assignments[o] = Schedule.Assignment(machine: fixed.machine, start: fixed.start, end: end)
            scheduled[o] = true
            fixedOn[fixed.machine].append(o)
        }
        for m in fixedOn.indices { fixedOn[m].sort { (assignments[$0].start, $0) < (assignments[$1].start, $1) } }
        for o in 0..<n where scheduled[o] { release(o, end: assignments[o].end) }

        func place(_ o: Int, on machine: Int, duration: Int) -> Placement? {
            let calendar = timing.calendars[machine]
            let resumable = problem.operations[o].resumable
            var after = lastEnd[machine], previous = lastOperation[machine], k = passed[machine]
            while true {
                let setup = previous >= 0 ? timing.setup(previous, o) : 0
                guard let ready = setup > 0 ? calendar.advance(after, by: setup) : after,
                    let start = calendar.earliestStart(at: max(ready, readyTime[o]), duration: duration, resumable: resumable),
                    let end = resumable && duration > 0 ? calendar.end(start: start, work: duration) : start + duration
                else { return nil }
                guard k < fixedOn[machine].count else { return Placement(start: start, end: end, passed: k, setup: setup) }
                let block = fixedOn[machine][k]
                let toBlock = timing.setup(o, block)
                if let clear = toBlock > 0 ? calendar.advance(end, by: toBlock) : end, clear <= assignments[block].start,
                    end <= assignments[block].start
                {
                    return Placement(start: start, end: end, passed: k, setup: setup)
                }
                after = assignments[block].end
                previous = block
                k += 1
            }
        }

        var ready = (0..<n).filter { !scheduled[$0] && waiting[$0] == 0 }
        while !ready.isEmpty {
            // The operation that could finish first, and its machine.
            var first: (operation: Int, machine: Int, end: Int)?
            for o in ready {
                for mode in problem.operations[o].modes {
                    guard let placement = place(o, on: mode.machine, duration: mode.duration) else { continue }
                    if first == nil || (placement.end, mode.machine, o) < (first!.end, first!.machine, first!.operation) {
                        first = (o, mode.machine, placement.end)
                    }
                }
            }
            guard let first else { return nil }
            // The competitors on that machine: those that could start before it finishes.
            var competitors: [(operation: Int, placement: Placement, facts: DispatchRule.Competitor)] = []
            for o in ready {
                guard let duration = problem.operations[o].duration(on: first.machine),
                    let placement = place(o, on: first.machine, duration: duration),
                    placement.start < first.end || o == first.operation
                else { continue }
                let job = problem.jobs[problem.operations[o].job]
                competitors.append((o, placement, DispatchRule.Competitor(
                    duration: duration, workRemaining: remaining[problem.operations[o].job], due: job.due, release: job.release,
                    weight: job.weight, start: placement.start, setup: placement.setup)))
            }
            let meanDuration = Double(competitors.reduce(0) { $0 + $1.facts.duration }) / Double(competitors.count)
            let meanSetup = Double(competitors.reduce(0) { $0 + $1.facts.setup }) / Double(competitors.count)
            let chosen = competitors.min { a, b in
                let pa = rule.priority(a.facts, meanDuration: meanDuration, meanSetup: meanSetup)
                let pb = rule.priority(b.facts, meanDuration: meanDuration, meanSetup: meanSetup)
                return (pa, a.placement.start, a.operation) < (pb, b.placement.start, b.operation)
            }!
            let o = chosen.operation
            assignments[o] = Schedule.Assignment(machine: first.machine, start: chosen.placement.start, end: chosen.placement.end)
            scheduled[o] = true
            lastEnd[first.machine] = chosen.placement.end
            lastOperation[first.machine] = o
            passed[first.machine] = chosen.placement.passed
            remaining[problem.operations[o].job] -= problem.operations[o].modes.map(\.duration).min() ?? 0
            ready.removeAll { $0 == o }
            release(o, end: chosen.placement.end)
            for next in timing.successors[o] where waiting[next] == 0 && !scheduled[next] { ready.append(next) }
        }
        guard scheduled.allSatisfy({ $0 }) else { return nil }
        let schedule = Schedule(assignments: assignments)
        return (schedule, MachineSequences(schedule, machineCount: problem.machineCount))
    }
}
