/// Material requirements planning (物料需求计划) from a production plan: the plan's in-house
/// production exploded through the bills of materials level by level (low-level codes),
/// netted against on-hand stock, open purchase orders and safety stock, sized by each item's
/// lot rule, and offset by its lead time.
///
/// For item i and bucket t, with gross requirements G, scheduled receipts S, planned
/// receipts P, safety stock SS and on hand H₀:
/// - G: production q of a parent completing on day c needs q · quantity ÷ (1 − scrap) of
///   each component on day c − offset, the offset the consuming step's `offset_days` (the
///   parent's longest without a step); a plan line completes on its period's last day, a
///   sub-assembly's planned order on the first day of the bucket it is due in.
/// - Net requirement N_t = max(0, SS − (H_{t−1} + S_t − G_t)), H_t = H_{t−1} + S_t + P_t − G_t.
/// - Planned receipts group the lot-for-lot N series by the lot rule (each alone; `periods`
///   of supply at once; Wagner–Whitin's least ordering plus holding cost), each rounded up to
///   the fixed lot (or EOQ √(2 · mean G · ordering cost ÷ holding cost)), the minimum order
///   and the order multiple; stock a rounding leaves over serves the next group.
/// - A planned receipt due in bucket t is released lead time days before t's first day; a
///   sub-assembly's lead time is its routing's longest `offset_days`.
///
/// Sub-assemblies are products that are some product's component; they net against their
/// `initial_inventory` and `safety_stock` with `lot_min` and `lot_multiple`.
public struct MaterialPlanner: Sendable {
    public var scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// The buckets: the horizon's periods, or consecutive weeks or months from its start that
    /// cover it.
    public static func buckets(of horizon: Horizon, by length: PeriodLength?) -> [MaterialPlan.Bucket] {
        var periods = horizon.periods
        if let length, length != horizon.periodLength {
            var count = 1
            while Horizon(start: horizon.start, periodLength: length, periodCount: count).range.end < horizon.range.end && count < 10_000 { count += 1 }
            periods = Horizon(start: horizon.start, periodLength: length, periodCount: count).periods
        }
        return periods.map { MaterialPlan.Bucket(label: $0.label, start: $0.start, end: $0.end) }
    }

    /// One quantity of a product whose components are needed: a plan line or a lot.
    struct Demand {
        var product: String
        var quantity: Double
        /// When it completes, for the lines' effective dates.
        var completes: Day
        var unit: String?
        var peg: MaterialPlan.Peg
        /// The day a line's component is needed.
        var needed: (BOMLine) -> Day
    }

    /// Requirements from a plan's in-house production, each plan line completing on its
    /// period's last day.
    public func plan(_ plan: ProductionPlanResult, by length: PeriodLength? = nil) throws(MaterialPlanningError) -> MaterialPlan {
        let periods = scenario.horizon.periods
        guard plan.products.allSatisfy({ periods.indices.contains($0.periodIndex) }) else {
            throw .invalidRequest("a plan of another scenario: its periods are not this scenario's")
        }
        let offset = ConsumptionOffsets(scenario)
        var peggedOrders: [String: Set<String>] = [:]
        for assignment in plan.orders {
            for portion in assignment.portions where portion.source == .inHouse && portion.quantity > 1e-9 {
                peggedOrders["\(assignment.product)\u{1}\(portion.period)", default: []].insert(assignment.order)
            }
        }
        let demands = plan.products.filter { $0.production > 1e-9 }.map { row in
            let completes = periods[row.periodIndex].end.advanced(by: -1)
            return Demand(
                product: row.product, quantity: row.production, completes: completes, unit: row.unit,
                peg: MaterialPlan.Peg(product: row.product, period: row.periodIndex, orders: (peggedOrders["\(row.product)\u{1}\(row.period)"] ?? []).sorted()),
                needed: { completes.advanced(by: -offset($0)) })
        }
        // What the plan replaced by substitutes, in the period its balance counts it.
        let replaced = (plan.materials ?? []).flatMap { row in
            (row.replacements ?? []).map { Replacement(material: row.material, substitute: $0.substitute, ratio: $0.ratio, period: row.periodIndex, quantity: $0.quantity) }
        }
        return try self.plan(demands, by: length, replaced: replaced)
    }

