/// Builds the capacity-load table (产能负荷分析表) of a scenario: hours available and hours
/// required for every work center and labor pool in every period.
///
///     let table = try CapacityLoadAnalysis(scenario).table()
///     for row in table.rows where row.status == .overloaded { print(row.resource.id, row.period) }
///
/// Work-center load of a routing step = run hours × quantity + setup hours, one setup per
/// order; of a plan, the setup spread over the product's lot as the plan itself counts it
/// (`RoutingStep.hoursPerUnit(setupSpreadOver:)`). Labor load = labor hours × quantity on the
/// step's pool. A step counts on its primary work center unless a plan line assigns an
/// alternative.
///
/// - Complexity: O(routing steps of the orders + resources × days of the horizon).
public struct CapacityLoadAnalysis: Sendable {
    public let scenario: Scenario
    public var source: LoadSource
    /// Report in these periods instead of the horizon's.
    public var bucketLength: PeriodLength?
    /// Only the resources of this production unit (and the units under it).
    public var unit: String?
    public var tightThreshold: Double
    public var underloadThreshold: Double
    /// Report in these periods, which must cover the horizon's days in order (the weeks of a
    /// decomposed plan, cut at month ends); overrides `bucketLength`.
    var customPeriods: [Period]?
    /// Planned workers per labor pool (by id) and horizon period, such as a plan's
    /// (``ProductionPlanResult/plannedWorkforce``): those pools' available hours are their
    /// planned workers', not their headcount's.
    public var workforce: [String: [Double]] = [:]

    /// The load of a plan: its production, and its labor pools with the workers it plans.
    public init(_ scenario: Scenario, plan: ProductionPlanResult, by bucketLength: PeriodLength? = nil, unit: String? = nil) {
        self.init(scenario, source: .plan(plan.plannedProduction), by: bucketLength, unit: unit)
        workforce = plan.plannedWorkforce
    }

    public init(_ scenario: Scenario, source: LoadSource = .orders, by bucketLength: PeriodLength? = nil, unit: String? = nil) {
        self.scenario = scenario
        self.source = source
        self.bucketLength = bucketLength
        self.unit = unit
        self.tightThreshold = scenario.policy.tightThreshold
        self.underloadThreshold = scenario.policy.underloadThreshold
    }

    /// One production run of a step.
    private struct RunKey: Hashable {
        var product: String
        var step: Int
        var day: Day
    }

    /// A routing step resolved to resource indices.
    private struct Step {
        var step: Int
        var workCenter: Int
        var alternatives: [String: Int]
        var laborPool: Int?
        var runHours, setupHours, laborHours: Double
        /// Work-center hours a unit of a plan line takes: the setup spread over the lot.
        var plannedHoursPerUnit: Double
        var offsetDays: Int
    }

