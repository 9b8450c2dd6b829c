import Foundation

/// Tabu search over machine sequences for any ``ScheduleObjective``.
///
/// The neighbours come from critical paths (followed back through the operations whose end
/// set each start): the last-ending operation's for the makespan, the most tardy jobs' for
/// tardiness and lateness. A path is split into blocks of consecutive operations on one
/// machine; the moves are, in order, Nowicki and Smutnicki's (1996, "N5": swap the first two
/// operations of every block but the first, and the last two of every block but the last —
/// in the plain job shop any better makespan must change some block at its ends), every other
/// swap of two adjacent operations in a block (van Laarhoven et al.'s N1, whose neighbourhood
/// is connected) only when no N5 move is allowed, and, for an operation that several machines can do, moving it to another
/// machine at the place its start time gives it there (the flexible job shop's reassignment);
/// where the path passes from an operation holding a crew to one that waited for it, giving
/// the crew to the waiting one first (a swap in the crews' order, as in an activity list).
///
/// Each step takes the best neighbour by the objective (for a swap in a shop whose starts are
/// only longest paths, by Taillard's estimate of the longest path through the swapped pair;
/// of a seeded sample of ``neighbours`` where there are more) that is not tabu (the reverse of a
/// recent swap, or a return to a recent machine), or a tabu one that beats the best schedule
/// found (aspiration). After `stall` steps without a better schedule it goes back to the best
/// and shakes it by a few random swaps on its critical path (seeded); it stops after
/// `iterations` steps, at `timeLimit`, or at `target` (a lower bound reached). With `threads` > 1, that many searches run at once
/// from seeds `seed`, `seed + 1`, … and the best wins (ties to the lowest seed): for a given
/// problem, seed and thread count the result is the same whenever the steps, not the time
/// limit, end the search.
///
/// - Complexity: O(operations + arcs) a neighbour.
public struct TabuSearch: Sendable {
    public var iterations: Int
    public var stall: Int
    public var tenure: Int
    public var timeLimit: Double?
    public var objective: ScheduleObjective
    public var seed: UInt64
    public var threads: Int
    /// Stop once the objective's first measure is at most this: a lower bound reached
    /// proves the schedule optimal, and further steps cannot improve it.
    public var target: Int?
    /// The most neighbours a step evaluates, drawn at random (seeded) when there are more;
    /// by default as many as keep a step to about a million operation timings (all of them on
    /// the benchmark instances, 50 on a plant of 20,000 operations).
    public var neighbours: Int?
    /// Told of every better schedule a run finds, as it finds it (from the runs' threads at
    /// once when `threads` > 1): an improvement curve for a benchmark or a progress display.
    public var onImprovement: (@Sendable (Improvement) -> Void)?

    /// A better schedule found by one run: which run (0 for seed `seed`), at which step, how
    /// long after the search began, and its objective value.
    public struct Improvement: Hashable, Sendable {
        public var run: Int
        public var step: Int
        public var seconds: Double
        public var value: [Int]
    }

    public init(
        iterations: Int = 20_000, stall: Int = 1_000, tenure: Int = 10, timeLimit: Double? = nil, objective: ScheduleObjective = .makespan,
        seed: UInt64 = 1, threads: Int = 1, target: Int? = nil, neighbours: Int? = nil, onImprovement: (@Sendable (Improvement) -> Void)? = nil
    ) {
        self.iterations = iterations
        self.stall = stall
        self.tenure = tenure
        self.timeLimit = timeLimit
        self.objective = objective
        self.seed = seed
        self.threads = threads
        self.target = target
        self.neighbours = neighbours
        self.onImprovement = onImprovement
    }

