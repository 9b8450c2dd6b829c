/// The times of a schedule given its machine sequences, by one pass over the disjunctive
/// graph in topological order: an operation starts at the earliest time at or after its
/// job's release, every predecessor's end plus its lag, and its machine predecessor's end
/// plus the setup between them (in working time), that its machine's calendar allows (in
/// working time, or inside one interval if it may not pause); a fixed operation at its own
/// start, which the others must leave room for.
///
/// Each operation also records which operation's end set its start (its binding
/// predecessor): following those links back from an operation gives a critical path.
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
    }

    struct Times: Sendable {
        var start: [Int]
        var end: [Int]
        /// The operation whose end set each start, or −1 (a release, a fixed start, time 0).
        var binding: [Int]
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
                ready: [], times: Times(start: [Int](repeating: 0, count: n), end: [Int](repeating: 0, count: n), binding: [Int](repeating: -1, count: n)))
            workspace.ready.reserveCapacity(n)
        }
        return pass(
            sequences, durations, &workspace.machinePrevious, &workspace.machineNext, &workspace.waiting, &workspace.ready, &workspace.times)
    }

    private func pass(
        _ sequences: MachineSequences, _ durations: [Int], _ machinePrevious: inout [Int], _ machineNext: inout [Int], _ waiting: inout [Int],
        _ ready: inout [Int], _ times: inout Times
    ) -> Bool {
        let n = durations.count
        for o in 0..<n {
            machinePrevious[o] = -1
            machineNext[o] = -1
        }
        for sequence in sequences.order where sequence.count > 1 {
            for k in 1..<sequence.count {
                machinePrevious[sequence[k]] = sequence[k - 1]
                machineNext[sequence[k - 1]] = sequence[k]
            }
        }
        ready.removeAll(keepingCapacity: true)
        for o in 0..<n {
            waiting[o] = predecessors[o].count + (machinePrevious[o] >= 0 ? 1 : 0)
            if waiting[o] == 0 { ready.append(o) }
        }
        var done = 0
        while let o = ready.popLast() {
            done += 1
            var lower = release[o], binding = -1
            for (p, lag) in predecessors[o] where times.end[p] + lag > lower {
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
            if let fixed = problem.operations[o].fixed {
                if lower > fixed.start { return false }
                times.start[o] = fixed.start
                times.binding[o] = -1
                if alwaysWorking || duration == 0 {
                    times.end[o] = fixed.start + duration
                } else {
                    guard let end = problem.operations[o].resumable ? calendars[machine].end(start: fixed.start, work: duration) : fixed.start + duration else { return false }
                    times.end[o] = end
                }
            } else if alwaysWorking || duration == 0 {
                times.start[o] = lower
                times.end[o] = lower + duration
                times.binding[o] = binding
            } else {
                let resumable = problem.operations[o].resumable
                guard let start = calendars[machine].earliestStart(at: lower, duration: duration, resumable: resumable),
                    let end = resumable ? calendars[machine].end(start: start, work: duration) : start + duration
                else { return false }
                times.start[o] = start
                times.end[o] = end
                times.binding[o] = binding
            }
            for next in successors[o] {
                waiting[next] -= 1
                if waiting[next] == 0 { ready.append(next) }
            }
            let next = machineNext[o]
            if next >= 0 {
                waiting[next] -= 1
                if waiting[next] == 0 { ready.append(next) }
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
            }
        }
    }
}
