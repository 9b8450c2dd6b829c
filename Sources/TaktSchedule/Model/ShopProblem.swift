/// A machine-scheduling problem: jobs of operations, every operation on one of the machines
/// that can do it. Times are whole units (minutes, say) so that the search is exact and
/// deterministic.
///
/// This is the classical job shop when every operation has one machine and jobs are chains,
/// and the flexible job shop when some operations have several machines (each with its own
/// duration). On top: precedence arcs with minimum lags (a job may be a general graph),
/// releases, due dates and weights; machine calendars; sequence-dependent setups by setup
/// family; labor pools, crews of a number of workers that operations on any machine share;
/// and fixed operations, which keep their machine and start (for rescheduling).
public struct ShopProblem: Hashable, Sendable {
    /// One operation: the machines that can process it, each with its duration.
    public struct Operation: Hashable, Sendable {
        public var job: Int
        /// `(machine, duration)` for every machine that can do it; durations ≥ 0.
        public var modes: [(machine: Int, duration: Int)]
        /// The setup family (an index into ``SetupTimes/matrix``); none needs no setup.
        public var setupFamily: Int?
        /// Whether it may pause over a break of its machine's calendar and resume after it
        /// (true), or must fit inside one working interval.
        public var resumable: Bool
        /// A started or frozen operation: it keeps this machine and start.
        public var fixed: Fixed?
        /// The workers it needs from a labor pool while it runs (start to end, breaks included
        /// unless the pool's workers leave over breaks).
        public var labor: Labor?
        /// Where an earlier schedule started it: moving it away costs in
        /// ``ScheduleObjective/Measure/displacement`` (a reschedule's stability).
        public var planned: Int?

        public struct Labor: Hashable, Sendable {
            /// An index into ``ShopProblem/laborPools``.
            public var pool: Int
            public var workers: Int
            public init(pool: Int, workers: Int = 1) {
                self.pool = pool
                self.workers = workers
            }
        }

        public struct Fixed: Hashable, Sendable {
            public var machine: Int
            public var start: Int
            public init(machine: Int, start: Int) {
                self.machine = machine
                self.start = start
            }
        }

        public init(
            job: Int, modes: [(machine: Int, duration: Int)], setupFamily: Int? = nil, resumable: Bool = true, fixed: Fixed? = nil, labor: Labor? = nil,
            planned: Int? = nil
        ) {
            self.job = job
            self.modes = modes
            self.setupFamily = setupFamily
            self.resumable = resumable
            self.fixed = fixed
            self.labor = labor
            self.planned = planned
        }

        /// Its duration on `machine`, if it can run there.
        public func duration(on machine: Int) -> Int? { modes.first { $0.machine == machine }?.duration }

        public static func == (a: Operation, b: Operation) -> Bool {
            a.job == b.job && a.modes.map(\.machine) == b.modes.map(\.machine) && a.modes.map(\.duration) == b.modes.map(\.duration)
                && a.setupFamily == b.setupFamily && a.resumable == b.resumable && a.fixed == b.fixed && a.labor == b.labor
                && a.planned == b.planned
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(job)
            for mode in modes {
                hasher.combine(mode.machine)
                hasher.combine(mode.duration)
            }
            hasher.combine(setupFamily)
            hasher.combine(resumable)
            hasher.combine(fixed)
            hasher.combine(labor)
            hasher.combine(planned)
        }
    }

    /// One job: its operations (indices into ``ShopProblem/operations``), in processing
    /// order when `chained`; released at `release`, due at `due`, weighted by `weight` in
    /// tardiness objectives. A job is done when its last operation ends.
    public struct Job: Hashable, Sendable {
        public var name: String
        public var operations: [Int]
        public var release: Int
        public var due: Int?
        public var weight: Int
        /// Each operation follows the one before it in `operations` (true), or only the
        /// problem's ``ShopProblem/precedences`` order them (a general graph).
        public var chained: Bool

        public init(name: String, operations: [Int], release: Int = 0, due: Int? = nil, weight: Int = 1, chained: Bool = true) {
            self.name = name
            self.operations = operations
            self.release = release
            self.due = due
            self.weight = weight
            self.chained = chained
        }
    }

    /// `after` starts at least `minLag` after `before` ends (a transfer or cooling time), and
    /// with a `maxLag` at most that long after (a part that must not cool, a quench that must
    /// follow the furnace).
    public struct Precedence: Hashable, Sendable {
        public var before: Int
        public var after: Int
        public var minLag: Int
        public var maxLag: Int?

        public init(before: Int, after: Int, minLag: Int = 0, maxLag: Int? = nil) {
            self.before = before
            self.after = after
            self.minLag = minLag
            self.maxLag = maxLag
        }
    }

    /// A crew shared by operations on any machines: at no time do the operations running
    /// with it need more than its `workers` (a secondary, cumulative resource).
    public struct LaborPool: Hashable, Sendable {
        public var name: String
        public var workers: Int
        /// Whether an operation keeps its workers over its machine's breaks (true: a crew stays
        /// with a job it has begun), or takes them only in its machine's working time (false:
        /// workers on shifts, who go home at night while the job waits on its machine).
        public var heldOverBreaks: Bool
        public init(name: String, workers: Int, heldOverBreaks: Bool = true) {
            self.name = name
            self.workers = workers
            self.heldOverBreaks = heldOverBreaks
        }
    }

    public var machineCount: Int
    public var operations: [Operation]
    public var jobs: [Job]
    /// Arcs beyond the jobs' chains.
    public var precedences: [Precedence]
    /// One per machine, or empty when every machine always works.
    public var calendars: [MachineCalendar]
    public var setupTimes: SetupTimes
    public var laborPools: [LaborPool]

    public init(
        machineCount: Int, operations: [Operation], jobs: [Job], precedences: [Precedence] = [], calendars: [MachineCalendar] = [],
        setupTimes: SetupTimes = .none, laborPools: [LaborPool] = []
    ) {
        self.machineCount = machineCount
        self.operations = operations
        self.jobs = jobs
        self.precedences = precedences
        self.calendars = calendars
        self.setupTimes = setupTimes
        self.laborPools = laborPools
    }

    /// A classical job shop: per job, its `(machine, duration)` steps in order.
    public init(jobShop routes: [[(machine: Int, duration: Int)]], machineCount: Int) {
        self.init(flexibleJobShop: routes.map { $0.map { [$0] } }, machineCount: machineCount)
    }

    /// A flexible job shop: per job, its operations in order, each with the
    /// `(machine, duration)` pairs of the machines that can do it.
    public init(flexibleJobShop routes: [[[(machine: Int, duration: Int)]]], machineCount: Int) {
        var operations: [Operation] = []
        var jobs: [Job] = []
        for (j, route) in routes.enumerated() {
            let first = operations.count
            operations += route.map { Operation(job: j, modes: $0) }
            jobs.append(Job(name: "J\(j)", operations: Array(first..<operations.count)))
        }
        self.init(machineCount: machineCount, operations: operations, jobs: jobs)
    }

    /// The calendar of `machine`.
    public func calendar(_ machine: Int) -> MachineCalendar { calendars.isEmpty ? .always : calendars[machine] }

    /// Every precedence arc: the jobs' chains (no lag) and the problem's own.
    public var arcs: [Precedence] {
        var all: [Precedence] = []
        for job in jobs where job.chained {
            for (a, b) in zip(job.operations, job.operations.dropFirst()) { all.append(Precedence(before: a, after: b)) }
        }
        return all + precedences
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
