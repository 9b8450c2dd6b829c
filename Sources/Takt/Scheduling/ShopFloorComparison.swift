import Foundation

/// Shop-floor schedules of a base scenario and its what-ifs side by side, as
/// ``WhatIfComparison`` sets plans side by side: one value per scenario (the base first) for
/// each measure, and per what-if the operations that moved and the orders that became late or
/// on time against the base's schedule.
public struct ShopFloorComparison: Hashable, Sendable, Codable {
    /// What a measure counts, for showing it.
    public enum Unit: String, Hashable, Sendable, Codable {
        case count, hours
        /// 0–1.
        case share
    }

    /// What is measured.
    public enum Subject: Hashable, Sendable, Codable {
        case operations, lateLots, lateOrders, onTimeOrders, weightedTardinessHours, makespanHours, setupHours, carriedOver
        case movedOperations
        /// Scheduled ÷ available hours of a work center's machines in the window.
        case utilization(workCenter: String)

        public var unit: Unit {
            switch self {
            case .onTimeOrders, .utilization: .share
            case .weightedTardinessHours, .makespanHours, .setupHours: .hours
            default: .count
            }
        }
    }

    public struct Measure: Hashable, Sendable, Codable {
        public var subject: Subject
        public var values: [Double]
    }

    /// What changed in one what-if against the base's schedule.
    public struct Change: Hashable, Sendable, Codable {
        public var moved: [ShopFloorReschedule.Move]
        public var added: Int
        public var dropped: Int
        public var newlyLate: [String]
        public var recovered: [String]
    }

    public var scenarios: [String]
    public var window: ShopWindow
    public var measures: [Measure]
    /// One per what-if (not the base).
    public var changes: [Change]

    /// - Precondition: `schedules` is not empty; the first is the base.
    public init(_ schedules: [(name: String, schedule: ShopFloorSchedule)]) {
        precondition(!schedules.isEmpty, "a comparison needs the base schedule")
        scenarios = schedules.map(\.name)
        let base = schedules[0].schedule
        window = base.window
        changes = schedules.dropFirst().map { item in
            let against = ShopFloorReschedule(previous: base, schedule: item.schedule, at: 0)
            return Change(moved: against.moved, added: against.added, dropped: against.dropped, newlyLate: against.newlyLate, recovered: against.recovered)
        }
        let all = schedules.map(\.schedule)
        var measures: [Measure] = []
        func add(_ subject: Subject, _ value: (ShopFloorSchedule) -> Double) { measures.append(Measure(subject: subject, values: all.map(value))) }
        add(.operations) { Double($0.operations.count) }
        add(.lateOrders) { Double($0.lateOrders.count) }
        add(.onTimeOrders) { $0.shipments.isEmpty ? 1 : Double($0.shipments.count - $0.lateOrders.count) / Double($0.shipments.count) }
        add(.lateLots) { Double($0.lateLots) }
        add(.weightedTardinessHours) { Double($0.weightedTardiness) / 60 }
        add(.makespanHours) { Double($0.makespan) / 60 }
        add(.setupHours) { Double($0.setupMinutes) / 60 }
        add(.carriedOver) { Double($0.carriedOver) }
        measures.append(Measure(subject: .movedOperations, values: [0] + changes.map { Double($0.moved.count) }))
        // Every work center of any schedule, in the base's order first.
        var centers: [String] = []
        for schedule in all { for use in schedule.centers where use.machines > 0 && !centers.contains(use.workCenter) { centers.append(use.workCenter) } }
        for id in centers {
            add(.utilization(workCenter: id)) { schedule in schedule.centers.first { $0.workCenter == id }?.utilization ?? 0 }
        }
        self.measures = measures
    }
}

/// Schedules a base scenario and what-if overlays of it in one window, in parallel, and sets
/// them side by side (`takt schedule PATH --compare A.yaml --compare B.yaml`).
///
/// Lots come from the orders, or from a plan: the one given (the same plan in every
/// scenario: a changed shop floor under one plan, with a lot for each order a what-if adds),
/// else each scenario's own, planned as
/// ``WhatIfAnalysis`` plans what-ifs (each keeping the base plan where the optimal cost
/// allows, so that what differs is the what-if's doing).
///
///     let run = try ShopFloorWhatIf(base: scenario, overlays: [breakdown], window: window).run()
///     run.comparison.changes[0].newlyLate  // the orders the breakdown makes late
public struct ShopFloorWhatIf: Sendable {
    public var base: Scenario
    public var overlays: [ScenarioOverlay]
    public var window: ShopWindow
    public var source: LotSource
    /// The plan every scenario schedules; `nil` plans each.
    public var plan: ProductionPlanResult?
    public var planOptions: PlanOptions
    /// Each schedule's; its time limit is shared out so that the run, on every core, takes
    /// about that long.
    public var scheduler: ShopFloorScheduler

    public init(
        base: Scenario, overlays: [ScenarioOverlay], window: ShopWindow, source: LotSource = .plan, plan: ProductionPlanResult? = nil,
        planOptions: PlanOptions = PlanOptions(), scheduler: ShopFloorScheduler = ShopFloorScheduler()
    ) {
        self.base = base
        self.overlays = overlays
        self.window = window
        self.source = source
        self.plan = plan
        self.planOptions = planOptions
        self.scheduler = scheduler
    }

    /// The schedules, base first, and their comparison.
    public func run() throws(ShopFloorError) -> (schedules: [(name: String, schedule: ShopFloorSchedule)], comparison: ShopFloorComparison) {
        let scenarios = [base] + overlays.map { $0.applied(to: base) }
        let names = ["base"] + overlays.map(\.name)
        var plans: [ProductionPlanResult?] = Array(repeating: plan, count: scenarios.count)
        if source == .plan && plan == nil {
            do {
                plans = try WhatIfAnalysis(base: base, overlays: overlays, options: planOptions).run().outcomes.map(\.plan)
            } catch {
                throw .planning(error)
            }
        }
        var each = scheduler
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        each.timeLimit = scheduler.timeLimit * Double(min(cores, scenarios.count)) / Double(scenarios.count)
        let made = Shelf<Result<ShopFloorSchedule, ShopFloorError>>(count: scenarios.count)
        // Under one given plan, the orders a what-if adds are lots of their own.
        let added = [[]] + overlays.map { overlay in plan == nil ? [] : overlay.addOrders.map(\.id) }
        let planned = plans, scheduler = each
        DispatchQueue.concurrentPerform(iterations: scenarios.count) { i in
            made.put(i, Result { () throws(ShopFloorError) in
                if let plan = planned[i] { return try scheduler.schedule(scenarios[i], plan: plan, window: window, adding: added[i]) }
                return try scheduler.schedule(scenarios[i], lots: ProductionLot.lots(ofOrders: scenarios[i], window: window), window: window, source: .orders)
            })
        }
        var schedules: [(name: String, schedule: ShopFloorSchedule)] = []
        for i in scenarios.indices { schedules.append((names[i], try made[i]!.get())) }
        return (schedules, ShopFloorComparison(schedules))
    }
}
