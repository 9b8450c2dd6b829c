/// The times of a schedule given its machine sequences, by one pass over the disjunctive
/// graph in topological order: an operation starts at the earliest time at or after its
/// job's release, every predecessor's end plus its lag, and its machine predecessor's end
/// plus the setup between them (in working time), that its machine's calendar allows (in
/// working time, or inside one interval if it may not pause); a fixed operation at its own
/// start, which the others must leave room for.
///
/// A maximum lag broken moves the operation before it later by as much, and the pass runs
/// again until every maximum lag holds (or gives up: these orders cannot keep them).
///
/// Where operations share a labor pool, the pass takes the ready operations in their turn at
/// the crews and starts each when enough workers are free for all of its time, given those
/// placed before it (a serial schedule generation on top of the machine orders).
///
/// Each operation also records which operation's end set its start (its binding
/// predecessor, which may be one that held the crew): following those links back from an
/// operation gives a critical path.
///
/// - Complexity: O(operations + arcs) a pass (times a calendar's binary search).
struct ShopTiming: Sendable {
    let problem: ShopProblem
    let predecessors: [[(operation: Int, lag: Int)]]
    let successors: [[Int]]
    let release: [Int]
    let calendars: [MachineCalendar]
    let alwaysWorking: Bool
    let families: [Int?]
    let setupTimes: SetupTimes
    let hasSetups: Bool
    let labor: [ShopProblem.Operation.Labor?]
    let hasLabor: Bool
    /// The operations with a planned start, and that start (for the displacement).
    let plannedStarts: [(operation: Int, start: Int)]
    /// Each operation's fixed start, or −1, and whether it may pause: read on every pass, and
    /// from these small arrays rather than the operations (whose size made every read a cache
    /// miss on a large plant).
    let fixedStart: [Int]
    let resumable: [Bool]
    /// The arcs again, flat for the pass (operation o's are at `arcStart[o]..<arcStart[o + 1]`):
    /// one array each instead of one per operation, for the same reason.
    let predecessorStart: [Int]
    let predecessorOperation: [Int]
    let predecessorLag: [Int]
    let successorStart: [Int]
    let successorOperation: [Int]
    let successorLag: [Int]
    /// The maximum lags, the shortest per pair.
    let maxLags: [(before: Int, after: Int, lag: Int)]
    var hasMaxLags: Bool { !maxLags.isEmpty }

    init(_ problem: ShopProblem) {
        self.problem = problem
        let n = problem.operations.count
        var predecessors = [[(operation: Int, lag: Int)]](repeating: [], count: n)
        var successors = [[Int]](repeating: [], count: n)
        // One arc per pair, with the longest lag given (a chain's arc and a lag on it).
        var lag: [Int: Int] = [:]
        var pairs: [(Int, Int)] = []
        for arc in problem.arcs {
            let key = arc.before * n + arc.after
            if let known = lag[key] { lag[key] = max(known, arc.minLag) } else {
                lag[key] = arc.minLag
                pairs.append((arc.before, arc.after))
            }
        }
        for (before, after) in pairs {
            predecessors[after].append((before, lag[before * n + after]!))
            successors[before].append(after)
        }
        self.predecessors = predecessors
        self.successors = successors
        var release = [Int](repeating: 0, count: n)
        for job in problem.jobs { for o in job.operations { release[o] = job.release } }
        self.release = release
        calendars = (0..<problem.machineCount).map { problem.calendar($0) }
        alwaysWorking = calendars.allSatisfy(\.isAlways)
        families = problem.operations.map(\.setupFamily)
        setupTimes = problem.setupTimes
        hasSetups = !problem.setupTimes.isNone && families.contains { $0 != nil }
        labor = problem.operations.map(\.labor)
        hasLabor = labor.contains { $0 != nil }
        plannedStarts = problem.operations.indices.compactMap { o in problem.operations[o].planned.map { (o, $0) } }
        fixedStart = problem.operations.map { $0.fixed?.start ?? -1 }
        resumable = problem.operations.map(\.resumable)
        var start = [0], operation: [Int] = [], lags: [Int] = []
        for list in predecessors {
            operation += list.map(\.operation)
            lags += list.map(\.lag)
            start.append(operation.count)
        }
        (predecessorStart, predecessorOperation, predecessorLag) = (start, operation, lags)
        start = [0]
        operation = []
        lags = []
        for (o, list) in successors.enumerated() {
            operation += list
            lags += list.map { lag[o * n + $0]! }
            start.append(operation.count)
        }
        (successorStart, successorOperation, successorLag) = (start, operation, lags)
        var shortest: [Int: Int] = [:]
        var maxPairs: [(Int, Int)] = []
        for arc in problem.precedences {
            guard let maxLag = arc.maxLag else { continue }
            let key = arc.before * n + arc.after
            if let known = shortest[key] { shortest[key] = min(known, maxLag) } else {
                shortest[key] = maxLag
                maxPairs.append((arc.before, arc.after))
            }
        }
        maxLags = maxPairs.map { ($0.0, $0.1, shortest[$0.0 * n + $0.1]!) }
    }

