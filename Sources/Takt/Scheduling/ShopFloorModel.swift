import TaktSchedule

/// A scenario's lots as a machine-scheduling problem, with the way back from the problem's
/// indices to the plant's names.
///
/// - Each machine of a work center is a machine; a routing step is an operation that any
///   machine of its work center or of its alternatives can do, in
///   ⌈60 · run hours · quantity ÷ efficiency⌉ minutes on that work center.
/// - A lot's steps form a chain in step order; the lot is released and due as
///   ``ProductionLot`` says, weighted by its orders' priority.
/// - The setup family is the (product, step) pair: changing a machine over to it takes the
///   step's setup hours, or the ``SetupChange`` row for the two products where there is one;
///   a lot after another of the same product and step needs none. Operations may pause over
///   breaks and resume.
/// - A step in progress (``OperationInProgress``) stays on its machine from its start (or the
///   machine's first working time in the window) for its remaining hours; the lot's earlier
///   steps are done. In a reschedule the earlier schedule's started operations stay where it
///   had them, and so do a frozen order's, where their machine still works then.
/// - A step with a labor pool holds ⌈labor hours ÷ run hours⌉ of its workers while it runs
///   in its machine's working time (they leave over breaks)
///   (at least 1, at most the pool); the pool has the workers present in a working day's
///   shifts: ⌊headcount × attendance × hours per day ÷ the longest working day of the work
///   centers it staffs⌋, where the headcount may come from a plan.
public struct ShopFloorModel: Sendable {
    /// One machine: its work center and number there (1, 2, …).
    public struct Machine: Hashable, Sendable, Codable {
        public var workCenter: String
        public var unit: String
        public var number: Int
        /// `CNC-T-1`.
        public var name: String { "\(workCenter)-\(number)" }
    }

    /// What an operation of the problem is in the plant.
    public struct Step: Hashable, Sendable {
        public var lot: Int
        public var step: Int
        public var laborPool: String?
    }

    public var window: ShopWindow
    public var lots: [ProductionLot]
    public var machines: [Machine]
    public var steps: [Step]
    public var problem: ShopProblem
    /// The machines' first shift start and regular minutes a day, by work center, for
    /// dispatch lists (shift numbers).
    public var shifts: [String: (start: Int, minutes: Int, count: Int)]

    /// An earlier schedule to keep to: its operations that started before `frozenBefore`, and
    /// those of the lots `keeping` (frozen orders'), stay on their machine at their start; the
    /// others are planned where it had them.
    public struct Reference: Sendable {
        /// By lot id and step: machine name and start.
        public var operations: [String: (machine: String, start: Int)]
        public var frozenBefore: Int
        public var keeping: Set<String>

        public init(_ schedule: ShopFloorSchedule, frozenBefore: Int, keeping: Set<String> = []) {
            self.operations = Dictionary(schedule.operations.map { ("\($0.lot)\u{1}\($0.step)", ($0.machine, $0.start)) }) { first, _ in first }
            self.frozenBefore = frozenBefore
            self.keeping = keeping
        }
    }

    /// The operations fixed in place (in progress, or by the reference), by lot id and step.
    public var frozen: Set<String>
    /// The labor pools' workers present, in file order.
    public var crews: [ShopFloorSchedule.Crew]