    /// Units of a material's requirements in a plan period that the plan meets with a substitute.
    struct Replacement {
        var material: String
        var substitute: String
        var ratio: Double
        var period: Int
        var quantity: Double
    }

    /// Requirements from a shop-floor schedule's lots: each component on the day its
    /// consuming step starts (the lot's first step without one); pegged to the lot's plan
    /// period (−1 for a lot of orders) and orders.
    public func plan(schedule: ShopFloorSchedule, by length: PeriodLength? = nil) throws(MaterialPlanningError) -> MaterialPlan {
        let window = schedule.window
        let units = Dictionary(scenario.workCenters.map { ($0.id, $0.unit) }) { first, _ in first }
        let byLot = Dictionary(grouping: schedule.operations, by: \.lot)
        let demands = schedule.lots.compactMap { lot -> Demand? in
            let steps = (byLot[lot.id] ?? []).sorted { $0.step < $1.step }
            guard let first = steps.first, let last = steps.last else { return nil }
            let starts = Dictionary(steps.map { ($0.step, $0.start) }) { a, _ in a }
            return Demand(
                product: lot.product, quantity: lot.quantity, completes: window.day(of: max(0, last.end - 1)), unit: units[last.workCenter],
                peg: MaterialPlan.Peg(product: lot.product, period: lot.period ?? -1, orders: lot.orders),
                needed: { line in window.day(of: max(0, line.step.flatMap { starts[$0] } ?? first.start)) })
        }
        return try plan(demands, by: length)
    }

    /// Requirements from a decomposition's product lines at `level` (its finest by default):
    /// each line completing on its period's last day, pegged to the plan period its period
    /// starts in.
    public func plan(decomposition: DecomposedPlan, level: PlanLevel? = nil, by length: PeriodLength? = nil) throws(MaterialPlanningError) -> MaterialPlan {
        guard let level = level ?? decomposition.levels.max() else { throw .invalidRequest("the decomposition has no levels") }
        guard decomposition.levels.contains(level) else {
            throw .invalidRequest("the decomposition has no \(level.rawValue) plans; it has \(decomposition.levels.map(\.rawValue).joined(separator: ", "))")
        }
        let offset = ConsumptionOffsets(scenario)
        let lines = decomposition.products.filter { $0.level == level && $0.production > 1e-9 && $0.product != nil }
        // Each line's period runs to the next period's start at its level.
        let starts = Set(lines.map(\.periodStart)).sorted()
        let next = Dictionary(zip(starts, starts.dropFirst()).map { ($0, $1) }) { first, _ in first }
        let horizon = scenario.horizon
        let demands = lines.map { line -> Demand in
            let end = next[line.periodStart] ?? PeriodReference(line.period)?.range.end ?? horizon.range.end
            let completes = max(line.periodStart, end.advanced(by: -1))
            return Demand(
                product: line.product!, quantity: line.production, completes: completes, unit: line.unit,
                peg: MaterialPlan.Peg(product: line.product!, period: horizon.periodIndex(containing: line.periodStart) ?? -1, orders: []),
                needed: { completes.advanced(by: -offset($0)) })
        }
        return try plan(demands, by: length)
    }