    public func table() throws(CapacityLoadError) -> CapacityLoadTable {
        guard underloadThreshold >= 0, tightThreshold >= underloadThreshold, tightThreshold.isFinite else {
            throw .invalidThresholds(tight: tightThreshold, underload: underloadThreshold)
        }
        let included = try includedUnits()
        let calculator = CapacityCalculator(scenario)
        let profiles = calculator.profiles(workforce: workforce)
        let bucketing = customPeriods.map { Bucketing(periods: $0, over: scenario.horizon.range) } ?? Bucketing(scenario.horizon, by: bucketLength)
        let days = scenario.horizon.range
        let lastDay = days.dayCount - 1

        let resources = profiles.map(\.resource)
        let workCenterIndex = Dictionary(uniqueKeysWithValues: scenario.workCenters.enumerated().map { ($1.id, $0) })
        let poolIndex = Dictionary(uniqueKeysWithValues: scenario.laborPools.enumerated().map { ($1.id, scenario.workCenters.count + $0) })
        let setupLot = Dictionary(scenario.products.map { ($0.id, $0.setupLot) }) { first, _ in first }
        var routing: [String: [Step]] = [:]
        for step in scenario.routings {
            guard let center = workCenterIndex[step.workCenter] else { continue }
            routing[step.product, default: []].append(Step(
                step: step.step, workCenter: center,
                alternatives: Dictionary(step.alternatives.compactMap { id in workCenterIndex[id].map { (id, $0) } }) { a, _ in a },
                laborPool: step.laborPool.flatMap { poolIndex[$0] }, runHours: step.runHours, setupHours: step.setupHours,
                laborHours: step.laborHours, plannedHoursPerUnit: step.hoursPerUnit(setupSpreadOver: setupLot[step.product] ?? 0),
                offsetDays: step.offsetDays))
        }

        var load = LoadAccumulator(
            resourceCount: resources.count, dayCount: days.dayCount, bucketOfDay: bucketing.bucketOfDay,
            bucketCount: bucketing.periods.count)
        func clampToHorizon(_ day: Day) -> Int { min(max(days.start.distance(to: day), 0), lastDay) }
        // Work due on a day a resource does not work (a holiday, a weekend, a shutdown) is
        // done on its last working day before; only where it has none (from `notBefore` on)
        // does it stay on the day itself.
        let lastWorkingDay: [[Int]] = profiles.map { profile in
            var last = -1
            return profile.regular.indices.map { d in
                if profile.regular[d] > 0 { last = d }
                return last
            }
        }
        // The first day of each reporting period.
        var bucketStart = [Int](repeating: 0, count: bucketing.periods.count)
        for day in stride(from: lastDay, through: 0, by: -1) { bucketStart[bucketing.bucketOfDay[day]] = day }
        func workingDay(_ resource: Int, _ day: Int, notBefore: Int = 0) -> Int {
            let previous = lastWorkingDay[resource][day]
            return previous >= notBefore ? previous : day
        }

        // A product that sets up per run does so once per step and day its plan completes
        // anything on (a period plan's lines complete on the period's last day).
        // (Those with a lot size spread their setups over it, in `plannedHoursPerUnit`.)
        let perRun = scenario.productsWithSetupHoursPerRun
        var runs = Set<RunKey>()
        func addCompletion(_ line: PlannedCompletion, line lineNumber: Int) throws(CapacityLoadError) {
            guard let steps = routing[line.product] ?? (scenario.products.contains { $0.id == line.product } ? [] : nil) else {
                throw .unknownProduct(line.product, line: lineNumber)
            }
            guard line.quantity.isFinite, line.quantity >= 0 else { throw .invalidQuantity(line.quantity, line: lineNumber) }
            guard line.quantity > 0 else { return }
            for step in steps {
                var center = step.workCenter
                if let choice = line.alternatives.first(where: { $0.step == step.step }),
                    choice.workCenter != scenario.workCenters[step.workCenter].id
                {
                    guard let alternative = step.alternatives[choice.workCenter] else {
                        throw .unknownAlternative(product: line.product, step: step.step, workCenter: choice.workCenter, line: lineNumber)
                    }
                    center = alternative
                }
                // A plan's work moves to an earlier working day only within the period it is
                // reported in, where the plan itself counts it.
                let offset = clampToHorizon(line.day.advanced(by: -step.offsetDays))
                let periodStart = bucketStart[bucketing.bucketOfDay[offset]]
                load.add(resource: center, day: workingDay(center, offset, notBefore: periodStart), hours: step.plannedHoursPerUnit * line.quantity)
                // A run's setup is on the step's primary work center, however the step is split.
                if perRun.contains(line.product), runs.insert(RunKey(product: line.product, step: step.step, day: line.day)).inserted {
                    let primary = step.workCenter
                    load.add(resource: primary, day: workingDay(primary, offset, notBefore: periodStart), hours: step.setupHours)
                }
                if let pool = step.laborPool, step.laborHours > 0 {
                    load.add(resource: pool, day: workingDay(pool, offset, notBefore: periodStart), hours: step.laborHours * line.quantity)
                }
            }
        }

        switch source {
        case .orders:
            for (index, order) in scenario.orders.enumerated() {
                let quantity = order.remaining
                guard quantity > 0, let steps = routing[order.product] else { continue }
                let frozen = order.status == .frozen ? order.frozenPeriod?.range : nil
                // Not moved before the order may start, nor out of its frozen period.
                var earliest = order.earliestStart.map(clampToHorizon) ?? 0
                if let frozen { earliest = max(earliest, clampToHorizon(frozen.start)) }
                for step in steps {
                    var day = order.due.advanced(by: -step.offsetDays)
                    if let start = order.earliestStart { day = max(day, start) }
                    if let frozen { day = min(max(day, frozen.start), frozen.end.advanced(by: -1)) }
                    let offset = clampToHorizon(day)
                    load.addOrder(
                        resource: step.workCenter, day: workingDay(step.workCenter, offset, notBefore: earliest),
                        hours: step.runHours * quantity + step.setupHours)
                    if let pool = step.laborPool, step.laborHours > 0 {
                        load.addOrder(resource: pool, day: workingDay(pool, offset, notBefore: earliest), hours: step.laborHours * quantity)
                    }
                }
                load.finishOrder(index)
            }
        case .plan(let lines):
            let periods = scenario.horizon.periods
            for (lineNumber, line) in lines.enumerated() {
                guard periods.indices.contains(line.period) else {
                    throw .periodOutOfRange(line.period, line: lineNumber, periods: periods.count)
                }
                try addCompletion(
                    PlannedCompletion(product: line.product, day: periods[line.period].end.advanced(by: -1), quantity: line.quantity,
                        alternatives: line.alternatives),
                    line: lineNumber)
            }
        case .completions(let lines):
            for (lineNumber, line) in lines.enumerated() { try addCompletion(line, line: lineNumber) }
        }

        return assemble(profiles: profiles, load: load, bucketing: bucketing, included: included)
    }