    /// Empty profiles, one per labor pool, with the fixed operations' workers in them.
    func laborProfiles(_ durations: [Int], into profiles: inout [LaborProfile]) {
        if profiles.count != problem.laborPools.count { profiles = problem.laborPools.map { LaborProfile(capacity: $0.workers) } }
        for k in profiles.indices { profiles[k].removeAll() }
        for (o, operation) in problem.operations.enumerated() {
            guard let fixed = operation.fixed, let labor = labor[o] else { continue }
            let end = fixedEnd(o, machine: fixed.machine, start: fixed.start, duration: durations[o]) ?? fixed.start + durations[o]
            profiles[labor.pool].add(laborSpans(o, machine: fixed.machine, start: fixed.start, end: end), workers: labor.workers, operation: o)
        }
    }

    /// When an operation on `machine` from `start` to `end` holds its crew: throughout, or in
    /// the machine's working time where its pool's workers leave over breaks.
    func laborSpans(_ o: Int, machine: Int, start: Int, end: Int) -> [Range<Int>] {
        guard let need = labor[o], end > start else { return [] }
        if alwaysWorking || problem.laborPools[need.pool].heldOverBreaks { return [start..<end] }
        return calendars[machine].pieces(from: start, to: end)
    }

    /// Where a fixed operation ends on its machine's calendar (`nil` when the calendar ends first).
    func fixedEnd(_ o: Int, machine: Int, start: Int, duration: Int) -> Int? {
        if alwaysWorking || duration == 0 || !resumable[o] { return start + duration }
        return calendars[machine].end(start: start, work: duration)
    }

    /// The earliest `(start, end)` from `start` at which the operation's crew is free throughout,
    /// and the operation whose end let it start there (or `binding` unchanged); `nil` when the
    /// calendar ends first, or the search passes `latestEnd`.
    func withLabor(
        _ o: Int, machine: Int, start: Int, end: Int, duration: Int, binding: Int, profiles: [LaborProfile], latestEnd: Int = Int.max
    ) -> (start: Int, end: Int, binding: Int)? {
        guard let need = labor[o] else { return (start, end, binding) }
        var (start, end, binding) = (start, end, binding)
        let resumable = self.resumable[o]
        var lastRetry: Int?
        while let retry = profiles[need.pool].blocked(laborSpans(o, machine: machine, start: start, end: end), workers: need.workers) {
            guard end <= latestEnd else { return nil }
            lastRetry = retry
            if alwaysWorking || duration == 0 {
                start = retry
                end = start + duration
            } else {
                guard let next = calendars[machine].earliestStart(at: retry, duration: duration, resumable: resumable),
                    let finish = resumable ? calendars[machine].end(start: next, work: duration) : next + duration
                else { return nil }
                (start, end) = (next, finish)
            }
        }
        if let lastRetry { binding = profiles[need.pool].freed(at: lastRetry) }
        return (start, end, binding)
    }