    /// The best schedule found from `start` (by default the Giffler–Thompson schedule by
    /// most work remaining, or by ATCS for a tardiness or lateness objective), never worse
    /// than that start.
    public func schedule(_ problem: ShopProblem, from start: Schedule? = nil) throws(ShopProblemError) -> Schedule {
        let began = ContinuousClock.now
        try problem.validate()
        if let neighbours, neighbours < 1 { throw .invalid("a step must evaluate at least one neighbour, not \(neighbours)") }
        let timing = ShopTiming(problem)
        let initial: MachineSequences
        let first: Schedule
        if let start {
            guard start.violations(of: problem).isEmpty else { throw .invalid("the start schedule is not feasible") }
            initial = MachineSequences(start, machineCount: problem.machineCount)
            first = start
        } else {
            let rule: DispatchRule = objective.measures[0] == .makespan ? .mostWorkRemaining : .apparentTardinessCostWithSetups
            guard let made = GifflerThompson(rule: rule).sequences(problem, timing: timing) else {
                throw .invalid("no schedule fits the machines' calendars (and keeps the maximum lags)")
            }
            initial = made.sequences
            first = made.schedule
        }
        guard timing.times(initial, durations: Self.durations(problem, initial)) != nil else {
            throw .invalid("the start schedule's machine orders cannot be timed")
        }
        let count = max(1, threads)
        let deadline = timeLimit.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
        let results = Results(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            var run = Run(search: self, timing: timing, index: k, seed: seed &+ UInt64(k), began: began, deadline: deadline)
            results.set(k, run.search(from: initial))
        }
        let best = results.all.enumerated().min { ($0.element.value.lexicographicallyPrecedes($1.element.value)) || ($0.element.value == $1.element.value && $0.offset < $1.offset) }!.element
        // Timing the start's machine orders again may place it worse than it was (where crews
        // are shared, the pass gives them out in its own order): never return worse than it.
        return objective.value(of: first, in: problem).lexicographicallyPrecedes(best.value) ? first : best.schedule
    }

    static func durations(_ problem: ShopProblem, _ sequences: MachineSequences) -> [Int] {
        problem.operations.indices.map { problem.operations[$0].duration(on: sequences.machine[$0])! }
    }

    /// The runs' results, one slot each.
    private final class Results: @unchecked Sendable {
        private var slots: [(value: [Int], schedule: Schedule)?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ result: (value: [Int], schedule: Schedule)) {
            lock.lock()
            slots[k] = result
            lock.unlock()
        }
        var all: [(value: [Int], schedule: Schedule)] { slots.map { $0! } }
    }
}

extension TabuSearch {
    /// A move: swap the operations at `position` and `other` on `machine` (the next one, or
    /// the next one not fixed), or move `operation` to `machine` at `position`.
    enum Move {
        case swap(machine: Int, position: Int, other: Int)
        case reassign(operation: Int, machine: Int, position: Int)
        /// Give the crew to `after` before `before`, whose holding it made `after` wait.
        case crew(before: Int, after: Int)
    }

    /// One search from one seed.
    struct Run {
        let search: TabuSearch
        let timing: ShopTiming
        let index: Int
        var random: SeededRandom
        let began: ContinuousClock.Instant
        let deadline: ContinuousClock.Instant?
        var problem: ShopProblem { timing.problem }

        init(search: TabuSearch, timing: ShopTiming, index: Int, seed: UInt64, began: ContinuousClock.Instant, deadline: ContinuousClock.Instant?) {
            self.search = search
            self.timing = timing
            self.index = index
            random = SeededRandom(seed: seed)
            self.began = began
            self.deadline = deadline
        }

        func report(step: Int, value: [Int]) {
            guard let tell = search.onImprovement else { return }
            let elapsed = ContinuousClock.now - began
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tell(Improvement(run: index, step: step, seconds: seconds, value: value))
        }

