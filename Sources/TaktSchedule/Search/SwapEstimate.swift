/// Taillard's (1994) estimate of the makespan after swapping two adjacent operations u, v on
/// a machine, from the current heads r (starts) and tails q (the longest path from an
/// operation's end to the schedule's end), with a the machine predecessor of u and b the
/// successor of v, p the durations, S the setups and lags on the graph's arcs:
///
///     r'v = max(release v, max over arcs x → v (r x + p x + lag), r a + p a + S av)
///     r'u = max(release u, max over arcs x → u (r x + p x + lag), r'v + p v + S vu)
///     q'u = max(0, max over arcs u → y (lag + p y + q y), S ub + p b + q b)
///     q'v = max(0, max over arcs v → y (lag + p y + q y), S vu + p u + q'u)
///     estimate = max(r'v + p v + q'v, r'u + p u + q'u)
///
/// the longest path through u or v once swapped, with every other head and tail as it was.
/// It bounds the new makespan from below where those paths are the longest, and is exact
/// often enough that a step can rank its swaps by it and time only the one it takes
/// (Nowicki and Smutnicki's TSAB does the same). It holds where a start is only the graph's
/// longest path: machines always working, no labor pools, maximum lags or fixed operations.
struct SwapEstimate {
    let timing: ShopTiming
    private(set) var tails: [Int] = []
    private var machinePrevious: [Int] = []
    private var machineNext: [Int] = []

    init(timing: ShopTiming) { self.timing = timing }

    static func applies(to timing: ShopTiming, objective: ScheduleObjective) -> Bool {
        objective.measures == [.makespan] && timing.alwaysWorking && !timing.hasLabor && !timing.hasMaxLags && timing.fixedStart.allSatisfy { $0 < 0 }
    }

    /// The tails of `times`, the current schedule's.
    mutating func update(_ sequences: MachineSequences, durations: [Int], times: ShopTiming.Times) {
        let n = durations.count
        if tails.count != n {
            tails = [Int](repeating: 0, count: n)
            machinePrevious = [Int](repeating: -1, count: n)
            machineNext = [Int](repeating: -1, count: n)
        }
        sequences.link(previous: &machinePrevious, next: &machineNext)
        for o in times.order.reversed() {
            var q = 0
            for k in timing.successorStart[o]..<timing.successorStart[o + 1] {
                let y = timing.successorOperation[k]
                q = max(q, timing.successorLag[k] + durations[y] + tails[y])
            }
            let b = machineNext[o]
            if b >= 0 { q = max(q, timing.setup(o, b) + durations[b] + tails[b]) }
            tails[o] = q
        }
    }

    /// The estimated makespan once `u` and the `v` right after it on their machine swap.
    func makespan(swapping u: Int, _ v: Int, durations: [Int], times: ShopTiming.Times) -> Int {
        func head(_ o: Int) -> Int {
            var r = timing.release[o]
            for k in timing.predecessorStart[o]..<timing.predecessorStart[o + 1] {
                r = max(r, times.end[timing.predecessorOperation[k]] + timing.predecessorLag[k])
            }
            return r
        }
        func tail(_ o: Int) -> Int {
            var q = 0
            for k in timing.successorStart[o]..<timing.successorStart[o + 1] {
                let y = timing.successorOperation[k]
                q = max(q, timing.successorLag[k] + durations[y] + tails[y])
            }
            return q
        }
        let a = machinePrevious[u], b = machineNext[v]
        var headV = head(v)
        if a >= 0 { headV = max(headV, times.end[a] + timing.setup(a, v)) }
        let headU = max(head(u), headV + durations[v] + timing.setup(v, u))
        var tailU = tail(u)
        if b >= 0 { tailU = max(tailU, timing.setup(u, b) + durations[b] + tails[b]) }
        let tailV = max(tail(v), timing.setup(v, u) + durations[u] + tailU)
        return max(headV + durations[v] + tailV, headU + durations[u] + tailU)
    }
}
