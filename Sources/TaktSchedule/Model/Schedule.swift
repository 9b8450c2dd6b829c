/// A schedule: for every operation, its machine, start and end.
public struct Schedule: Hashable, Sendable {
    /// Where and when one operation runs. With a calendar, `end − start` includes the
    /// breaks an operation that resumes pauses over.
    public struct Assignment: Hashable, Sendable {
        public var machine: Int
        public var start: Int
        public var end: Int

        public init(machine: Int, start: Int, end: Int) {
            self.machine = machine
            self.start = start
            self.end = end
        }
    }

    public var assignments: [Assignment]

    public init(assignments: [Assignment]) { self.assignments = assignments }

    /// The time the last operation ends.
    public var makespan: Int { assignments.map(\.end).max() ?? 0 }
}

extension Schedule {
    /// This schedule's machines and, on each machine, its operations in the order they start,
    /// timed as early as `problem` allows (semi-active): an earlier schedule brought to a
    /// changed problem (a machine down, longer work, fixed operations), or a rough one made
    /// feasible. `nil` when an operation is on a machine that cannot do it, or the orders
    /// cannot be timed (they contradict the precedences, or a calendar ends first).
    public func retimed(for problem: ShopProblem) -> Schedule? {
        guard assignments.count == problem.operations.count,
            assignments.indices.allSatisfy({ problem.operations[$0].duration(on: assignments[$0].machine) != nil })
        else { return nil }
        let sequences = MachineSequences(self, machineCount: problem.machineCount)
        let timing = ShopTiming(problem)
        guard let times = timing.times(sequences, durations: TabuSearch.durations(problem, sequences)) else { return nil }
        let timed = timing.schedule(sequences, times)
        return timed.violations(of: problem).isEmpty ? timed : nil
    }
}