        mutating func search(from initial: MachineSequences) -> (value: [Int], schedule: Schedule) {
            let objective = search.objective
            let n = problem.operations.count
            var current = initial
            var durations = TabuSearch.durations(problem, current)
            var times = timing.times(current, durations: durations)!
            var value = timing.value(objective, current, times)
            var best = (sequences: current, times: times, value: value)
            var tabu: [Int: Int] = [:]  // move key → step until which it is tabu
            var sinceBetter = 0
            // Shakes since the best last improved: each one shakes a little harder.
            var shakes = 0
            var workspace = ShopTiming.Workspace()
            let neighbourLimit = search.neighbours ?? max(32, 1_000_000 / max(1, n))
            // Where it holds, swaps are ranked by Taillard's estimate and only the one taken is timed.
            let estimating = SwapEstimate.applies(to: timing, objective: objective)
            var estimate = SwapEstimate(timing: timing)
            if estimating { estimate.update(current, durations: durations, times: times) }
            report(step: 0, value: value)
            for step in 0..<search.iterations {
                if let deadline, ContinuousClock.now >= deadline { break }
                if let target = search.target, best.value[0] <= target { break }
                if sinceBetter >= search.stall {
                    current = best.sequences
                    durations = TabuSearch.durations(problem, current)
                    shake(&current, durations: durations, times: best.times, swaps: 2 + random.below(4) + min(shakes, 20))
                    shakes += 1
                    times = timing.times(current, durations: durations)!
                    value = timing.value(objective, current, times)
                    if estimating { estimate.update(current, durations: durations, times: times) }
                    tabu.removeAll(keepingCapacity: true)
                    sinceBetter = 0
                }
                var chosen: (move: Move, value: [Int], key: Int, own: Int)?
                // N5's moves (and reassignments) first; the other swaps only when none of
                // those is allowed: they cannot shorten the path, and among them a search
                // circles on plateaus, but without them N5 alone circles too.
                let tiers = moves(current, times: times)
                var neighbourhood: [Move] = []
                for tier in tiers where chosen == nil {
                neighbourhood = tier
                for move in sample(tier, limit: neighbourLimit) {
                    let key: Int
                    let undo: Int
                    switch move {
                    case let .swap(machine, position, other):
                        let a = current.order[machine][position], b = current.order[machine][other]
                        key = b * n + a  // swapping them back
                        undo = a * n + b
                    case let .reassign(operation, machine, _):
                        key = n * n + operation * problem.machineCount + machine
                        undo = n * n + operation * problem.machineCount + current.machine[operation]
                    case let .crew(before, after):
                        key = n * n + n * problem.machineCount + after * n + before
                        undo = n * n + n * problem.machineCount + before * n + after
                    }
                    let measured: [Int]?
                    if estimating, case let .swap(machine, position, other) = move, other == position + 1 {
                        measured = [estimate.makespan(swapping: current.order[machine][position], current.order[machine][other], durations: durations, times: times)]
                    } else {
                        // Applied in place and undone: a copy of every machine's order per
                        // neighbour was most of the time.
                        let saved = apply(move, to: &current, durations: &durations)
                        let feasible = timing.times(current, durations: durations, into: &workspace)
                        measured = feasible ? timing.value(objective, current, workspace.times) : nil
                        revert(move, saved, in: &current, durations: &durations)
                    }
                    guard let v = measured else { continue }
                    let isTabu = (tabu[key] ?? -1) >= step
                    guard !isTabu || v.lexicographicallyPrecedes(best.value) else { continue }
                    if chosen == nil || v.lexicographicallyPrecedes(chosen!.value) { chosen = (move, v, undo, key) }
                }
                }
                guard let move = chosen else {
                    // Every move tabu and none good enough: release the oldest ban and go on.
                    guard let oldest = tabu.min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { sinceBetter = search.stall; continue }
                    tabu[oldest.key] = nil
                    sinceBetter += 1
                    continue
                }
                let saved = apply(move.move, to: &current, durations: &durations)
                // Timed once more rather than a copy of every better neighbour's times kept;
                // an estimated swap is timed here for the first time, and one that turns out
                // to close a cycle is undone and banned for a while.
                guard let timed = timing.times(current, durations: durations) else {
                    revert(move.move, saved, in: &current, durations: &durations)
                    tabu[move.own] = step + search.tenure
                    sinceBetter += 1
                    continue
                }
                times = timed
                value = timing.value(objective, current, times)
                if estimating { estimate.update(current, durations: durations, times: times) }
                // Undoing the move is tabu for a while (a tenure that varies a little with
                // the step breaks the cycles a fixed one falls into), but not for more steps
                // than there are moves: with every move tabu the search only waits.
                let tenure = min(search.tenure, max(2, neighbourhood.count))
                tabu[move.key] = step + tenure + (tenure < search.tenure ? 0 : step % 5)
                if value.lexicographicallyPrecedes(best.value) {
                    best = (current, times, value)
                    sinceBetter = 0
                    shakes = 0
                    report(step: step + 1, value: value)
                } else {
                    sinceBetter += 1
                }
            }
            return (best.value, timing.schedule(best.sequences, best.times))
        }