    /// - Throws: ``ShopFloorError/unschedulable(lot:step:reason:)`` when a step has no machine that works.
    public init(
        _ scenario: Scenario, lots: [ProductionLot], window: ShopWindow, overtimeHours: [String: [Int: Double]] = [:],
        headcount: [String: Double] = [:], reference: Reference? = nil
    ) throws(ShopFloorError) {
        self.window = window
        self.lots = lots
        let calendars = ShopCalendar(scenario, window: window, downFrom: reference?.frozenBefore ?? Int.min)
        let centers = Dictionary(scenario.workCenters.map { ($0.id, $0) }) { first, _ in first }
        let products = Dictionary(scenario.products.map { ($0.id, $0) }) { first, _ in first }
        let routings = Dictionary(grouping: scenario.routings, by: \.product).mapValues { $0.sorted { $0.step < $1.step } }

        // Machines, work center by work center in file order.
        var machines: [Machine] = []
        var machineCalendars: [MachineCalendar] = []
        var machineIndex: [String: Int] = [:]
        var firstMachine: [String: Int] = [:]
        var shifts: [String: (start: Int, minutes: Int, count: Int)] = [:]
        for center in scenario.workCenters {
            firstMachine[center.id] = machines.count
            shifts[center.id] = (calendars.shiftStart(of: center), Int((center.hoursPerShift * 60).rounded()), center.shiftsPerDay)
            for (k, calendar) in calendars.machines(of: center, overtimeHours: overtimeHours[center.id] ?? [:]).enumerated() {
                machines.append(Machine(workCenter: center.id, unit: center.unit, number: k + 1))
                machineIndex[machines.last!.name] = machines.count - 1
                machineCalendars.append(calendar)
            }
        }

        // Labor pools: the workers present in a working day's shifts.
        var poolIndex: [String: Int] = [:]
        var pools: [ShopProblem.LaborPool] = []
        let dayMinutes = Dictionary(scenario.routings.compactMap { step in
            step.laborPool.map { pool in (pool, ([step.workCenter] + step.alternatives).compactMap { centers[$0] }.map(ShopCalendar.shiftMinutes).max() ?? 0) }
        }, uniquingKeysWith: max)
        var crews: [ShopFloorSchedule.Crew] = []
        for pool in scenario.laborPools {
            let people = headcount[pool.id].flatMap { $0.isFinite && $0 >= 0 ? min($0, 1e7) : nil } ?? pool.headcount
            let present = people * pool.attendance * pool.hoursPerDay * 60 / Double(max(1, dayMinutes[pool.id] ?? 0))
            let workers = Int(min(present, people, 1e7).rounded(.down))
            crews.append(.init(laborPool: pool.id, headcount: people, planned: headcount[pool.id] != nil, workers: max(0, workers)))
            guard workers >= 1 else { continue }
            poolIndex[pool.id] = pools.count
            pools.append(ShopProblem.LaborPool(name: pool.id, workers: min(workers, 1_000_000), heldOverBreaks: false))
        }

        // Setup families: (product, step) pairs, numbered as first met.
        var familyIndex: [String: Int] = [:]
        var familyProducts: [String] = []
        var into: [Int] = []
        var operations: [ShopProblem.Operation] = []
        var jobs: [ShopProblem.Job] = []
        var steps: [Step] = []
        // Work in progress, by lot: the first lot of each order with a step running.
        var running: [Int: OperationInProgress] = [:]
        if !scenario.operationsInProgress.isEmpty {
            var lotOf: [String: Int] = [:]
            for (l, lot) in lots.enumerated() { for order in lot.orders where lotOf[order] == nil { lotOf[order] = l } }
            for item in scenario.operationsInProgress { if let l = lotOf[item.order], running[l] == nil { running[l] = item } }
        }
        for (l, lot) in lots.enumerated() {
            let first = operations.count
            for step in routings[lot.product] ?? [] {
                if let item = running[l], step.step < item.step { continue }  // done before the step in progress
                var modes: [(machine: Int, duration: Int)] = []
                for id in [step.workCenter] + step.alternatives {
                    guard let center = centers[id], let base = firstMachine[id], center.efficiency > 0 else { continue }
                    let minutes = (step.runHours * lot.quantity / center.efficiency * 60).rounded(.up)
                    guard minutes.isFinite, minutes < 1e9 else {
                        throw .unschedulable(lot: lot.id, step: step.step, reason: "its run time on \(id) is more than a billion minutes")
                    }
                    for m in base..<base + center.machines where machineCalendars[m].intervals.first != nil {
                        modes.append((m, Int(minutes)))
                    }
                }
                guard !modes.isEmpty else {
                    throw .unschedulable(lot: lot.id, step: step.step, reason: "no machine of \(([step.workCenter] + step.alternatives).joined(separator: ", ")) works")
                }
                let key = "\(lot.product)\u{1}\(step.step)"
                let family = familyIndex[key] ?? {
                    familyIndex[key] = into.count
                    familyProducts.append(lot.product)
                    into.append(Int((step.setupHours * 60).rounded(.up)))
                    return into.count - 1
                }()
                var labor: ShopProblem.Operation.Labor?
                if let id = step.laborPool, let p = poolIndex[id], step.laborHours > 0 {
                    let crew = step.runHours > 0 ? Int((step.laborHours / step.runHours).rounded(.up)) : 1
                    labor = .init(pool: p, workers: min(max(1, crew), pools[p].workers))
                }
                let stepKey = "\(lot.id)\u{1}\(step.step)"
                var pinned: ShopProblem.Operation.Fixed?
                if let item = running[l], item.step == step.step,
                    let (center, number) = ([step.workCenter] + step.alternatives).lazy.compactMap({ centers[$0] }).compactMap({ c in item.machineNumber(on: c).map { (c, $0) } }).first,
                    let base = firstMachine[center.id], let whole = modes.first(where: { $0.machine == base + number - 1 })?.duration
                {
                    // (A machine that does not work in the window leaves the step to the others.)
                    let m = base + number - 1
                    let left = item.remainingHours.map { Int(($0 * 60).rounded(.up)) } ?? whole
                    if left == 0 { continue }  // nothing left of the step
                    if left < Int(1e9) {
                        modes = [(m, left)]
                        // (A reschedule keeps it where the earlier schedule had it, below.)
                        let began = window.minute(of: item.start) + item.startTime.minutes
                        if reference == nil, let start = machineCalendars[m].earliestStart(at: max(0, began), duration: left, resumable: true) { pinned = .init(machine: m, start: start) }
                    }
                }
                var operation = ShopProblem.Operation(job: l, modes: modes, setupFamily: family, labor: labor)
                operation.fixed = pinned
                if let reference, let before = reference.operations[stepKey] {
                    operation.planned = before.start
                    // Started work stays, where its machine can still do it from there (a step
                    // after an unfrozen one is not frozen either).
                    let previousFrozen = operations.count > first ? operations[operations.count - 1].fixed != nil : true
                    if before.start < reference.frozenBefore || reference.keeping.contains(lot.id), previousFrozen, let m = machineIndex[before.machine],
                        let duration = modes.first(where: { $0.machine == m })?.duration,
                        machineCalendars[m].earliestStart(at: before.start, duration: duration, resumable: true) == before.start
                    {
                        operation.fixed = .init(machine: m, start: before.start)
                    }
                }
                operations.append(operation)
                steps.append(Step(lot: l, step: step.step, laborPool: labor == nil ? nil : step.laborPool))
            }
            // Work already running was released when it started.
            let release = min(lot.release, operations.count > first ? operations[first].fixed?.start ?? lot.release : lot.release)
            jobs.append(ShopProblem.Job(name: lot.id, operations: Array(first..<operations.count), release: release, due: lot.due, weight: lot.weight))
        }

        var setups = SetupTimes(into: into)
        if !scenario.setupChanges.isEmpty {
            setups.matrix = Self.changeovers(scenario.setupChanges, familyProducts: familyProducts, into: into, products: products)
        }
        Self.release(conflicting: &operations, jobs: jobs, calendars: machineCalendars, setups: setups)
        self.machines = machines
        self.crews = crews
        self.frozen = Set(steps.indices.filter { operations[$0].fixed != nil }.map { "\(lots[steps[$0].lot].id)\u{1}\(steps[$0].step)" })
        self.steps = steps
        self.shifts = shifts
        self.problem = ShopProblem(
            machineCount: machines.count, operations: operations, jobs: jobs, calendars: machineCalendars, setupTimes: setups, laborPools: pools)
    }

