import Foundation
import TaktGLPK
import TaktLP

/// One scenario of a what-if run and its plan.
public struct WhatIfOutcome: Hashable, Sendable, Codable {
    public var name: String
    public var plan: ProductionPlanResult
}

/// An order whose completion period differs from the base plan's.
public struct MovedOrder: Hashable, Sendable, Codable {
    public var order: String
    public var basePeriod: String?
    public var period: String?
}

/// Scenarios side by side: one value per scenario (the base first) for each measure.
public struct WhatIfComparison: Hashable, Sendable, Codable {
    /// One measure (total cost, on-time rate, …) for every scenario, base first.
    public struct Measure: Hashable, Sendable, Codable {
        public var name: String
        public var values: [Double]
    }

    public var scenarios: [String]
    public var measures: [Measure]
    /// Per scenario (the base's is empty), the orders that complete in another period.
    public var movedOrders: [[MovedOrder]]

    init(_ outcomes: [WhatIfOutcome]) {
        scenarios = outcomes.map(\.name)
        let plans = outcomes.map(\.plan)
        var measures: [Measure] = []
        func add(_ name: String, _ value: (ProductionPlanResult) -> Double) { measures.append(Measure(name: name, values: plans.map(value))) }
        add("total cost") { $0.costs.total }
        for (k, line) in CostBreakdown().lines.enumerated() {
            add(line.0) { $0.costs.lines[k].1 }
        }
        add("on-time rate") { $0.onTimeRate }
        add("late orders") { Double($0.lateOrders.count) }
        add("periods late, summed") { $0.orders.reduce(0) { $0 + Double($1.periodsLate) } }
        add("unmet demand") { $0.unmetDemand }
        add("overtime hours") { $0.resources.reduce(0) { $0 + $1.overtimeHours } }
        add("extra-shift hours") { $0.resources.reduce(0) { $0 + $1.extraShiftHours } }
        add("subcontracted quantity") { $0.subcontracting.reduce(0) { $0 + $1.quantity } }
        // The base's three most loaded work centers, followed through every scenario.
        if let base = plans.first {
            func utilisation(_ plan: ProductionPlanResult, _ id: String) -> Double {
                let rows = plan.resources.filter { $0.resource.kind == .workCenter && $0.resource.id == id }
                let available = rows.reduce(0) { $0 + $1.availableHours }
                return available > 0 ? rows.reduce(0) { $0 + $1.requiredHours } / available : 0
            }
            let centers = Set(base.resources.filter { $0.resource.kind == .workCenter }.map(\.resource.id))
            for id in centers.sorted(by: { (utilisation(base, $0), $1) > (utilisation(base, $1), $0) }).prefix(3) {
                add("utilisation \(id)") { utilisation($0, id) }
            }
        }
        self.measures = measures
        let baseCompletion = Dictionary((plans.first?.orders ?? []).map { ($0.order, $0.completionPeriod) }) { a, _ in a }
        movedOrders = plans.enumerated().map { index, plan in
            guard index > 0 else { return [] }
            return plan.orders.compactMap { order in
                guard let before = baseCompletion[order.order], before != order.completionPeriod else { return nil }
                return MovedOrder(order: order.order, basePeriod: before, period: order.completionPeriod)
            }
        }
    }
}