    func plan(_ demands: [Demand], by length: PeriodLength?, replaced: [Replacement] = []) throws(MaterialPlanningError) -> MaterialPlan {
        let s = scenario
        guard BillOfMaterials.cycle(in: s.bom) == nil else { throw .invalidRequest("the bill of materials has a cycle") }
        let buckets = Self.buckets(of: s.horizon, by: length)
        let count = buckets.count
        func bucket(of day: Day) -> Int {
            var low = 0, high = count - 1
            if day < buckets[0].start { return 0 }
            if day >= buckets[high].start { return high }
            while low < high {
                let mid = (low + high + 1) / 2
                if buckets[mid].start <= day { low = mid } else { high = mid - 1 }
            }
            return low
        }

        let bom = BillOfMaterials(s.bom)
        let products = Dictionary(s.products.map { ($0.id, $0) }) { first, _ in first }
        let materials = Dictionary(s.materials.map { ($0.id, $0) }) { first, _ in first }
        var productUnit: [String: String] = [:]
        let centerUnit = Dictionary(s.workCenters.map { ($0.id, $0.unit) }) { first, _ in first }
        for step in s.routings where productUnit[step.product] == nil { productUnit[step.product] = centerUnit[step.workCenter] }
        let offset = ConsumptionOffsets(s)

        // Gross requirements with their pegs, by item and bucket.
        var gross: [String: [Double]] = [:]
        // Pegs by index into one table (in the demands' order), so that sets of them hash
        // integers rather than order lists, and list in a fixed order.
        var pegTable: [MaterialPlan.Peg] = []
        var pegIndex: [MaterialPlan.Peg: Int] = [:]
        var pegs: [String: [Int: Set<Int>]] = [:]
        var byUnit: [String: Double] = [:]
        func require(_ line: BOMLine, quantity: Double, completing day: Day, on needed: Day, unit: String?, from sources: Set<Int>) {
            guard line.isInForce(on: day) else { return }
            let b = bucket(of: needed)
            gross[line.component, default: Array(repeating: 0, count: count)][b] += quantity * line.gross
            pegs[line.component, default: [:]][b, default: []].formUnion(sources)
            if let unit { byUnit["\(unit)\u{1}\(line.component)\u{1}\(b)", default: 0] += quantity * line.gross }
        }
        for demand in demands {
            guard let lines = bom.lines[demand.product] else { continue }
            let k = pegIndex[demand.peg] ?? {
                pegTable.append(demand.peg)
                pegIndex[demand.peg] = pegTable.count - 1
                return pegTable.count - 1
            }()
            for line in lines {
                require(line, quantity: demand.quantity, completing: demand.completes, on: demand.needed(line), unit: demand.unit, from: [k])
            }
        }
        func orders(of sources: Set<Int>) -> [String] { Array(Set(sources.flatMap { pegTable[$0].orders })).sorted() }
        // The plan's substitutions: a share of the material's requirements in the period's
        // buckets (by their requirements) move to the substitute, ratio times over, with their
        // pegs and their units.
        for r in replaced {
            let period = s.horizon.periods[r.period]
            var inPeriod = Set(buckets.indices.filter { period.range.contains(buckets[$0].start) })
            inPeriod.insert(bucket(of: period.start))
            let inBuckets = inPeriod.sorted()
            let total = inBuckets.reduce(0) { $0 + (gross[r.material]?[$1] ?? 0) }
            guard total > 1e-9 else { continue }
            let share = min(1, r.quantity / total)
            for b in inBuckets {
                let moved = (gross[r.material]?[b] ?? 0) * share
                guard moved > 0 else { continue }
                gross[r.material]![b] -= moved
                gross[r.substitute, default: Array(repeating: 0, count: count)][b] += moved * r.ratio
                pegs[r.substitute, default: [:]][b, default: []].formUnion(pegs[r.material]?[b] ?? [])
                for unit in s.units.map(\.id) {
                    let from = "\(unit)\u{1}\(r.material)\u{1}\(b)"
                    guard let quantity = byUnit[from] else { continue }
                    byUnit[from] = quantity * (1 - share)
                    byUnit["\(unit)\u{1}\(r.substitute)\u{1}\(b)", default: 0] += quantity * share * r.ratio
                }
            }
        }

        // Items level by level: every parent's planned orders are known before its components net.
        var items = Set(s.materials.map(\.id))
        for line in s.bom where products[line.component] != nil { items.insert(line.component) }
        let ordered = items.sorted { (bom.lowLevelCode[$0] ?? 0, $0) < (bom.lowLevelCode[$1] ?? 0, $1) }
        var records: [MaterialPlan.Record] = []
        var plannedOrders: [MaterialPlan.PlannedOrder] = []
        var exceptions: [MaterialPlan.Exception] = []
        let receiptsByItem = Dictionary(grouping: s.purchaseOrders, by: \.material)
        for item in ordered {
            let material = materials[item]
            let product = products[item]
            let kind: MaterialPlan.ItemKind = material != nil ? .material : .subassembly
            let g = gross[item] ?? Array(repeating: 0, count: count)
            let onHand = material?.onHand ?? product?.initialInventory ?? 0
            let safety = material?.safetyStock ?? product?.safetyStock ?? 0
            let lead = material?.leadTimeDays ?? offset.leadTime[item] ?? 0
            var scheduled = [Double](repeating: 0, count: count)
            let receipts = (receiptsByItem[item] ?? []).filter { $0.due < buckets[count - 1].end }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            for order in receipts { scheduled[bucket(of: order.due)] += order.quantity }

            // The lot-for-lot net requirements, then the lot rule's orders.
            var net = [Double](repeating: 0, count: count)
            var level = onHand
            for t in 0..<count {
                let available = level + scheduled[t] - g[t]
                net[t] = max(0, safety - available)
                level = available + net[t]
            }
            let rule = material?.lotRule ?? .lotForLot
            let mean = g.reduce(0, +) / Double(count)
            var lot = 0.0
            if rule == .fixed { lot = material?.lotQuantity ?? 0 }
            if rule == .eoq, let m = material, m.orderingCost > 0, m.holdingCost > 0, mean > 0 { lot = (2 * mean * m.orderingCost / m.holdingCost).squareRoot() }
            let groups = LotSizing.groups(
                net, rule: rule, periodsOfSupply: material?.periodsOfSupply ?? 1, ordering: material?.orderingCost ?? 0, holding: material?.holdingCost ?? 0)
            var planned = [Double](repeating: 0, count: count), releases = [Double](repeating: 0, count: count)
            var carry = 0.0
            let firstOrder = plannedOrders.count, firstException = exceptions.count
            for group in groups {
                let covers = group.covers.reduce(0) { $0 + net[$1] }
                let need = covers - carry
                guard need > 1e-9 else {
                    carry -= covers
                    continue
                }
                let q = LotSizing.size(
                    need, lot: lot, minimum: material?.minimumOrder ?? product?.lotMin ?? 0, multiple: material?.orderMultiple ?? product?.lotMultiple ?? 0)
                carry += q - covers
                planned[group.at] += q
                let due = buckets[group.at].start, release = due.advanced(by: -lead)
                let r = bucket(of: release)
                releases[r] += q
                let sources = group.covers.reduce(into: Set<Int>()) { $0.formUnion(pegs[item]?[$1] ?? []) }
                let orderPegs = sources.sorted().map { pegTable[$0] }
                plannedOrders.append(MaterialPlan.PlannedOrder(
                    item: item, kind: kind, supplier: material?.supplier ?? "", quantity: q, release: release, due: due, releaseBucket: r, bucket: group.at,
                    cost: q * (material?.unitCost ?? product?.unitCost ?? 0), pegs: orderPegs))
                if release < buckets[0].start {
                    exceptions.append(MaterialPlan.Exception(
                        kind: .pastDueRelease, item: item, purchaseOrder: nil, bucket: group.at, toBucket: nil, quantity: q,
                        days: release.distance(to: buckets[0].start), orders: orders(of: sources)))
                }
                // A sub-assembly's order needs its own components.
                if kind == .subassembly {
                    for line in bom.lines[item] ?? [] {
                        require(line, quantity: q, completing: due, on: due.advanced(by: -offset(line)), unit: productUnit[item], from: sources)
                    }
                }
            }

            // Within the supplier's capacity: receipts moved earlier, what cannot be had short.
            if kind == .material, let material, let limits = SupplierLimits(item, s, buckets: buckets) {
                var own = Array(plannedOrders[firstOrder...])
                let short = limits.level(&own, planned: &planned, buckets: buckets, lead: lead, unitCost: material.unitCost)
                plannedOrders.replaceSubrange(firstOrder..., with: own)
                exceptions.removeSubrange(firstException...)
                releases = [Double](repeating: 0, count: count)
                for order in own {
                    releases[order.releaseBucket] += order.quantity
                    if order.release < buckets[0].start {
                        exceptions.append(MaterialPlan.Exception(
                            kind: .pastDueRelease, item: item, purchaseOrder: nil, bucket: order.bucket, toBucket: nil, quantity: order.quantity,
                            days: order.release.distance(to: buckets[0].start), orders: Array(Set(order.pegs.flatMap(\.orders))).sorted()))
                    }
                }
                for gap in short {
                    exceptions.append(MaterialPlan.Exception(
                        kind: .supplierShortage, item: item, purchaseOrder: nil, bucket: gap.bucket, toBucket: nil, quantity: gap.quantity,
                        days: nil, orders: Array(Set(gap.pegs.flatMap(\.orders))).sorted()))
                }
            }

            // The record as planned.
            var projected = [Double](repeating: 0, count: count), shown = [Double](repeating: 0, count: count)
            level = onHand
            for t in 0..<count {
                shown[t] = max(0, safety - (level + scheduled[t] - g[t]))
                level += scheduled[t] + planned[t] - g[t]
                projected[t] = level
            }
            records.append(MaterialPlan.Record(
                item: item, kind: kind, lowLevelCode: bom.lowLevelCode[item] ?? 0, onHand: onHand, safetyStock: safety, leadTimeDays: lead,
                gross: g, scheduledReceipts: scheduled, projectedOnHand: projected, net: shown, plannedReceipts: planned, plannedReleases: releases))

            // Open purchase orders against when the stock needs them: without each (and with
            // the ones due before it), the first bucket below safety stock.
            var earlier = [Double](repeating: 0, count: count)
            for order in receipts {
                let due = bucket(of: order.due)
                var level = onHand, needed: Int?
                for t in 0..<count {
                    level += earlier[t] - g[t]
                    if level < safety - 1e-9 {
                        needed = t
                        break
                    }
                }
                earlier[due] += order.quantity
                let affected = needed.map { t in orders(of: pegs[item]?[t] ?? []) } ?? []
                if let t = needed, t < due {
                    exceptions.append(.init(kind: .expedite, item: item, purchaseOrder: order.id, bucket: due, toBucket: t, quantity: order.quantity, days: nil, orders: affected))
                } else if let t = needed, t > due {
                    exceptions.append(.init(kind: .deExpedite, item: item, purchaseOrder: order.id, bucket: due, toBucket: t, quantity: order.quantity, days: nil, orders: affected))
                } else if needed == nil {
                    exceptions.append(.init(kind: .cancel, item: item, purchaseOrder: order.id, bucket: due, toBucket: nil, quantity: order.quantity, days: nil, orders: []))
                }
            }
        }
        let requirements = byUnit.keys.sorted().map { key -> MaterialPlan.UnitRequirement in
            let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false)
            return MaterialPlan.UnitRequirement(unit: String(parts[0]), item: String(parts[1]), bucket: Int(parts[2])!, quantity: byUnit[key]!)
        }.sorted { ($0.unit, $0.item, $0.bucket) < ($1.unit, $1.item, $1.bucket) }
        return MaterialPlan(
            scenario: s.name, planPeriods: s.horizon.periods.map(\.label), buckets: buckets, records: records, plannedOrders: plannedOrders, requirements: requirements, exceptions: exceptions)
    }
}

/// Why material requirements cannot be planned.
public enum MaterialPlanningError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .invalidRequest(let message): message
        }
    }
}
