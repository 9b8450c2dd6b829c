/// Tabu search for the makespan of a job shop. The neighbours come from one critical path,
/// split into blocks of consecutive operations on one machine: first Nowicki and Smutnicki's
/// (1996, "N5": swap the first two operations of every block but the first, and the last two
/// of every block but the last — any better schedule must change some block at its ends),
/// then every other swap of two adjacent operations in a block (van Laarhoven et al.'s N1,
/// whose neighbourhood is connected). A swap of adjacent critical operations never makes a
/// cycle.
///
/// Each step takes the best swap that is not tabu (the reverse of a recent swap), or a tabu
/// one that beats the best schedule found (aspiration); it stops after `iterations` steps, or
/// `stall` steps without a better schedule, or at `timeLimit`. Moves are tried in a fixed
/// order and ties go to the first, so a run depends on the problem and the settings only.
///
/// Each operation stays on the machine its start schedule gave it (flexible operations are
/// given one by ``GifflerThompson``).
///
/// - Complexity: O(operations) a neighbour.
public struct TabuSearch: Sendable {
    public var iterations: Int
    public var stall: Int
    public var tenure: Int
    public var timeLimit: Double?

    public init(iterations: Int = 20_000, stall: Int = 4_000, tenure: Int = 10, timeLimit: Double? = nil) {
        self.iterations = iterations
        self.stall = stall
        self.tenure = tenure
        self.timeLimit = timeLimit
    }

    /// The best schedule found from `start` (by default the Giffler–Thompson schedule by
    /// most work remaining).
    public func schedule(_ problem: ShopProblem, from start: Schedule? = nil) throws(ShopProblemError) -> Schedule {
        try problem.validate()
        let n = problem.operations.count
        let initial: MachineSequences
        if let start {
            guard start.violations(of: problem).isEmpty else { throw .invalid("the start schedule is not feasible") }
            var order = [[Int]](repeating: [], count: problem.machineCount)
            for o in (0..<n).sorted(by: { (start.assignments[$0].start, $0) < (start.assignments[$1].start, $1) }) {
                order[start.assignments[o].machine].append(o)
            }
            initial = MachineSequences(machine: start.assignments.map(\.machine), order: order)
        } else {
            initial = GifflerThompson(rule: .mostWorkRemaining).sequences(problem).sequences
        }
        let durations = (0..<n).map { o in problem.operations[o].modes.first { $0.machine == initial.machine[o] }!.duration }
        var jobPrevious = [Int](repeating: -1, count: n)
        for job in problem.jobs { for (a, b) in zip(job.operations, job.operations.dropFirst()) { jobPrevious[b] = a } }

        let clock = ContinuousClock()
        let began = clock.now
        var current = initial
        var currentStarts = current.starts(problem, durations: durations, jobPrevious: jobPrevious)!
        var best = current
        var bestStarts = currentStarts
        var bestMakespan = Self.makespan(currentStarts, durations)
        var tabu: [Int: Int] = [:]  // pair key → step until which it is tabu
        var sinceBetter = 0
        for step in 0..<iterations {
            if let timeLimit, step % 64 == 0, (clock.now - began) > .seconds(timeLimit) { break }
            if sinceBetter >= stall { break }
            let moves = Self.moves(current, starts: currentStarts, durations: durations, jobPrevious: jobPrevious, problem: problem)
            var chosen: (machine: Int, position: Int, starts: [Int], makespan: Int, pair: (Int, Int))?
            for (machine, position) in moves {
                let a = current.order[machine][position], b = current.order[machine][position + 1]
                // Swapped in place and back: a copy of every machine's order per neighbour was
                // most of the time.
                current.order[machine].swapAt(position, position + 1)
                let starts = current.starts(problem, durations: durations, jobPrevious: jobPrevious)
                current.order[machine].swapAt(position, position + 1)
                guard let starts else { continue }
                let value = Self.makespan(starts, durations)
                let isTabu = (tabu[Self.key(b, a, n)] ?? -1) >= step
                guard !isTabu || value < bestMakespan else { continue }
                if chosen == nil || value < chosen!.makespan { chosen = (machine, position, starts, value, (a, b)) }
            }
            guard let move = chosen else {
                // Every move tabu and none good enough: release the oldest ban and go on.
                guard let oldest = tabu.min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { break }
                tabu[oldest.key] = nil
                sinceBetter += 1
                continue
            }
            current.order[move.machine].swapAt(move.position, move.position + 1)
            currentStarts = move.starts
            // Swapping a and b back is tabu for a while.
            // (A tenure that varies a little with the step breaks the cycles a fixed one falls into.)
            tabu[Self.key(move.pair.0, move.pair.1, n)] = step + tenure + step % 5
            if move.makespan < bestMakespan {
                best = current
                bestStarts = currentStarts
                bestMakespan = move.makespan
                sinceBetter = 0
            } else {
                sinceBetter += 1
            }
        }
        return best.schedule(starts: bestStarts, durations: durations)
    }

    private static func key(_ a: Int, _ b: Int, _ n: Int) -> Int { a * n + b }

    private static func makespan(_ starts: [Int], _ durations: [Int]) -> Int {
        zip(starts, durations).map(+).max() ?? 0
    }

    /// N5's swaps on one critical path, as (machine, position of the first of the pair).
    private static func moves(
        _ sequences: MachineSequences, starts: [Int], durations: [Int], jobPrevious: [Int], problem: ShopProblem
    ) -> [(Int, Int)] {
        let n = starts.count
        var position = [Int](repeating: 0, count: n)
        var machinePrevious = [Int](repeating: -1, count: n)
        for sequence in sequences.order {
            for (i, o) in sequence.enumerated() {
                position[o] = i
                if i > 0 { machinePrevious[o] = sequence[i - 1] }
            }
        }
        // Back from an operation that ends last, through predecessors that end as it starts
        // (the machine's first, so that blocks are as long as they are).
        guard n > 0 else { return [] }
        var o = 0
        for candidate in 1..<max(n, 1) where starts[candidate] + durations[candidate] > starts[o] + durations[o] { o = candidate }
        var path = [o]
        while true {
            let m = machinePrevious[o], j = jobPrevious[o]
            if m >= 0 && starts[m] + durations[m] == starts[o] { o = m } else if j >= 0 && starts[j] + durations[j] == starts[o] { o = j } else { break }
            path.append(o)
        }
        path.reverse()
        var blocks: [[Int]] = []
        for op in path {
            if let last = blocks.last?.last, sequences.machine[last] == sequences.machine[op], machinePrevious[op] == last {
                blocks[blocks.count - 1].append(op)
            } else {
                blocks.append([op])
            }
        }
        var moves: [(Int, Int)] = []
        // N5's moves first (the most promising), then the other swaps inside blocks (van
        // Laarhoven's N1), which keep the neighbourhood connected when N5 alone cycles.
        var inner: [(Int, Int)] = []
        for (b, block) in blocks.enumerated() where block.count >= 2 {
            let machine = sequences.machine[block[0]]
            let first = position[block[0]], last = position[block[block.count - 2]]
            if b > 0 { moves.append((machine, first)) }
            if b < blocks.count - 1 && (last != first || b == 0) { moves.append((machine, last)) }
            for k in 0..<(block.count - 1) where !moves.contains(where: { $0 == (machine, position[block[k]]) }) {
                inner.append((machine, position[block[k]]))
            }
        }
        return moves + inner
    }
}
