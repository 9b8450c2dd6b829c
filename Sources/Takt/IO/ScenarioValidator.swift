/// Checks that a scenario hangs together: every reference resolves, ids are unique, dates
/// fall in the horizon, and every product can be made. Field-level checks (types, ranges)
/// happen while reading; this looks across records and tables.
///
///     let problems = ScenarioValidator(scenario).diagnostics()
///     let errors = problems.filter { $0.severity == .error }
public struct ScenarioValidator {
    let scenario: Scenario
    let locate: (ScenarioTable, Int) -> SourceLocation
    let tableLocation: (ScenarioTable) -> SourceLocation
    let rejectedIDs: [ScenarioTable: Set<String>]
    /// Whether the horizon is real, so that dates can be checked against it.
    let checksDates: Bool

    /// Validates a scenario built in code; locations are paths such as `orders[3]`.
    public init(_ scenario: Scenario) {
        self.scenario = scenario
        self.locate = { table, index in SourceLocation(file: "scenario", record: "\(table.rawValue)[\(index)]") }
        self.tableLocation = { table in SourceLocation(file: "scenario", record: table.rawValue) }
        self.rejectedIDs = [:]
        self.checksDates = true
    }

    init(
        _ scenario: Scenario, locations: [ScenarioTable: [SourceLocation]], rejectedIDs: [ScenarioTable: Set<String>],
        tableLocation: @escaping (ScenarioTable) -> SourceLocation, checksDates: Bool
    ) {
        self.tableLocation = tableLocation
        self.scenario = scenario
        self.locate = { table, index in
            locations[table].flatMap { $0.indices.contains(index) ? $0[index] : nil }
                ?? SourceLocation(file: tableLocation(table).file, record: "\(table.rawValue)[\(index)]")
        }
        self.rejectedIDs = rejectedIDs
        self.checksDates = checksDates
    }