    /// Unfixes the operations that cannot stay where they were (the plant changed under them):
    /// one that starts before its fixed predecessor ends, or too close after another fixed
    /// operation on its machine for the changeover between them; and every later step of their
    /// lots. The kept ones are a set the engine accepts (labor aside).
    static func release(conflicting operations: inout [ShopProblem.Operation], jobs: [ShopProblem.Job], calendars: [MachineCalendar], setups: SetupTimes) {
        func end(_ o: Int) -> Int? {
            guard let fixed = operations[o].fixed, let duration = operations[o].duration(on: fixed.machine) else { return nil }
            return calendars[fixed.machine].end(start: fixed.start, work: duration)
        }
        var changed = true
        while changed {
            changed = false
            for job in jobs {
                var previousEnd: Int? = 0
                for o in job.operations {
                    guard let fixed = operations[o].fixed else { previousEnd = nil; continue }
                    if let before = previousEnd, fixed.start >= before, let ends = end(o) {
                        previousEnd = ends
                    } else {
                        operations[o].fixed = nil
                        previousEnd = nil
                        changed = true
                    }
                }
            }
            var byMachine: [Int: [Int]] = [:]
            for o in operations.indices { if let fixed = operations[o].fixed { byMachine[fixed.machine, default: []].append(o) } }
            for (m, on) in byMachine {
                let sorted = on.sorted { (operations[$0].fixed!.start, $0) < (operations[$1].fixed!.start, $1) }
                var last: Int?
                for b in sorted {
                    if let a = last, let aEnd = end(a) {
                        let setup = setups.time(from: operations[a].setupFamily, to: operations[b].setupFamily)
                        let start = operations[b].fixed!.start
                        if start < aEnd || calendars[m].workingTime(from: aEnd, to: start) < setup {
                            operations[b].fixed = nil
                            changed = true
                            continue
                        }
                    }
                    last = b
                }
            }
        }
    }

