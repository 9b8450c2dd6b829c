/// A machine-scheduling problem: jobs, each a chain of operations, every operation on one of
/// the machines that can do it. Times are whole units (minutes, say) so that the search is
/// exact and deterministic.
///
/// This is the classical job shop when every operation has one machine, and the flexible
/// job shop when some have several (each with its own duration).
public struct ShopProblem: Hashable, Sendable {
    /// One operation: the machines that can process it, each with its duration.
    public struct Operation: Hashable, Sendable {
        public var job: Int
        /// `(machine, duration)` for every machine that can do it; durations ≥ 0.
        public var modes: [(machine: Int, duration: Int)]

        public init(job: Int, modes: [(machine: Int, duration: Int)]) {
            self.job = job
            self.modes = modes
        }

        public static func == (a: Operation, b: Operation) -> Bool {
            a.job == b.job && a.modes.map(\.machine) == b.modes.map(\.machine) && a.modes.map(\.duration) == b.modes.map(\.duration)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(job)
            for mode in modes {
                hasher.combine(mode.machine)
                hasher.combine(mode.duration)
            }
        }
    }

    /// One job: its operations in processing order (indices into ``operations``), released
    /// at `release`, due at `due`, weighted by `weight` in tardiness objectives.
    public struct Job: Hashable, Sendable {
        public var name: String
        public var operations: [Int]
        public var release: Int
        public var due: Int?
        public var weight: Int

        public init(name: String, operations: [Int], release: Int = 0, due: Int? = nil, weight: Int = 1) {
            self.name = name
            self.operations = operations
            self.release = release
            self.due = due
            self.weight = weight
        }
    }

    public var machineCount: Int
    public var operations: [Operation]
    public var jobs: [Job]

    public init(machineCount: Int, operations: [Operation], jobs: [Job]) {
        self.machineCount = machineCount
        self.operations = operations
        self.jobs = jobs
    }

    /// A classical job shop: per job, its `(machine, duration)` steps in order.
    public init(jobShop routes: [[(machine: Int, duration: Int)]], machineCount: Int) {
        var operations: [Operation] = []
        var jobs: [Job] = []
        for (j, route) in routes.enumerated() {
            let first = operations.count
            operations += route.map { Operation(job: j, modes: [$0]) }
            jobs.append(Job(name: "J\(j)", operations: Array(first..<operations.count)))
        }
        self.init(machineCount: machineCount, operations: operations, jobs: jobs)
    }

    /// Problems a solver cannot be given: a machine out of range, a negative duration, an
    /// operation without a machine, or an operation in no job or in two.
    public func validate() throws(ShopProblemError) {
        var owner = [Int?](repeating: nil, count: operations.count)
        for (j, job) in jobs.enumerated() {
            if job.release < 0 { throw .invalid("job \(job.name): release \(job.release) is negative") }
            for o in job.operations {
                guard operations.indices.contains(o) else { throw .invalid("job \(job.name): operation \(o) does not exist") }
                if owner[o] != nil { throw .invalid("operation \(o) is in two jobs") }
                owner[o] = j
                if operations[o].job != j { throw .invalid("operation \(o) says it is of job \(operations[o].job), not \(j)") }
            }
        }
        for (o, operation) in operations.enumerated() {
            if owner[o] == nil { throw .invalid("operation \(o) is in no job") }
            if operation.modes.isEmpty { throw .invalid("operation \(o) has no machine") }
            for mode in operation.modes {
                if !(0..<machineCount).contains(mode.machine) {
                    throw .invalid("operation \(o): machine \(mode.machine) out of range 0..<\(machineCount)")
                }
                if mode.duration < 0 { throw .invalid("operation \(o): duration \(mode.duration) is negative") }
            }
        }
    }
}

/// A problem that no scheduler should be given, or a file that does not hold one.
public enum ShopProblemError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalid(String)
    /// A file's text at a line and column, and what was expected there.
    case unreadable(file: String, line: Int, column: Int, message: String)

    public var description: String {
        switch self {
        case .invalid(let message): message
        case let .unreadable(file, line, column, message): "\(file), line \(line), column \(column): \(message)"
        }
    }
}
