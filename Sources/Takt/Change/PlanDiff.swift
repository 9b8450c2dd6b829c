import Foundation

/// What changed between two plans (生产计划变更, 10-014): the released plan and a new one.
///
///     let diff = PlanDiff(from: released, to: replanned)
///     diff.movedOrders      // completion period before and after
///     diff.costs            // per category: before, after
public struct PlanDiff: Hashable, Sendable, Codable {
    /// An order that completes in another period (or in one plan only, or unmet).
    public struct OrderMove: Hashable, Sendable, Codable {
        public var order: String
        public var product: String
        /// `nil` where the order is not in that plan; "unmet" where it is not completed.
        public var before: String?
        public var after: String?
        public var periodsLateBefore: Int?
        public var periodsLateAfter: Int?
    }

    /// A product-period whose production changed.
    public struct QuantityChange: Hashable, Sendable, Codable {
        public var product: String
        public var period: String
        public var before: Double
        public var after: Double
        public var change: Double { after - before }
    }

    /// A resource-period whose required hours changed, with its load ratio before and after.
    public struct LoadChange: Hashable, Sendable, Codable {
        public var resource: Resource
        public var period: String
        public var requiredBefore: Double
        public var requiredAfter: Double
        public var loadRatioBefore: Double?
        public var loadRatioAfter: Double?
    }

    /// One cost category before and after.
    public struct CostChange: Hashable, Sendable, Codable {
        public var category: String
        public var before: Double
        public var after: Double
        public var change: Double { after - before }
    }

    public var before: String
    public var after: String
    /// Orders whose completion period changed, that went unmet or were met, or that are in one
    /// plan only.
    public var movedOrders: [OrderMove]
    public var quantities: [QuantityChange]
    /// The resource-periods whose required hours changed, at the after plan's five most
    /// loaded resources.
    public var loads: [LoadChange]
    public var costs: [CostChange]

    public init(from a: ProductionPlanResult, to b: ProductionPlanResult) {
        before = a.scenario
        after = b.scenario
        func completion(_ order: OrderAssignment) -> String { order.completionPeriod ?? "unmet" }
        let ordersA = Dictionary(a.orders.map { ($0.order, $0) }) { x, _ in x }
        let ordersB = Dictionary(b.orders.map { ($0.order, $0) }) { x, _ in x }
        var moves: [OrderMove] = []
        for order in a.orders {
            let other = ordersB[order.order]
            if let other, completion(other) == completion(order) { continue }
            moves.append(OrderMove(
                order: order.order, product: order.product, before: completion(order), after: other.map(completion),
                periodsLateBefore: order.periodsLate, periodsLateAfter: other?.periodsLate))
        }
        for order in b.orders where ordersA[order.order] == nil {
            moves.append(OrderMove(
                order: order.order, product: order.product, before: nil, after: completion(order), periodsLateBefore: nil,
                periodsLateAfter: order.periodsLate))
        }
        movedOrders = moves

        var quantityA: [String: Double] = [:], quantityB: [String: Double] = [:]
        var keys: [(String, String)] = []
        var seen = Set<String>()
        for (lines, isA) in [(a.products, true), (b.products, false)] {
            for line in lines {
                let key = line.product + "\u{1}" + line.period
                if isA { quantityA[key, default: 0] += line.production } else { quantityB[key, default: 0] += line.production }
                if seen.insert(key).inserted { keys.append((line.product, line.period)) }
            }
        }
        quantities = keys.compactMap { product, period in
            let key = product + "\u{1}" + period
            let (x, y) = (quantityA[key] ?? 0, quantityB[key] ?? 0)
            return abs(x - y) > 1e-6 ? QuantityChange(product: product, period: period, before: x, after: y) : nil
        }

        func total(_ plan: ProductionPlanResult, _ resource: Resource) -> Double {
            plan.resources.filter { $0.resource == resource }.reduce(0) { $0 + $1.requiredHours }
        }
        var resourcesB: [Resource] = []
        for row in b.resources where !resourcesB.contains(row.resource) { resourcesB.append(row.resource) }
        let ratioB = resourcesB.map { resource -> (Resource, Double) in
            let rows = b.resources.filter { $0.resource == resource }
            let available = rows.reduce(0) { $0 + $1.availableHours }
            return (resource, available > 0 ? total(b, resource) / available : 0)
        }
        let top = ratioB.sorted { ($0.1, $1.0.id) > ($1.1, $0.0.id) }.prefix(5).map(\.0)
        let rowsA = Dictionary(a.resources.map { ($0.resource.kind.rawValue + "\u{1}" + $0.resource.id + "\u{1}" + $0.period, $0) }) { x, _ in x }
        loads = b.resources.compactMap { row in
            guard top.contains(row.resource) else { return nil }
            let old = rowsA[row.resource.kind.rawValue + "\u{1}" + row.resource.id + "\u{1}" + row.period]
            guard abs((old?.requiredHours ?? 0) - row.requiredHours) > 1e-6 else { return nil }
            return LoadChange(
                resource: row.resource, period: row.period, requiredBefore: old?.requiredHours ?? 0, requiredAfter: row.requiredHours,
                loadRatioBefore: old?.loadRatio, loadRatioAfter: row.loadRatio)
        }
        costs = zip(a.costs.lines, b.costs.lines).map { CostChange(category: $0.0, before: $0.1, after: $1.1) }
            + [CostChange(category: "total", before: a.costs.total, after: b.costs.total)]
    }

    /// Whether the plans are the same in everything the diff looks at.
    public var isEmpty: Bool { movedOrders.isEmpty && quantities.isEmpty && loads.isEmpty && costs.allSatisfy { abs($0.change) < 1e-6 } }
}

/// Reads a plan written by `takt plan --out` (its `plan.json`, or the folder holding it).
public enum PlanResultFile {
    public static func read(_ path: String) throws(ScenarioLoadError) -> ProductionPlanResult {
        try WrittenResult.read(path, file: "plan.json", writer: "takt plan")
    }
}
