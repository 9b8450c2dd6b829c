/// A first schedule by list scheduling with insertion, for problems where Giffler and
/// Thompson's construction is slow: many operations ready at once on few machines make every
/// one of its steps weigh them all.
///
/// The jobs are ranked by due date (then weight, higher first, then release); the operations
/// are taken in a precedence order that follows the ranking (each the ready one of the
/// best-ranked job), and each goes where it would end first: on any of its machines, into the
/// earliest gap between the operations placed there that holds it with the setups before and
/// after it, or after the last, in the machine's working time, when its crew is free (a serial
/// schedule generation with insertion). Placed operations never move; fixed ones are placed
/// first. Where maximum lags are broken, the engine's timing pass repairs the machine orders
/// (or, failing that, Giffler and Thompson's construction makes the schedule).
///
/// - Complexity: O(operations × (machines an operation has) × (gaps tried)), and at most one
///   timing pass.
public struct ListScheduling: Sendable {
    public init() {}

    public func schedule(_ problem: ShopProblem) throws(ShopProblemError) -> Schedule {
        try problem.validate()
        let timing = ShopTiming(problem)
        let n = problem.operations.count
        var rank = [Int](repeating: 0, count: problem.jobs.count)
        let jobs = problem.jobs.indices.sorted { a, b in
            let x = problem.jobs[a], y = problem.jobs[b]
            return (x.due ?? Int.max, -x.weight, x.release, a) < (y.due ?? Int.max, -y.weight, y.release, b)
        }
        for (r, j) in jobs.enumerated() { rank[j] = r }
        var position = [Int](repeating: 0, count: n)
        for job in problem.jobs { for (k, o) in job.operations.enumerated() { position[o] = k } }

        var assignments = [Schedule.Assignment](repeating: .init(machine: -1, start: 0, end: 0), count: n)
        // Per machine, its operations in start order.
        var on = [[Int]](repeating: [], count: problem.machineCount)
        var profiles: [LaborProfile] = []
        if timing.hasLabor {
            let durations = problem.operations.map { operation in operation.fixed.flatMap { operation.duration(on: $0.machine) } ?? 0 }
            timing.laborProfiles(durations, into: &profiles)
        }
        var placed = [Bool](repeating: false, count: n)
        for o in (0..<n).filter({ problem.operations[$0].fixed != nil }) {
            let f = problem.operations[o].fixed!
            let end = timing.fixedEnd(o, machine: f.machine, start: f.start, duration: problem.operations[o].duration(on: f.machine)!) ?? f.start
            assignments[o] = .init(machine: f.machine, start: f.start, end: end)
            on[f.machine].append(o)
            placed[o] = true
        }
        for m in on.indices { on[m].sort { (assignments[$0].start, $0) < (assignments[$1].start, $1) } }

        /// The earliest (start, end, index in the machine's list) of `o` on `machine` from `ready`.
        func earliest(_ o: Int, on machine: Int, duration: Int, ready: Int) -> (start: Int, end: Int, index: Int)? {
            let calendar = timing.calendars[machine], resumable = problem.operations[o].resumable
            let list = on[machine]
            // The first gap worth trying: after the last operation that ends by `ready`.
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if assignments[list[mid]].end <= ready { low = mid + 1 } else { high = mid }
            }
            var k = max(0, low - 1)
            while k <= list.count {
                let before = k > 0 ? list[k - 1] : -1
                let after = k < list.count ? list[k] : -1
                let free = before >= 0 ? assignments[before].end : 0
                // A gap shorter than the work cannot hold it, whatever the calendar.
                if after >= 0 && assignments[after].start - max(free, ready) < duration {
                    k += 1
                    continue
                }
                let setup = before >= 0 ? timing.setup(before, o) : 0
                if let setUp = setup > 0 ? calendar.advance(free, by: setup) : free,
                    let early = calendar.earliestStart(at: max(setUp, ready), duration: duration, resumable: resumable),
                    let earlyEnd = resumable && duration > 0 ? calendar.end(start: early, work: duration) : early + duration,
                    after < 0 || earlyEnd <= assignments[after].start,
                    let spot = timing.withLabor(
                        o, machine: machine, start: early, end: earlyEnd, duration: duration, binding: -1, profiles: profiles,
                        latestEnd: after >= 0 ? assignments[after].start : Int.max)
                {
                    guard after >= 0 else { return (spot.start, spot.end, k) }
                    let toNext = timing.setup(o, after)
                    if let clear = toNext > 0 ? calendar.advance(spot.end, by: toNext) : spot.end, clear <= assignments[after].start {
                        return (spot.start, spot.end, k)
                    }
                } else if after < 0 {
                    return nil
                }
                k += 1
            }
            return nil
        }

        // The others in a precedence order by the jobs' ranks (a heap of the ready ones).
        var waiting = timing.predecessors.map(\.count)
        var heap = ReadyQueue()
        func key(_ o: Int) -> Int { rank[problem.operations[o].job] * (n + 1) + position[o] }
        for o in 0..<n where waiting[o] == 0 { heap.push(key(o), o) }
        func done(_ o: Int) {
            for next in timing.successors[o] {
                waiting[next] -= 1
                if waiting[next] == 0 { heap.push(key(next), next) }
            }
        }
        for o in 0..<n where placed[o] { done(o) }
        while let o = heap.pop() {
            guard !placed[o] else { continue }
            var ready = timing.release[o]
            for (p, lag) in timing.predecessors[o] { ready = max(ready, assignments[p].end + lag) }
            var best: (start: Int, end: Int, index: Int, machine: Int)?
            for mode in problem.operations[o].modes {
                guard let spot = earliest(o, on: mode.machine, duration: mode.duration, ready: ready) else { continue }
                if best == nil || (spot.end, mode.machine) < (best!.end, best!.machine) { best = (spot.start, spot.end, spot.index, mode.machine) }
            }
            guard let best else { throw .invalid("no schedule fits the machines' calendars") }
            assignments[o] = .init(machine: best.machine, start: best.start, end: best.end)
            on[best.machine].insert(o, at: best.index)
            if let need = timing.labor[o] {
                profiles[need.pool].add(timing.laborSpans(o, machine: best.machine, start: best.start, end: best.end), workers: need.workers, operation: o)
            }
            placed[o] = true
            done(o)
        }
        let schedule = Schedule(assignments: assignments)
        guard timing.hasMaxLags, !schedule.violations(of: problem).isEmpty else { return schedule }
        // Made forward, the schedule may break a maximum lag: the timing pass's repair starts
        // what comes before later, in the same machine orders; where that cannot keep them,
        // Giffler and Thompson's construction, which places a lag's successor first.
        let sequences = MachineSequences(schedule, machineCount: problem.machineCount)
        if let repaired = timing.times(sequences, durations: TabuSearch.durations(problem, sequences)) {
            return timing.schedule(sequences, repaired)
        }
        return try GifflerThompson().schedule(problem)
    }
}
