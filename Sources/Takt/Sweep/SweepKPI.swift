/// A measure kept from each point of a sweep, named as planners read it (`total cost`,
/// `on-time rate`, `utilisation CNC-M`).
public enum SweepKPI: Hashable, Sendable {
    case totalCost
    /// The optimisation's objective: the total cost with order priority weights and the
    /// penalties of unmet demand. Plans of one objective may differ in total cost.
    case objective
    /// One line of the cost breakdown, by its name (`overtime`, `holding`, …).
    case cost(String)
    case revenue
    case profit
    case onTimeRate
    case lateOrders
    case periodsLate
    case unmetDemand
    case overtimeHours
    case extraShiftHours
    case subcontractedQuantity
    /// The highest load over available hours of any work center or labor pool, over the horizon.
    case peakUtilisation
    /// One work center's or labor pool's load over its available hours, over the horizon.
    case utilisation(String)
    /// Decomposition: hours beyond regular time and overtime, summed.
    case overloadHours

    public var name: String {
        switch self {
        case .totalCost: "total cost"
        case .objective: "objective"
        case .cost(let line): line
        case .revenue: "revenue"
        case .profit: "profit"
        case .onTimeRate: "on-time rate"
        case .lateOrders: "late orders"
        case .periodsLate: "periods late, summed"
        case .unmetDemand: "unmet demand"
        case .overtimeHours: "overtime hours"
        case .extraShiftHours: "extra-shift hours"
        case .subcontractedQuantity: "subcontracted quantity"
        case .peakUtilisation: "peak utilisation"
        case .utilisation(let id): "utilisation \(id)"
        case .overloadHours: "overload hours"
        }
    }

    static func defaults(for computation: Sweep.Computation) -> [SweepKPI] {
        switch computation {
        case .plan: [.totalCost, .onTimeRate, .lateOrders, .unmetDemand, .overtimeHours, .extraShiftHours, .subcontractedQuantity, .peakUtilisation]
        case .decompose: [.totalCost, .cost("holding"), .cost("backlog"), .cost("overtime"), .cost("subcontracting"), .cost("setups"), .overloadHours]
        }
    }

    /// The measures a computation offers on `scenario`, for reading and for messages.
    static func offered(for computation: Sweep.Computation, in scenario: Scenario) -> [SweepKPI] {
        switch computation {
        case .plan:
            [.totalCost, .objective] + CostBreakdown().lines.map { .cost($0.0) }
                + [.revenue, .profit, .onTimeRate, .lateOrders, .periodsLate, .unmetDemand, .overtimeHours, .extraShiftHours, .subcontractedQuantity, .peakUtilisation]
                + (scenario.workCenters.map(\.id) + scenario.laborPools.map(\.id)).map { .utilisation($0) }
        case .decompose: defaults(for: .decompose)
        }
    }

    /// The measure named `name`, if `computation` offers it on `scenario`.
    public init?(name: String, computation: Sweep.Computation, scenario: Scenario) {
        guard let kpi = Self.offered(for: computation, in: scenario).first(where: { $0.name == name }) else { return nil }
        self = kpi
    }

    /// The measure's value on a plan.
    public func value(_ plan: ProductionPlanResult) -> Double {
        func utilisation(_ rows: [ResourcePeriodPlan]) -> Double {
            let available = rows.reduce(0) { $0 + $1.availableHours }
            return available > 0 ? rows.reduce(0) { $0 + $1.requiredHours } / available : 0
        }
        switch self {
        case .totalCost: return plan.costs.total
        case .objective: return plan.objective
        case .cost(let line): return plan.costs.lines.first { $0.0 == line }?.1 ?? 0
        case .revenue: return plan.costs.revenue
        case .profit: return plan.costs.profit
        case .onTimeRate: return plan.onTimeRate
        case .lateOrders: return Double(plan.lateOrders.count)
        case .periodsLate: return plan.orders.reduce(0) { $0 + Double($1.periodsLate) }
        case .unmetDemand: return plan.unmetDemand
        case .overtimeHours: return plan.resources.reduce(0) { $0 + $1.overtimeHours }
        case .extraShiftHours: return plan.resources.reduce(0) { $0 + $1.extraShiftHours }
        case .subcontractedQuantity: return plan.subcontracting.reduce(0) { $0 + $1.quantity }
        case .peakUtilisation:
            let byResource = Dictionary(grouping: plan.resources) { $0.resource }
            return byResource.values.map(utilisation).max() ?? 0
        case .utilisation(let id): return utilisation(plan.resources.filter { $0.resource.id == id })
        case .overloadHours: return 0
        }
    }

    /// The measure's value on a decomposition.
    public func value(_ plan: DecomposedPlan) -> Double {
        switch self {
        case .totalCost: plan.costs.total
        case .cost("holding"): plan.costs.holding
        case .cost("backlog"): plan.costs.backlog
        case .cost("overtime"): plan.costs.overtime
        case .cost("subcontracting"): plan.costs.subcontracting
        case .cost("setups"): plan.costs.setups
        case .overloadHours: plan.costs.overloadHours
        default: 0
        }
    }
}