        /// At most `limit` of `moves`, drawn by the seeded generator (all of them, in order, when
        /// there are no more): a step's work stays bounded on a large plant's long paths.
        private mutating func sample(_ moves: [Move], limit: Int) -> [Move] {
            guard moves.count > limit else { return moves }
            var pool = moves
            for k in 0..<limit { pool.swapAt(k, k + random.below(pool.count - k)) }
            return Array(pool[..<limit])
        }

        /// Applies `move`; returns what undoing it needs (the operation's old machine and position).
        private func apply(_ move: Move, to sequences: inout MachineSequences, durations: inout [Int]) -> (machine: Int, position: Int) {
            switch move {
            case let .swap(machine, position, other):
                sequences.order[machine].swapAt(position, other)
                return (machine, position)
            case let .reassign(operation, machine, position):
                let from = sequences.machine[operation]
                let at = sequences.order[from].firstIndex(of: operation)!
                sequences.order[from].remove(at: at)
                sequences.order[machine].insert(operation, at: position)
                sequences.machine[operation] = machine
                durations[operation] = problem.operations[operation].duration(on: machine)!
                return (from, at)
            case let .crew(before, after):
                sequences.crewRank.swapAt(before, after)
                return (0, 0)
            }
        }

        private func revert(_ move: Move, _ saved: (machine: Int, position: Int), in sequences: inout MachineSequences, durations: inout [Int]) {
            switch move {
            case let .swap(machine, position, other):
                sequences.order[machine].swapAt(position, other)
            case let .reassign(operation, machine, position):
                sequences.order[machine].remove(at: position)
                sequences.order[saved.machine].insert(operation, at: saved.position)
                sequences.machine[operation] = saved.machine
                durations[operation] = problem.operations[operation].duration(on: saved.machine)!
            case let .crew(before, after):
                sequences.crewRank.swapAt(before, after)
            }
        }

        /// Random swaps on the critical path (seeded): a way out of the best schedule's valley.
        private mutating func shake(_ sequences: inout MachineSequences, durations: [Int], times: ShopTiming.Times, swaps: Int) {
            var times = times
            for _ in 0..<swaps {
                let swaps = moves(sequences, times: times).joined().filter { if case .swap = $0 { true } else { false } }
                guard !swaps.isEmpty else { return }
                var scratch = durations
                let move = swaps[random.below(swaps.count)]
                _ = apply(move, to: &sequences, durations: &scratch)
                guard let next = timing.times(sequences, durations: durations) else {
                    revert(move, (0, 0), in: &sequences, durations: &scratch)
                    return
                }
                times = next
            }
        }

        /// The operations the paths end at: the last to end for the makespan; the jobs that
        /// cost most for tardiness or lateness (up to three), or the makespan's when none is late.
        private func pathEnds(_ times: ShopTiming.Times) -> (ends: [Int], late: Bool) {
            let measure = search.objective.measures[0]
            if measure == .weightedTardiness || measure == .weightedLateness {
                var late: [(cost: Int, operation: Int)] = []
                for job in problem.jobs {
                    guard let due = job.due, let last = job.operations.max(by: { (times.end[$0], $1) < (times.end[$1], $0) }) else { continue }
                    let cost = job.weight * (times.end[last] - due)
                    if cost > 0 { late.append((cost, last)) }
                }
                late.sort { ($0.cost, -$0.operation) > ($1.cost, -$1.operation) }
                if !late.isEmpty { return (late.prefix(3).map(\.operation), true) }
            }
            var last = 0
            for o in times.end.indices where times.end[o] > times.end[last] { last = o }
            return (times.end.isEmpty ? [] : [last], false)
        }