    /// The units whose resources are reported: all, or one and those under it.
    private func includedUnits() throws(CapacityLoadError) -> Set<String>? {
        guard let unit else { return nil }
        guard scenario.units.contains(where: { $0.id == unit }) else {
            throw .unknownUnit(unit, known: scenario.units.map(\.id))
        }
        var included: Set<String> = [unit]
        var grew = true
        while grew {
            grew = false
            for child in scenario.units where child.parent.map(included.contains) == true && !included.contains(child.id) {
                included.insert(child.id)
                grew = true
            }
        }
        return included
    }

    private func assemble(profiles: [CapacityProfile], load: LoadAccumulator, bucketing: Bucketing, included: Set<String>?) -> CapacityLoadTable {
        let periods = bucketing.periods
        let dayStart = bucketing.horizon.start
        var rows: [CapacityLoadRow] = []
        var totals: [ResourceLoadTotal] = []
        for (r, profile) in profiles.enumerated() {
            if let included, !included.contains(profile.resource.unit) { continue }
            var total = ResourceLoadTotal(
                resource: profile.resource, availableHours: 0, requiredHours: 0, loadRatio: nil, overHours: 0,
                peakLoadRatio: nil, overloadedPeriods: 0)
            for period in periods {
                let offsets = period.dayOffsets(from: dayStart)
                func sum(_ values: [Double]) -> Double { offsets.reduce(0) { $0 + values[$1] } }
                let available = sum(profile.regular)
                let required = sum(load.hours[r])
                let status = LoadStatus.of(available: available, required: required, tight: tightThreshold, underload: underloadThreshold)
                let ratio = available > 0 ? required / available : nil
                let over = max(0, required - available)
                let contributors = status == .overloaded
                    ? load.topOrders(resource: r, bucket: period.index).map { OrderContribution(order: scenario.orders[$0.order].id, hours: $0.hours) }
                    : []
                rows.append(CapacityLoadRow(
                    resource: profile.resource, period: period.label, periodStart: period.start, availableHours: available,
                    requiredHours: required, loadRatio: ratio, overHours: over, underHours: max(0, available - required),
                    status: status, maintenanceHours: sum(profile.maintenance), overtimeHours: sum(profile.overtime),
                    extraShiftHours: sum(profile.extraShift), topOrders: contributors))
                total.availableHours += available
                total.requiredHours += required
                total.overHours += over
                if status == .overloaded { total.overloadedPeriods += 1 }
                if let ratio { total.peakLoadRatio = max(total.peakLoadRatio ?? 0, ratio) }
                else if required > 0 { total.peakLoadRatio = .infinity }
            }
            total.loadRatio = total.availableHours > 0 ? total.requiredHours / total.availableHours : nil
            totals.append(total)
        }
        let bottlenecks = totals.sorted { a, b in
            if a.overHours != b.overHours { return a.overHours > b.overHours }
            let (x, y) = (a.peakLoadRatio ?? 0, b.peakLoadRatio ?? 0)
            if x != y { return x > y }
            return (a.resource.kind.rawValue, a.resource.id) < (b.resource.kind.rawValue, b.resource.id)
        }
        return CapacityLoadTable(
            periods: periods, rows: rows, totals: totals, bottlenecks: bottlenecks, tightThreshold: tightThreshold,
            underloadThreshold: underloadThreshold)
    }
}
