/// A seeded random plant for benchmarks and property tests, in minutes: `jobs` jobs of
/// `operationsPerJob` operations in a chain, each operation on a machine drawn at random and,
/// with `machinesPerOperation` > 1, on the next machines too (that many in all), each at a
/// duration within 20% of the first's; 10–120 minutes an operation. Jobs are released over
/// the first week, due two to four times their work in calendar time after it plus up to a
/// machine's share of all the work (so that some are late and most need not be), weighted 1–3.
///
/// With `calendars`, every machine works two 8-hour shifts (06:00–22:00) Monday to Friday,
/// less one 4-hour maintenance window a week at a random time, for as many weeks as its share
/// of the work needs three times over, and always after that (so every schedule fits); one
/// operation in ten must then fit inside one shift. With `setupFamilies` > 0 each job belongs
/// to a family and changing family on a machine takes 5–30 minutes, by a random matrix.
///
/// The same parameters give the same problem on every platform.
public struct GeneratedShop: Hashable, Sendable {
    public var jobs: Int
    public var operationsPerJob: Int
    public var machines: Int
    public var machinesPerOperation: Int
    public var calendars: Bool
    public var setupFamilies: Int
    public var seed: UInt64

    public init(
        jobs: Int, operationsPerJob: Int, machines: Int, machinesPerOperation: Int = 1, calendars: Bool = true, setupFamilies: Int = 10,
        seed: UInt64 = 1
    ) {
        self.jobs = jobs
        self.operationsPerJob = operationsPerJob
        self.machines = machines
        self.machinesPerOperation = machinesPerOperation
        self.calendars = calendars
        self.setupFamilies = setupFamilies
        self.seed = seed
    }

    static let day = 24 * 60
    static let week = 7 * day

    /// An error naming the parameter out of range, if one is.
    public func validate() throws(ShopProblemError) {
        guard (1...1_000_000).contains(jobs), (1...1_000).contains(operationsPerJob), (1...10_000).contains(machines),
            jobs * operationsPerJob <= 10_000_000
        else { throw .invalid("a generated shop needs 1–1,000,000 jobs of 1–1,000 operations (at most 10,000,000 in all) on 1–10,000 machines") }
        guard (1...machines).contains(machinesPerOperation) else { throw .invalid("machines per operation must be 1...\(machines), not \(machinesPerOperation)") }
        guard (0...1_000).contains(setupFamilies) else { throw .invalid("setup families must be 0...1000, not \(setupFamilies)") }
    }

    /// The problem, or an error naming the parameter out of range.
    public func problem() throws(ShopProblemError) -> ShopProblem {
        try validate()
        var random = SeededRandom(seed: seed)
        var operations: [ShopProblem.Operation] = []
        var jobList: [ShopProblem.Job] = []
        operations.reserveCapacity(jobs * operationsPerJob)
        var totalWork = 0
        for j in 0..<jobs {
            let family = setupFamilies > 0 ? random.below(setupFamilies) : nil
            let first = operations.count
            var work = 0
            for _ in 0..<operationsPerJob {
                let machine = random.below(machines)
                let duration = 10 + random.below(111)
                var modes = [(machine: machine, duration: duration)]
                for k in 1..<machinesPerOperation {
                    modes.append(((machine + k) % machines, max(1, duration * (80 + random.below(41)) / 100)))
                }
                let resumable = !calendars || random.below(10) != 0
                operations.append(ShopProblem.Operation(job: j, modes: modes, setupFamily: family, resumable: resumable))
                work += duration
            }
            totalWork += work
            let release = calendars ? random.below(Self.week) : 0
            // Two to four times the work, in calendar time (16 of 24 hours, 5 of 7 days).
            let due = release + work * (2 + random.below(3)) * (calendars ? 21 : 10) / 10
            jobList.append(ShopProblem.Job(name: "J\(j + 1)", operations: Array(first..<operations.count), release: release, due: due, weight: 1 + random.below(3)))
        }
        var calendarList: [MachineCalendar] = []
        if calendars {
            let perMachine = totalWork / machines + 1
            let weeks = 1 + 3 * perMachine / (5 * 16 * 60) + 1
            for _ in 0..<machines {
                var working: [Range<Int>] = []
                for day in 0..<(weeks * 7) where day % 7 < 5 {
                    working.append(day * Self.day + 6 * 60..<day * Self.day + 22 * 60)
                }
                working.append(weeks * Self.week..<MachineCalendar.open)
                let maintenance = (0..<weeks).map { week -> Range<Int> in
                    let start = week * Self.week + random.below(5) * Self.day + 6 * 60 + random.below(12) * 60
                    return start..<start + 4 * 60
                }
                calendarList.append(MachineCalendar(working: working, unavailable: maintenance))
            }
        }
        var setups = SetupTimes.none
        if setupFamilies > 0 {
            let matrix = (0..<setupFamilies).map { from in (0..<setupFamilies).map { to in from == to ? 0 : 5 + random.below(26) } }
            setups = SetupTimes(matrix: matrix)
        }
        // An order book rather than a rush: each due date also lies up to the plant's own
        // span later (a machine's share of the work, in calendar time), drawn last so that
        // everything else is as the same seed always made it.
        let span = max(1, totalWork / machines * (calendars ? 21 : 10) / 10)
        for j in jobList.indices { jobList[j].due! += random.below(span) }
        return ShopProblem(machineCount: machines, operations: operations, jobs: jobList, calendars: calendarList, setupTimes: setups)
    }
}