    /// The family × family setup minutes where changeover rows apply: the most specific row
    /// for the two products (product → product, product → family, family → product, family →
    /// family), else the next family's own setup; nothing within one product.
    static func changeovers(_ changes: [SetupChange], familyProducts: [String], into: [Int], products: [String: Product]) -> [[Int]] {
        let hours = Dictionary(changes.map { ("\($0.from)\u{1}\($0.to)", $0.hours) }) { first, _ in first }
        var byProducts: [String: Int?] = [:]
        func minutes(_ a: String, _ b: String) -> Int? {
            let key = "\(a)\u{1}\(b)"
            if let known = byProducts[key] { return known }
            let fa = products[a]?.family ?? a, fb = products[b]?.family ?? b
            let found = [(a, b), (a, fb), (fa, b), (fa, fb)].lazy.compactMap { hours["\($0.0)\u{1}\($0.1)"] }.first
            let value = found.map { Int(($0 * 60).rounded(.up)) }
            byProducts[key] = value
            return value
        }
        return familyProducts.indices.map { f in
            familyProducts.indices.map { t in
                if familyProducts[f] == familyProducts[t] { return f == t ? 0 : into[t] }
                return minutes(familyProducts[f], familyProducts[t]) ?? into[t]
            }
        }
    }
}

/// Why a shop-floor schedule cannot be made.
public enum ShopFloorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A lot's step has no machine to run on.
    case unschedulable(lot: String, step: Int, reason: String)
    /// The plan or the options do not fit the scenario.
    case invalidRequest(String)
    /// The scheduling engine refused the problem.
    case engine(ShopProblemError)
    /// Planning the scenario to schedule failed.
    case planning(PlanningError)

    public var description: String {
        switch self {
        case let .unschedulable(lot, step, reason): "lot \(lot), step \(step): \(reason)"
        case .invalidRequest(let message): message
        case .engine(let error): "the scheduling problem: \(error)"
        case .planning(let error): "planning: \(error)"
        }
    }
}
