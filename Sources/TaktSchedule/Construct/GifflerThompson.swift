/// Giffler and Thompson's generation of an active schedule (1960): repeatedly take the
/// operation that could finish first among those whose predecessors are all scheduled, and
/// on its machine choose, by a priority rule, among the competing operations that could start
/// before that finish. Without calendars and setups every schedule made is active (no
/// operation could start earlier without delaying another), and the optimal makespan is
/// among the active schedules. For an operation with several machines, the machine on which
/// it would finish first is taken. With ``Generation/nonDelay`` the machine is the one where
/// an operation could start first, and the competitors those that could start then.
///
/// An operation is placed after the last one on its machine, plus the setup between them, at
/// the first time its calendar allows; fixed operations are in place from the start, and an
/// operation goes before one only if it ends, with the setup to it, by its start (a serial
/// generation around them). An operation that a placed predecessor's maximum lag waits for
/// goes next, where it starts first, and the lags are kept afterwards by starting an
/// operation later where its successor would still come too late after it. An operation that
/// needs workers of a labor pool starts when enough of them are free for all of its time,
/// given the operations placed before it.
///
/// - Complexity: O(operations × operations ready on one machine) placements, and
///   O(operations × log machines) to find the next machine.
public struct GifflerThompson: Sendable {
    public var rule: DispatchRule
    public var generation: Generation

    /// Which schedules are generated.
    public enum Generation: String, CaseIterable, Hashable, Sendable {
        /// Active: the competitors are those that could start before the earliest possible
        /// end on the machine where it falls (an optimal makespan is among these schedules).
        case active
        /// Non-delay: the machine where an operation could start earliest, and the
        /// competitors are those that could start then (no machine idles while an operation
        /// waits for it; often better for tardiness, not always optimal).
        case nonDelay = "non-delay"
    }

    public init(rule: DispatchRule = .mostWorkRemaining, generation: Generation = .active) {
        self.rule = rule
        self.generation = generation
    }