        /// The neighbourhood in two tiers: N5's swaps and the reassignments, then N1's other swaps.
        func moves(_ sequences: MachineSequences, times: ShopTiming.Times) -> [[Move]] {
            var position = [Int](repeating: 0, count: times.start.count)
            for sequence in sequences.order { for (i, o) in sequence.enumerated() { position[o] = i } }
            var moves: [Move] = []
            var inner: [Move] = []
            var reassign: [Move] = []
            var seenSwap = Set<Int>()
            var seenOperation = Set<Int>()
            var crew: [Move] = []
            var seenCrew = Set<Int>()
            let (ends, dueDriven) = pathEnds(times)
            for end in ends {
                // Through a fixed operation to the one before it on its machine: what that one
                // leaves of the time before the fixed one is what pushed the next past it.
                var path = [end]
                var o = end
                while true {
                    if times.binding[o] >= 0 {
                        o = times.binding[o]
                    } else if problem.operations[o].fixed != nil, position[o] > 0 {
                        o = sequences.order[sequences.machine[o]][position[o] - 1]
                    } else {
                        break
                    }
                    path.append(o)
                }
                path.reverse()
                // Where the path passes from the crew's last holder to an operation that waited
                // for it (neither its machine predecessor nor its graph predecessor), the crew
                // may go to the one waiting first.
                if timing.hasLabor {
                    for (q, o) in zip(path, path.dropFirst()) where problem.operations[o].fixed == nil && problem.operations[q].fixed == nil {
                        let machinePrevious = position[o] > 0 ? sequences.order[sequences.machine[o]][position[o] - 1] : -1
                        guard q != machinePrevious, !timing.predecessors[o].contains(where: { $0.operation == q }) else { continue }
                        if seenCrew.insert(q * times.start.count + o).inserted { crew.append(.crew(before: q, after: o)) }
                    }
                }
                var blocks: [[Int]] = []
                for op in path {
                    if let last = blocks.last?.last, sequences.machine[last] == sequences.machine[op], position[op] == position[last] + 1 {
                        blocks[blocks.count - 1].append(op)
                    } else {
                        blocks.append([op])
                    }
                }
                func add(_ pair: (Int, Int), to list: inout [Move]) {
                    let machine = sequences.machine[pair.0]
                    if seenSwap.insert(machine * times.start.count + position[pair.0]).inserted {
                        list.append(.swap(machine: machine, position: position[pair.0], other: position[pair.1]))
                    }
                }
                for (b, block) in blocks.enumerated() {
                    // Fixed operations stay: pairs are of the next operations not fixed.
                    let movable = block.filter { problem.operations[$0].fixed == nil }
                    let pairs = Array(zip(movable, movable.dropFirst()))
                    guard let first = pairs.first, let last = pairs.last else { continue }
                    if b > 0 { add(first, to: &moves) }
                    // A path to a late job ends at that job: moving it earlier in its own
                    // block shortens the path, where the makespan's last would only trade places.
                    if (b < blocks.count - 1 || dueDriven) && (last != first || b == 0) { add(last, to: &moves) }
                    for pair in pairs { add(pair, to: &inner) }
                }
                // Another machine for a flexible operation on the path, where its start puts it.
                for op in path where problem.operations[op].modes.count > 1 && problem.operations[op].fixed == nil {
                    guard seenOperation.insert(op).inserted else { continue }
                    for mode in problem.operations[op].modes where mode.machine != sequences.machine[op] {
                        let order = sequences.order[mode.machine]
                        var at = 0
                        while at < order.count && times.start[order[at]] <= times.start[op] { at += 1 }
                        reassign.append(.reassign(operation: op, machine: mode.machine, position: at))
                    }
                }
            }
            return [moves + reassign + crew, inner]
        }
    }
}