    /// Every problem found, errors and warnings, in table order.
    public func diagnostics() -> [Diagnostic] {
        var found: [Diagnostic] = []
        func error(_ table: ScenarioTable, _ index: Int, _ column: String, _ value: String?, _ message: String) {
            found.append(Diagnostic(.error, locate(table, index).column(column), value: value, message))
        }
        func warning(_ table: ScenarioTable, _ index: Int, _ column: String?, _ value: String?, _ message: String) {
            let location = locate(table, index)
            found.append(Diagnostic(.warning, column.map { location.column($0) } ?? location, value: value, message))
        }

        let s = scenario
        for problem in ScenarioRangeCheck(scenario: s).problems() {
            error(problem.table, problem.index, problem.column, problem.value.compactText, problem.range.expected(instead: problem.value))
        }
        let horizon = s.horizon
        let horizonRange = horizon.range
        let periods = horizon.periods
        let horizonText = "the horizon \(horizonRange.start) to \(horizonRange.end.advanced(by: -1))"

        // Ids: unique within their table, and known to references (rejected rows count as known).
        func ids<T>(_ table: ScenarioTable, _ items: [T], _ id: (T) -> String) -> Set<String> {
            var seen: [String: Int] = [:]
            for (i, item) in items.enumerated() {
                if let first = seen[id(item)] {
                    error(table, i, "id", id(item), "duplicate id; first used at \(locate(table, first))")
                } else {
                    seen[id(item)] = i
                }
            }
            return Set(seen.keys).union(rejectedIDs[table] ?? [])
        }
        let unitIDs = ids(.units, s.units, \.id)
        let productIDs = ids(.products, s.products, \.id)
        let workCenterIDs = ids(.workCenters, s.workCenters, \.id)
        let laborPoolIDs = ids(.laborPools, s.laborPools, \.id)
        let orderIDs = ids(.orders, s.orders, \.id)
        let families = Set(s.products.map(\.family))
        let scopes = unitIDs.union(workCenterIDs)
        let subcontracted = Set(s.subcontractors.map(\.product)).union(rejectedIDs[.subcontractors] ?? [])
        let routedProducts = Set(s.routings.map(\.product)).union(rejectedIDs[.routings] ?? [])

        func reference(_ table: ScenarioTable, _ index: Int, _ column: String, _ value: String, in known: Set<String>, _ what: String) {
            if !known.contains(value) { error(table, index, column, value, "unknown \(what); expected an id from \(Self.file(for: what))") }
        }

        // Units.
        for (i, unit) in s.units.enumerated() {
            if let parent = unit.parent {
                if parent == unit.id { error(.units, i, "parent", parent, "a unit cannot be its own parent") }
                else { reference(.units, i, "parent", parent, in: unitIDs, "production unit") }
            }
            if !s.workCenters.contains(where: { $0.unit == unit.id }) && !s.laborPools.contains(where: { $0.unit == unit.id })
                && !s.units.contains(where: { $0.parent == unit.id })
            {
                warning(.units, i, nil, unit.id, "the unit has no work centers and no labor pools")
            }
        }
        // A unit cannot be its own ancestor: follow each chain of parents until it ends or repeats.
        let parents = Dictionary(s.units.map { ($0.id, $0.parent) }, uniquingKeysWith: { first, _ in first })
        var reported: Set<String> = []
        for (i, unit) in s.units.enumerated() where !reported.contains(unit.id) {
            var chain = [unit.id]
            var next = parents[unit.id] ?? nil
            while let parent = next, parent != unit.id, !chain.contains(parent), chain.count <= s.units.count {
                chain.append(parent)
                next = parents[parent] ?? nil
            }
            if let parent = next, parent == unit.id, chain.count > 1 {
                reported.formUnion(chain)
                error(.units, i, "parent", unit.parent, "the units' parents form a cycle: \((chain + [unit.id]).joined(separator: " → ")); expected a tree")
            }
        }
        for id in unitIDs.intersection(workCenterIDs).sorted() {
            if let i = s.workCenters.firstIndex(where: { $0.id == id }) {
                error(.workCenters, i, "id", id, "a production unit has the same id; calendar scopes need distinct ids")
            }
        }

        // Calendars.
        var calendarScopes: [String: Int] = [:]
        for (i, rule) in s.calendars.enumerated() {
            let scope = rule.scope ?? ""
            if let first = calendarScopes[scope] {
                error(.calendars, i, "scope", rule.scope ?? "(company)", "a second weekday rule for the same scope; first at \(locate(.calendars, first))")
            }
            calendarScopes[scope] = i
            if let scope = rule.scope { reference(.calendars, i, "scope", scope, in: scopes, "production unit or work center") }
            if rule.weekdays.isEmpty { warning(.calendars, i, "weekdays", nil, "no working weekdays: only extra workdays will be worked") }
        }
        for (i, exception) in s.calendarExceptions.enumerated() {
            if let scope = exception.scope { reference(.calendarExceptions, i, "scope", scope, in: scopes, "production unit or work center") }
        }

        // Products.
        for (i, product) in s.products.enumerated() {
            if let max = product.maxInventory {
                if product.safetyStock > max {
                    error(.products, i, "safety_stock", product.safetyStock.compactText, "expected at most max_inventory \(max.compactText)")
                }
                if product.targetEndingInventory > max {
                    error(.products, i, "target_ending_inventory", product.targetEndingInventory.compactText, "expected at most max_inventory \(max.compactText)")
                }
            }
            if product.lotMultiple > 0 && product.lotMin > 0 && product.lotMin < product.lotMultiple {
                warning(.products, i, "lot_min", product.lotMin.compactText, "below lot_multiple \(product.lotMultiple.compactText); lots will be at least one multiple")
            }
            if !routedProducts.contains(product.id) && !rejectedIDs[.routings, default: []].contains(product.id) {
                if subcontracted.contains(product.id) {
                    warning(.products, i, "id", product.id, "no routing: the product can only be subcontracted")
                } else {
                    error(.products, i, "id", product.id, "the product has no routing and no subcontractor; expected steps in routings.csv")
                }
            }
        }
        // A sub-assembly's demand is its parents' (material requirements planning plans it).
        let demanded = Set(s.orders.map(\.product)).union(s.salesPlan.map(\.product)).union(s.bom.map(\.component))
        for (i, product) in s.products.enumerated() where !demanded.contains(product.id) {
            warning(.products, i, "id", product.id, "no orders and no sales plan: nothing will be planned for it")
        }

        // Work centers and maintenance.
        for (i, center) in s.workCenters.enumerated() {
            reference(.workCenters, i, "unit", center.unit, in: unitIDs, "production unit")
            if center.machines == 0 || center.shiftsPerDay == 0 || center.hoursPerShift == 0 {
                warning(.workCenters, i, "machines", String(center.machines), "no regular capacity (machines × shifts × hours is 0)")
            }
        }
        let usedCenters = Set(s.routings.flatMap { [$0.workCenter] + $0.alternatives })
        for (i, center) in s.workCenters.enumerated() where !usedCenters.contains(center.id) {
            warning(.workCenters, i, "id", center.id, "no routing step uses this work center")
        }
        for (i, item) in s.maintenance.enumerated() {
            reference(.maintenance, i, "work_center", item.workCenter, in: workCenterIDs, "work center")
            if let center = s.workCenters.first(where: { $0.id == item.workCenter }), item.start != nil, item.machines > center.machines {
                error(.maintenance, i, "machines", String(item.machines), "expected at most the work center's \(center.machines) machines")
            }
            let range = item.period?.range ?? item.start.flatMap { start in item.end.map { DayRange(start: start, end: $0.advanced(by: 1)) } }
            if checksDates, let range, !range.overlaps(horizonRange) {
                warning(.maintenance, i, item.period == nil ? "start" : "period", item.period?.text ?? item.start?.description, "outside \(horizonText); ignored")
            }
        }

        // Labor pools.
        let usedPools = Set(s.routings.compactMap(\.laborPool))
        for (i, pool) in s.laborPools.enumerated() {
            reference(.laborPools, i, "unit", pool.unit, in: unitIDs, "production unit")
            if pool.headcount < pool.minHeadcount || pool.maxHeadcount.map({ pool.headcount > $0 }) == true {
                error(.laborPools, i, "headcount", pool.headcount.compactText, "expected a headcount between min_headcount and max_headcount")
            }
            if !usedPools.contains(pool.id) { warning(.laborPools, i, "id", pool.id, "no routing step uses this labor pool") }
            if s.policy.workforce == .integer && (pool.hireCost > 0 || pool.layoffCost > 0) && pool.headcount != pool.headcount.rounded() {
                error(.laborPools, i, "headcount", pool.headcount.compactText, "expected a whole number: the scenario plans whole workers")
            }
        }

        // Routings.
        var steps: [String: Int] = [:]
        for (i, step) in s.routings.enumerated() {
            reference(.routings, i, "product", step.product, in: productIDs, "product")
            reference(.routings, i, "work_center", step.workCenter, in: workCenterIDs, "work center")
            for alternative in step.alternatives {
                reference(.routings, i, "alternatives", alternative, in: workCenterIDs, "work center")
                if alternative == step.workCenter { warning(.routings, i, "alternatives", alternative, "the primary work center is listed as its own alternative") }
            }
            if let pool = step.laborPool { reference(.routings, i, "labor_pool", pool, in: laborPoolIDs, "labor pool") }
            let key = "\(step.product)\u{1}\(step.step)"
            if let first = steps[key] {
                error(.routings, i, "step", String(step.step), "the product already has this step at \(locate(.routings, first))")
            }
            steps[key] = i
            if step.runHours == 0 && step.setupHours == 0 && step.laborHours == 0 {
                warning(.routings, i, "run_hours", "0", "the step takes no time")
            }
        }

        // Sales plan and seasonality.
        var salesKeys: [String: Int] = [:]
        for (i, line) in s.salesPlan.enumerated() {
            reference(.salesPlan, i, "product", line.product, in: productIDs, "product")
            if checksDates && !line.period.range.overlaps(horizonRange) {
                warning(.salesPlan, i, "period", line.period.text, "outside \(horizonText); ignored")
            }
            let key = "\(line.product)\u{1}\(line.period.range.start.ordinal)\u{1}\(line.period.range.end.ordinal)"
            if let first = salesKeys[key] {
                error(.salesPlan, i, "period", line.period.text, "the product already has a line for this period at \(locate(.salesPlan, first))")
            }
            salesKeys[key] = i
        }
        var seasonKeys: [String: Int] = [:]
        for (i, weight) in s.seasonality.enumerated() {
            if !productIDs.contains(weight.key) && !families.contains(weight.key) {
                error(.seasonality, i, "key", weight.key, "unknown product or family; expected a product id or a family from products.csv")
            }
            let key = "\(weight.key)\u{1}\(weight.month)"
            if let first = seasonKeys[key] {
                error(.seasonality, i, "month", String(weight.month), "the key already has a weight for this month at \(locate(.seasonality, first))")
            }
            seasonKeys[key] = i
        }

        // Orders.
        for (i, order) in s.orders.enumerated() {
            reference(.orders, i, "product", order.product, in: productIDs, "product")
            if checksDates && !horizonRange.contains(order.due) {
                error(.orders, i, "due", order.due.description, "outside \(horizonText); expected a due date within it")
            }
            if checksDates, let frozen = order.frozenPeriod {
                if let index = horizon.periodIndex(containing: frozen.range.start), frozen.range.end <= periods[index].end {
                    if order.status != .frozen {
                        warning(.orders, i, "frozen_period", frozen.text, "ignored: the order's status is \(order.status.rawValue), not frozen")
                    }
                } else {
                    error(.orders, i, "frozen_period", frozen.text, "expected one period of \(horizonText) (periods are \(horizon.periodLength.rawValue)s)")
                }
            }
            if order.remaining == 0 { warning(.orders, i, "completed", order.completed.compactText, "the order is complete; nothing is left to plan") }
        }
        if s.orders.isEmpty && s.salesPlan.isEmpty {
            found.append(Diagnostic(.warning, tableLocation(.orders), "no orders and no sales plan: there is no demand to plan"))
        }

        // Subcontractors.
        var offers: [String: Int] = [:]
        for (i, offer) in s.subcontractors.enumerated() {
            reference(.subcontractors, i, "product", offer.product, in: productIDs, "product")
            let key = "\(offer.id)\u{1}\(offer.product)"
            if let first = offers[key] {
                error(.subcontractors, i, "product", offer.product, "the subcontractor already has a row for this product at \(locate(.subcontractors, first))")
            }
            offers[key] = i
        }

        // Changeovers.
        var changes: [String: Int] = [:]
        for (i, change) in s.setupChanges.enumerated() {
            for (column, key) in [("from", change.from), ("to", change.to)] where !productIDs.contains(key) && !families.contains(key) {
                error(.setupMatrix, i, column, key, "unknown product or family; expected a product id or a family from products.csv")
            }
            let key = "\(change.from)\u{1}\(change.to)"
            if let first = changes[key] {
                error(.setupMatrix, i, "to", change.to, "a second changeover for this pair; the first is at \(locate(.setupMatrix, first))")
            }
            changes[key] = i
        }

        // Materials: ids apart from products'; bill of materials lines to known items, without cycles.
        let materialIDs = ids(.materials, s.materials, \.id)
        for (i, material) in s.materials.enumerated() where productIDs.contains(material.id) {
            error(.materials, i, "id", material.id, "also a product id; expected one id for one item")
        }
        let items = materialIDs.union(productIDs)
        var lines: [String: Int] = [:]
        for (i, line) in s.bom.enumerated() {
            reference(.bom, i, "parent", line.parent, in: productIDs, "product")
            if !items.contains(line.component) && !(rejectedIDs[.materials] ?? []).contains(line.component) {
                error(.bom, i, "component", line.component, "unknown item; expected a material id from materials.csv or a product id from products.csv")
            }
            if line.parent == line.component { error(.bom, i, "component", line.component, "a product cannot be its own component") }
            if let step = line.step, !s.routings.contains(where: { $0.product == line.parent && $0.step == step }), productIDs.contains(line.parent),
                !(rejectedIDs[.routings] ?? []).contains(line.parent)
            {
                error(.bom, i, "step", String(step), "the routing of \(line.parent) has no such step")
            }
            let key = "\(line.parent)\u{1}\(line.component)\u{1}\(line.step ?? -1)\u{1}\(line.effectiveFrom?.description ?? "")"
            if let first = lines[key] { error(.bom, i, "component", line.component, "a second line for this parent, component and step; the first is at \(locate(.bom, first))") }
            lines[key] = lines[key] ?? i
        }
        if let cycle = BillOfMaterials.cycle(in: s.bom.filter { productIDs.contains($0.parent) }) {  // (a bad parent is its own error)
            let first = s.bom.firstIndex { $0.parent == cycle[0] && $0.component == cycle[1] } ?? 0
            error(.bom, first, "component", cycle[1], "the bill of materials has a cycle: \(cycle.joined(separator: " → ")); expected each product made of other items only")
        }
        for (i, order) in s.purchaseOrders.enumerated() {
            reference(.purchaseOrders, i, "material", order.material, in: materialIDs, "material")
        }
        _ = ids(.purchaseOrders, s.purchaseOrders, \.id)
        var capacities: [String: Int] = [:]
        for (i, item) in s.supplierCapacities.enumerated() {
            reference(.supplierCapacity, i, "material", item.material, in: materialIDs, "material")
            guard checksDates else { continue }
            guard let t = horizon.periodIndex(containing: item.period.range.start) else {
                error(.supplierCapacity, i, "period", item.period.text, "outside \(horizonText); expected a period within it")
                continue
            }
            let key = "\(item.material)\u{1}\(t)"
            if let first = capacities[key] {
                error(.supplierCapacity, i, "period", item.period.text, "a second capacity for this material in \(periods[t].label); the first is at \(locate(.supplierCapacity, first))")
            }
            capacities[key] = capacities[key] ?? i
        }

        var substitutions: [String: Int] = [:]
        let constrainedIDs = Set(s.materials.filter(\.constrained).map(\.id))
        for (i, item) in s.substitutes.enumerated() {
            reference(.substitutes, i, "material", item.material, in: materialIDs, "material")
            reference(.substitutes, i, "substitute", item.substitute, in: materialIDs, "material")
            if item.substitute == item.material {
                error(.substitutes, i, "substitute", item.substitute, "the material itself; expected another material")
            } else if materialIDs.contains(item.material) && !constrainedIDs.contains(item.material) {
                warning(.substitutes, i, "material", item.material, "not constrained: the plan buys what it needs of it and never substitutes")
            }
            let key = "\(item.material)\u{1}\(item.substitute)"
            if let first = substitutions[key] {
                error(.substitutes, i, "substitute", item.substitute, "a second line for this material and substitute; the first is at \(locate(.substitutes, first))")
            }
            substitutions[key] = substitutions[key] ?? i
        }

        // Work in progress: one running step per order and per machine, on a machine that can do it.
        let ordersByID = Dictionary(s.orders.map { ($0.id, $0) }) { first, _ in first }
        let centersByID = Dictionary(s.workCenters.map { ($0.id, $0) }) { first, _ in first }
        let stepsByKey = Dictionary(s.routings.map { ("\($0.product)\u{1}\($0.step)", $0) }) { first, _ in first }
        var runningOrders: [String: Int] = [:], runningMachines: [String: Int] = [:]
        for (i, running) in s.operationsInProgress.enumerated() {
            reference(.operationsInProgress, i, "order", running.order, in: orderIDs, "order")
            if let first = runningOrders[running.order] {
                error(.operationsInProgress, i, "order", running.order, "a second step in progress for this order; the first is at \(locate(.operationsInProgress, first))")
            }
            runningOrders[running.order] = runningOrders[running.order] ?? i
            guard let order = ordersByID[running.order] else { continue }
            if order.remaining == 0 { warning(.operationsInProgress, i, "order", running.order, "ignored: the order is complete") }
            guard let step = stepsByKey["\(order.product)\u{1}\(running.step)"] else {
                if productIDs.contains(order.product) && !(rejectedIDs[.routings] ?? []).contains(order.product) {
                    error(.operationsInProgress, i, "step", String(running.step), "the routing of \(order.product) has no such step; expected one of \(s.routings.filter { $0.product == order.product }.map { String($0.step) }.joined(separator: ", "))")
                }
                continue
            }
            let machine = running.machine
            let centers = ([step.workCenter] + step.alternatives).compactMap { centersByID[$0] }
            guard let (center, number) = centers.lazy.compactMap({ center in running.machineNumber(on: center).map { (center, $0) } }).first else {
                let examples = centers.filter { $0.machines > 0 }.map { "\($0.id)-1…\($0.id)-\($0.machines)" }
                error(.operationsInProgress, i, "machine", machine, "not a machine of step \(step.step)'s work centers; expected \(examples.isEmpty ? "a work center with machines" : examples.joined(separator: " or "))")
                continue
            }
            let key = "\(center.id)-\(number)"
            if let first = runningMachines[key] {
                error(.operationsInProgress, i, "machine", machine, "a second operation in progress on \(key); the first is at \(locate(.operationsInProgress, first))")
            }
            runningMachines[key] = runningMachines[key] ?? i
        }
        return found
    }

    private static func file(for what: String) -> String {
        switch what {
        case "product": "products.csv"
        case "work center": "work_centers.csv"
        case "labor pool": "labor_pools.csv"
        case "production unit": "units.csv"
        case "order": "orders.csv"
        case "material": "materials.csv"
        default: "units.csv or work_centers.csv"
        }
    }
}

extension Scenario {
    /// Cross-table problems in a scenario built in code; see ``ScenarioValidator``.
    public func validate() -> [Diagnostic] { ScenarioValidator(self).diagnostics() }
}
