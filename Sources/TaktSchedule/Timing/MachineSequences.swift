/// A schedule as the order of operations on each machine: the disjunctive graph's choice.
/// Times follow as the earliest the precedences, the machine orders with their setups and
/// the calendars allow (a semi-active schedule), by ``ShopTiming``.
struct MachineSequences: Hashable, Sendable {
    /// The machine each operation runs on.
    var machine: [Int]
    /// Per machine, its operations in processing order.
    var order: [[Int]]
    /// Each operation's turn at a labor pool's workers (lower first): where crews are shared,
    /// the timing pass places the operations ready in this order, so that the search can give
    /// a crew to one operation before another as it gives a machine.
    var crewRank: [Int]

    init(machine: [Int], order: [[Int]], crewRank: [Int]) {
        self.machine = machine
        self.order = order
        self.crewRank = crewRank
    }

    /// The sequences of a schedule: each machine's operations in the order they start, and
    /// the crews given out in that order too.
    init(_ schedule: Schedule, machineCount: Int) {
        machine = schedule.assignments.map(\.machine)
        order = schedule.machineSequences(machineCount)
        crewRank = [Int](repeating: 0, count: schedule.assignments.count)
        let byStart = schedule.assignments.indices.sorted { (schedule.assignments[$0].start, $0) < (schedule.assignments[$1].start, $1) }
        for (rank, o) in byStart.enumerated() { crewRank[o] = rank }
    }

    /// Each operation's predecessor and successor on its machine, −1 where there is none,
    /// into buffers of one slot per operation.
    func link(previous: inout [Int], next: inout [Int]) {
        for o in previous.indices {
            previous[o] = -1
            next[o] = -1
        }
        for sequence in order where sequence.count > 1 {
            for k in 1..<sequence.count {
                previous[sequence[k]] = sequence[k - 1]
                next[sequence[k - 1]] = sequence[k]
            }
        }
    }
}