    public func schedule(_ problem: ShopProblem) throws(ShopProblemError) -> Schedule {
        try problem.validate()
        guard let made = sequences(problem, timing: ShopTiming(problem)) else {
            throw .invalid("no schedule fits the machines' calendars (and keeps the maximum lags)")
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
            let end = timing.fixedEnd(o, machine: fixed.machine, start: fixed.start, duration: duration)!
            assignments[o] = Schedule.Assignment(machine: fixed.machine, start: fixed.start, end: end)
            scheduled[o] = true
            fixedOn[fixed.machine].append(o)
        }
        // The crews the fixed operations hold; each operation placed takes its own.
        var profiles: [LaborProfile] = []
        if timing.hasLabor {
            let durations = problem.operations.map { operation in operation.fixed.flatMap { operation.duration(on: $0.machine) } ?? 0 }
            timing.laborProfiles(durations, into: &profiles)
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
                    let early = calendar.earliestStart(at: max(ready, readyTime[o]), duration: duration, resumable: resumable),
                    let earlyEnd = resumable && duration > 0 ? calendar.end(start: early, work: duration) : early + duration,
                    let placed = timing.withLabor(
                        o, machine: machine, start: early, end: earlyEnd, duration: duration, binding: -1, profiles: profiles)
                else { return nil }
                let start = placed.start, end = placed.end
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

        // The latest start its scheduled predecessors' maximum lags leave an operation.
        var maxLagsInto = [[(operation: Int, lag: Int)]](repeating: [], count: timing.hasMaxLags ? n : 0)
        for arc in timing.maxLags { maxLagsInto[arc.after].append((arc.before, arc.lag)) }
        var lagged: [Int] = []
        func deadline(_ o: Int) -> Int {
            guard timing.hasMaxLags else { return Int.max }
            return maxLagsInto[o].filter { scheduled[$0.operation] }.map { assignments[$0.operation].end + $0.lag }.min() ?? Int.max
        }

        // Where each ready operation would go on each of its machines, kept per machine: a
        // placement changes only when its machine takes an operation, so one step re-places
        // the operations ready on one machine, not every ready operation on every machine.
        var placements = [[Placement?]](repeating: [], count: n)
        var readyOn = [[Int]](repeating: [], count: problem.machineCount)
        var earliest = [(end: Int, operation: Int)?](repeating: nil, count: problem.machineCount)
        var firstEnding = EarliestMachine(machines: problem.machineCount)
        var readyCount = 0
        func modeIndex(_ o: Int, on machine: Int) -> Int { problem.operations[o].modes.firstIndex { $0.machine == machine }! }
        // What the next machine is chosen by: the earliest end (active), or start (non-delay).
        func key(_ placement: Placement) -> Int { generation == .nonDelay ? placement.start : placement.end }
        func better(_ a: (end: Int, operation: Int), than b: (end: Int, operation: Int)?) -> Bool {
            guard let b else { return true }
            return (a.end, a.operation) < (b.end, b.operation)
        }
        func refresh(_ machine: Int) {
            earliest[machine] = nil
            for o in readyOn[machine] {
                let k = modeIndex(o, on: machine)
                placements[o][k] = place(o, on: machine, duration: problem.operations[o].modes[k].duration)
                if let end = placements[o][k].map(key), better((end, o), than: earliest[machine]) { earliest[machine] = (end, o) }
            }
            firstEnding.set(machine, earliest[machine])
        }
        func makeReady(_ o: Int) {
            readyCount += 1
            if timing.hasMaxLags && !maxLagsInto[o].isEmpty { lagged.append(o) }
            let modes = problem.operations[o].modes
            placements[o] = [Placement?](repeating: nil, count: modes.count)
            for (k, mode) in modes.enumerated() where modeIndex(o, on: mode.machine) == k {
                readyOn[mode.machine].append(o)
                placements[o][k] = place(o, on: mode.machine, duration: mode.duration)
                if let end = placements[o][k].map(key), better((end, o), than: earliest[mode.machine]) {
                    earliest[mode.machine] = (end, o)
                    firstEnding.set(mode.machine, earliest[mode.machine])
                }
            }
        }
        for o in 0..<n where !scheduled[o] && waiting[o] == 0 { makeReady(o) }
        while readyCount > 0 {
            var pick: (operation: Int, machine: Int, placement: Placement)
            if let o = lagged.min(by: { (deadline($0), $0) < (deadline($1), $1) }) {
                // An operation that a placed predecessor's maximum lag is waiting for goes
                // next, on the machine where it starts first: left waiting, its lag could only
                // be kept by moving what is already placed.
                var best: (operation: Int, machine: Int, placement: Placement)?
                for (k, mode) in problem.operations[o].modes.enumerated() where modeIndex(o, on: mode.machine) == k {
                    guard let placement = placements[o][k] else { continue }
                    if best == nil || (placement.start, placement.end, mode.machine) < (best!.placement.start, best!.placement.end, best!.machine) {
                        best = (o, mode.machine, placement)
                    }
                }
                guard let best else { return nil }
                pick = best
            } else {
            // The operation that could finish first, and its machine.
            guard let first = firstEnding.first else { return nil }
            // The competitors on that machine: those that could start before it finishes.
            var competitors: [(operation: Int, placement: Placement, facts: DispatchRule.Competitor)] = []
            for o in readyOn[first.machine] {
                let k = modeIndex(o, on: first.machine)
                guard let placement = placements[o][k],
                    generation == .nonDelay ? placement.start <= first.end : placement.start < first.end || o == first.operation
                else { continue }
                let duration = problem.operations[o].modes[k].duration
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
            pick = (chosen.operation, first.machine, chosen.placement)
            }
            let o = pick.operation
            lagged.removeAll { $0 == o }
            assignments[o] = Schedule.Assignment(machine: pick.machine, start: pick.placement.start, end: pick.placement.end)
            scheduled[o] = true
            lastEnd[pick.machine] = pick.placement.end
            lastOperation[pick.machine] = o
            passed[pick.machine] = pick.placement.passed
            remaining[problem.operations[o].job] -= problem.operations[o].modes.map(\.duration).min() ?? 0
            readyCount -= 1
            for (k, mode) in problem.operations[o].modes.enumerated() where modeIndex(o, on: mode.machine) == k {
                let machine = mode.machine
                readyOn[machine].removeAll { $0 == o }
                if machine != pick.machine && earliest[machine]?.operation == o { refresh(machine) }
            }
            refresh(pick.machine)
            if let need = problem.operations[o].labor {
                let spans = timing.laborSpans(o, machine: pick.machine, start: pick.placement.start, end: pick.placement.end)
                profiles[need.pool].add(spans, workers: need.workers, operation: o)
                // Its crew is taken for that time: what else needs the crew there goes later.
                // A placement clear of that time stays the earliest (workers only get fewer).
                if let taken = spans.first.map({ $0.lowerBound..<spans.last!.upperBound }) {
                    for machine in 0..<problem.machineCount where !readyOn[machine].isEmpty {
                        var changed = false
                        for other in readyOn[machine] where problem.operations[other].labor?.pool == need.pool {
                            let k = modeIndex(other, on: machine)
                            guard let old = placements[other][k], old.start < taken.upperBound, old.end > taken.lowerBound else { continue }
                            placements[other][k] = place(other, on: machine, duration: problem.operations[other].modes[k].duration)
                            changed = true
                        }
                        guard changed else { continue }
                        earliest[machine] = nil
                        for other in readyOn[machine] {
                            if let end = placements[other][modeIndex(other, on: machine)].map(key), better((end, other), than: earliest[machine]) {
                                earliest[machine] = (end, other)
                            }
                        }
                        firstEnding.set(machine, earliest[machine])
                    }
                }
            }
            release(o, end: pick.placement.end)
            for next in timing.successors[o] where waiting[next] == 0 && !scheduled[next] { makeReady(next) }
        }
        guard scheduled.allSatisfy({ $0 }) else { return nil }
        let schedule = Schedule(assignments: assignments)
        let sequences = MachineSequences(schedule, machineCount: problem.machineCount)
        guard timing.hasMaxLags else { return (schedule, sequences) }
        // Made forward, the schedule may break a maximum lag: the timing pass's repair starts
        // what comes before later, in the same machine orders.
        guard let repaired = timing.times(sequences, durations: TabuSearch.durations(problem, sequences)) else { return nil }
        return (timing.schedule(sequences, repaired), sequences)
    }
}
