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