    struct Times: Sendable {
        var start: [Int]
        var end: [Int]
        /// The operation whose end set each start, or −1 (a release, a fixed start, time 0).
        var binding: [Int]
        /// The operations in the order the pass timed them: an order every arc follows.
        var order: [Int] = []
    }

    func setup(_ from: Int, _ to: Int) -> Int { hasSetups ? setupTimes.time(from: families[from], to: families[to]) : 0 }

    /// The times of `sequences` with `durations` (each operation's on its machine), or `nil`
    /// when the orders make a cycle, a fixed operation cannot keep its start, or a calendar
    /// ends before an operation fits.
    /// Buffers one pass reuses: a search times thousands of neighbours a second, and
    /// allocating them each time was most of the cost.
    struct Workspace {
        var machinePrevious: [Int] = []
        var machineNext: [Int] = []
        var waiting: [Int] = []
        var ready: [Int] = []
        var times = Times(start: [], end: [], binding: [])
        var profiles: [LaborProfile] = []
        /// With labor pools, the ready operations by their turn at the crews
        /// (``MachineSequences/crewRank``), not in the order the graph reaches them.
        var queue = ReadyQueue()
        /// With maximum lags, each operation's earliest start as the repair has raised it.
        var floor: [Int] = []
    }

    func times(_ sequences: MachineSequences, durations: [Int]) -> Times? {
        var workspace = Workspace()
        return times(sequences, durations: durations, into: &workspace) ? workspace.times : nil
    }

    /// The times into `workspace.times`; false where ``times(_:durations:)`` gives `nil`.
    func times(_ sequences: MachineSequences, durations: [Int], into workspace: inout Workspace) -> Bool {
        let n = durations.count
        if workspace.waiting.count != n {
            workspace = Workspace(
                machinePrevious: [Int](repeating: -1, count: n), machineNext: [Int](repeating: -1, count: n), waiting: [Int](repeating: 0, count: n),
                ready: [],
                times: Times(
                    start: [Int](repeating: 0, count: n), end: [Int](repeating: 0, count: n), binding: [Int](repeating: -1, count: n),
                    order: [Int](repeating: 0, count: n)))
            workspace.ready.reserveCapacity(n)
        }
        guard hasMaxLags else { return pass(sequences, durations, release, &workspace) }
        // Maximum lags: where one is broken, the operation before starts later by as much,
        // and the pass runs again, until none is (the earliest such times for these orders)
        // or the rounds run out (the orders leave no way to keep them).
        workspace.floor = release
        for _ in 0..<min(200, 2 + 2 * maxLags.count) {
            guard pass(sequences, durations, workspace.floor, &workspace) else { return false }
            var raised = false
            for arc in maxLags {
                let late = workspace.times.start[arc.after] - (workspace.times.end[arc.before] + arc.lag)
                guard late > 0 else { continue }
                if fixedStart[arc.before] >= 0 { return false }
                workspace.floor[arc.before] = workspace.times.start[arc.before] + late
                raised = true
            }
            if !raised { return true }
        }
        return false
    }

    private func pass(_ sequences: MachineSequences, _ durations: [Int], _ floor: [Int], _ workspace: inout Workspace) -> Bool {
        if hasLabor { laborProfiles(durations, into: &workspace.profiles) }
        return pass(
            sequences, durations, floor, &workspace.machinePrevious, &workspace.machineNext, &workspace.waiting, &workspace.ready,
            &workspace.times, &workspace.profiles, &workspace.queue)
    }

