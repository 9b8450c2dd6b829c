/// A schedule as the order of operations on each machine: the disjunctive graph's choice.
/// Times follow as the earliest the precedences, the machine orders with their setups and
/// the calendars allow (a semi-active schedule), by ``ShopTiming``.
struct MachineSequences: Hashable, Sendable {
    /// The machine each operation runs on.
    var machine: [Int]
    /// Per machine, its operations in processing order.
    var order: [[Int]]

    /// The sequences of a schedule: each machine's operations in the order they start.
    init(_ schedule: Schedule, machineCount: Int) {
        machine = schedule.assignments.map(\.machine)
        order = schedule.machineSequences(machineCount)
    }
}