    private func pass(
        _ sequences: MachineSequences, _ durations: [Int], _ floor: [Int], _ machinePrevious: inout [Int], _ machineNext: inout [Int], _ waiting: inout [Int],
        _ ready: inout [Int], _ times: inout Times, _ profiles: inout [LaborProfile], _ queue: inout ReadyQueue
    ) -> Bool {
        let n = durations.count
        sequences.link(previous: &machinePrevious, next: &machineNext)
        ready.removeAll(keepingCapacity: true)
        queue.removeAll()
        func push(_ o: Int) { if hasLabor { queue.push(sequences.crewRank[o], o) } else { ready.append(o) } }
        for o in 0..<n {
            waiting[o] = predecessorStart[o + 1] - predecessorStart[o] + (machinePrevious[o] >= 0 ? 1 : 0)
            if waiting[o] == 0 { push(o) }
        }
        var done = 0
        while let o = hasLabor ? queue.pop() : ready.popLast() {
            times.order[done] = o
            done += 1
            var lower = floor[o], binding = -1
            for k in predecessorStart[o]..<predecessorStart[o + 1] where times.end[predecessorOperation[k]] + predecessorLag[k] > lower {
                let p = predecessorOperation[k], lag = predecessorLag[k]
                lower = times.end[p] + lag
                binding = p
            }
            let machine = sequences.machine[o]
            let m = machinePrevious[o]
            if m >= 0 {
                var after = times.end[m]
                let s = setup(m, o)
                if s > 0 {
                    guard let advanced = alwaysWorking ? after + s : calendars[machine].advance(after, by: s) else { return false }
                    after = advanced
                }
                // Ties go to the machine: longer blocks on a critical path.
                if after >= lower {
                    lower = after
                    binding = m
                }
            }
            let duration = durations[o]
            let fixed = fixedStart[o]
            if fixed >= 0 {
                if lower > fixed { return false }
                times.start[o] = fixed
                times.binding[o] = -1
                guard let end = fixedEnd(o, machine: machine, start: fixed, duration: duration) else { return false }
                times.end[o] = end
            } else if alwaysWorking || duration == 0 {
                times.start[o] = lower
                times.end[o] = lower + duration
                times.binding[o] = binding
            } else {
                let resumable = self.resumable[o]
                guard let start = calendars[machine].earliestStart(at: lower, duration: duration, resumable: resumable),
                    let end = resumable ? calendars[machine].end(start: start, work: duration) : start + duration
                else { return false }
                times.start[o] = start
                times.end[o] = end
                times.binding[o] = binding
            }
            if hasLabor, let need = labor[o], fixed < 0 {
                guard let placed = withLabor(
                    o, machine: machine, start: times.start[o], end: times.end[o], duration: duration, binding: times.binding[o], profiles: profiles)
                else { return false }
                (times.start[o], times.end[o], times.binding[o]) = placed
                profiles[need.pool].add(laborSpans(o, machine: machine, start: placed.start, end: placed.end), workers: need.workers, operation: o)
            }
            for k in successorStart[o]..<successorStart[o + 1] {
                let next = successorOperation[k]
                waiting[next] -= 1
                if waiting[next] == 0 { push(next) }
            }
            let next = machineNext[o]
            if next >= 0 {
                waiting[next] -= 1
                if waiting[next] == 0 { push(next) }
            }
        }
        return done == n
    }

    func schedule(_ sequences: MachineSequences, _ times: Times) -> Schedule {
        Schedule(assignments: times.start.indices.map { Schedule.Assignment(machine: sequences.machine[$0], start: times.start[$0], end: times.end[$0]) })
    }

    /// The objective's measures of `times`, in its order.
    func value(_ objective: ScheduleObjective, _ sequences: MachineSequences, _ times: Times) -> [Int] {
        objective.measures.map { measure in
            switch measure {
            case .makespan:
                return times.end.max() ?? 0
            case .weightedTardiness, .weightedLateness:
                var total = 0
                for job in problem.jobs {
                    guard let due = job.due else { continue }
                    var completion = 0
                    for o in job.operations { completion = max(completion, times.end[o]) }
                    total += job.weight * (measure == .weightedTardiness ? max(0, completion - due) : completion - due)
                }
                return total
            case .setupTime, .setupCount:
                var time = 0, count = 0
                for sequence in sequences.order {
                    for (a, b) in zip(sequence, sequence.dropFirst()) {
                        let s = setup(a, b)
                        if s > 0 { time += s; count += 1 }
                    }
                }
                return measure == .setupTime ? time : count
            case .displacement:
                var total = 0
                for (o, planned) in plannedStarts { total += abs(times.start[o] - planned) }
                return total
            }
        }
    }
}
