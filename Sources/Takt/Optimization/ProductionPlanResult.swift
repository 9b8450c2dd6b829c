/// One product in one period of the plan.
public struct ProductPeriodPlan: Hashable, Sendable, Codable {
    public var product: String
    public var family: String
    /// The production unit of the product's last routing step.
    public var unit: String
    public var period: String
    public var periodIndex: Int
    public var demand: Double
    public var production: Double
    public var subcontracted: Double
    /// Demand met in the period (on time or catching up on backlog).
    public var delivered: Double
    public var endingInventory: Double
    public var endingBacklog: Double
    /// Demand given up in the period (lost sales, or unmet when lost sales are not allowed).
    public var unmet: Double
}

/// One work center or labor pool in one period of the plan.
public struct ResourcePeriodPlan: Hashable, Sendable, Codable {
    public var resource: Resource
    public var period: String
    public var availableHours: Double
    public var requiredHours: Double
    public var overtimeHours: Double
    /// Share of the period (0–1) an extra shift runs.
    public var extraShiftShare: Double
    public var extraShiftHours: Double
    /// For a labor pool with hiring and layoffs: workers in the period.
    public var workers: Double?
    public var hired: Double?
    public var laidOff: Double?
    /// What one more regular hour here would save (the capacity row's shadow price; in a
    /// whole plan, the relaxation's); `nil` where nothing loads it, or where the hours were
    /// decided by a MIP (families first's family plan with whole workers has no duals).
    public var hourValue: Double?
    public var loadRatio: Double? { availableHours > 0 ? requiredHours / availableHours : nil }
}

/// Subcontracted quantity from one offer in one period.
public struct SubcontractPlan: Hashable, Sendable, Codable {
    public var subcontractor: String
    public var product: String
    public var period: String
    public var quantity: Double
    public var cost: Double
}

/// Costs of a plan by category; `total` is what the plan costs, `revenue` what it earns.
public struct CostBreakdown: Hashable, Sendable, Codable {
    /// Products at their `unit_cost` (with `material_cost: unit_cost`), or their materials
    /// priced from the bill of materials (with `bom`), and the constrained materials bought.
    public var material: Double = 0
    /// With `material_cost: bom`: products (and their sub-assemblies) at their `unit_cost`,
    /// the cost of making a unit beyond its materials.
    public var conversion: Double = 0
    public var regularLabor: Double = 0
    public var overtime: Double = 0
    public var extraShifts: Double = 0
    public var subcontracting: Double = 0
    public var holding: Double = 0
    public var backlog: Double = 0
    public var lostSales: Double = 0
    public var hiring: Double = 0
    public var layoffs: Double = 0
    /// Safety stock shortfall, at the larger of the backlog and holding costs.
    public var safetyStock: Double = 0
    /// Production runs at their setup cost.
    public var setups: Double = 0
    public var revenue: Double = 0

    public var total: Double {
        material + conversion + regularLabor + overtime + extraShifts + subcontracting + holding + backlog + lostSales + hiring + layoffs
            + safetyStock + setups
    }

    /// Revenue less what the plan costs, lost sales left out: a lost sale earns no revenue
    /// already, and its cost (the lost-sale cost, or the unit revenue) is what the plan
    /// weighs it at, not money paid.
    public var profit: Double { revenue - (total - lostSales) }

    /// Category names and amounts in a fixed order, for reports.
    public var lines: [(String, Double)] {
        [
            ("material", material), ("conversion", conversion), ("regular labor", regularLabor), ("overtime", overtime), ("extra shifts", extraShifts),
            ("subcontracting", subcontracting), ("holding", holding), ("backlog", backlog), ("lost sales", lostSales),
            ("hiring", hiring), ("layoffs", layoffs), ("safety stock shortfall", safetyStock), ("setups", setups),
        ]
    }
}

extension CostBreakdown {
    /// Reads a breakdown, one written before plans had setups or conversion included (they are 0).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        material = try c.decode(Double.self, forKey: .material)
        conversion = try c.decodeIfPresent(Double.self, forKey: .conversion) ?? 0
        regularLabor = try c.decode(Double.self, forKey: .regularLabor)
        overtime = try c.decode(Double.self, forKey: .overtime)
        extraShifts = try c.decode(Double.self, forKey: .extraShifts)
        subcontracting = try c.decode(Double.self, forKey: .subcontracting)
        holding = try c.decode(Double.self, forKey: .holding)
        backlog = try c.decode(Double.self, forKey: .backlog)
        lostSales = try c.decode(Double.self, forKey: .lostSales)
        hiring = try c.decode(Double.self, forKey: .hiring)
        layoffs = try c.decode(Double.self, forKey: .layoffs)
        safetyStock = try c.decode(Double.self, forKey: .safetyStock)
        setups = try c.decodeIfPresent(Double.self, forKey: .setups) ?? 0
        revenue = try c.decode(Double.self, forKey: .revenue)
    }
}

/// What the plan spends on one material: the quantity its production uses where the
/// material is priced from the bill of materials, and the quantity it buys where the plan
/// buys the material itself (a constrained material), over the horizon.
public struct MaterialCostLine: Hashable, Sendable, Codable {
    public var material: String
    public var quantity: Double
    public var cost: Double
}

/// Something the plan does to absorb load or demand, with what it costs.
public struct PlanAction: Hashable, Sendable, Codable {
    /// What an action's quantity counts.
    public enum Unit: String, Hashable, Sendable, Codable {
        case hours, units, workers
        case periodShare = "share of the period"
    }

    /// What the action does.
    public enum Kind: String, Hashable, Sendable, Codable {
        case overtime, extraShift = "extra_shift", subcontract, hire, layoff, buildAhead = "build_ahead", delay
        /// A constrained material bought inside its lead time, at its expedite cost.
        case expedite
        /// A constrained material's use replaced by a substitute, at the substitute's extra cost.
        case substitute
    }

    public var kind: Kind
    /// The work center, labor pool or subcontractor, or the order moved.
    public var subject: String
    public var period: String
    public var quantity: Double
    /// Hours, workers, units or unit-periods.
    public var unit: Unit
    public var cost: Double
    public var detail: String
}

/// Where a customer order's quantity comes from and when it is complete.
public struct OrderAssignment: Hashable, Sendable, Codable {
    /// A part of the order delivered from one supply: a period's production, a receipt or stock.
    public struct Portion: Hashable, Sendable, Codable {
        /// Where a delivered portion comes from.
        public enum Source: String, Hashable, Sendable, Codable {
            case inHouse = "in-house"
            case subcontracted
            case stock
        }

        /// The period the units are made (or received from a subcontractor, or "stock").
        public var period: String
        public var quantity: Double
        /// Where the units come from.
        public var source: Source
    }

    public var order: String
    public var product: String
    public var quantity: Double
    public var due: Day
    public var duePeriod: String
    public var demandClass: DemandClass
    /// The period the last unit is delivered; `nil` when some of the order goes unmet.
    public var completionPeriod: String?
    /// Periods late (0 when on time).
    public var periodsLate: Int
    public var unmetQuantity: Double
    public var portions: [Portion]
    public var onTime: Bool { unmetQuantity == 0 && periodsLate == 0 }
    public var subcontracted: Bool { portions.contains { $0.source == .subcontracted } }
}

/// A fact of the data that no plan can satisfy, with its cause.
public struct PlanContradiction: Hashable, Sendable, Codable {
    /// What the plan could not do.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Frozen orders that do not fit in their frozen period.
        case frozenShortfall = "frozen_shortfall"
        /// The ending inventory below its target.
        case belowTarget = "below_target"
        /// Demand no option can meet (lost sales not allowed).
        case unmetDemand = "unmet_demand"
    }

    public var kind: Kind
    public var subject: String
    public var period: String
    public var message: String
}

/// The plan: what to make when, how the plant absorbs the load, what it costs, and what
/// happens to every order.
public struct ProductionPlanResult: Hashable, Sendable, Codable {
    public var scenario: String
    public var status: String
    public var costs: CostBreakdown
    /// The value of the optimisation's objective, with priority weights and penalties.
    public var objective: Double
    public var products: [ProductPeriodPlan]
    public var resources: [ResourcePeriodPlan]
    public var subcontracting: [SubcontractPlan]
    public var actions: [PlanAction]
    public var orders: [OrderAssignment]
    public var contradictions: [PlanContradiction]
    /// Units of demand (orders and sales plan) not delivered by the horizon's end: lost sales
    /// where the policy allows them, else demand no option could meet.
    public var unmetDemand: Double
    /// The part of ``unmetDemand`` let go as lost sales, which the policy allows.
    public var lostSalesQuantity: Double
    /// The part of ``unmetDemand`` that no option could supply (lost sales not allowed).
    public var unsuppliedDemand: Double { unmetDemand - lostSalesQuantity }
    /// Rows and columns of the optimisation model, for the curious and for benchmarks.
    public var modelRows: Int
    public var modelColumns: Int
    /// Where the plan makes the routing steps that have alternatives: the quantity through
    /// each work center, per product, step and period (steps without alternatives are made
    /// on their work center, and are not listed).
    public var routes: [StepRoute] = []
    /// Constrained materials per period, where the plan carries them (the one model of every
    /// product): receipts, purchases, consumption, stock and what one more unit is worth.
    public var materials: [MaterialPeriodPlan]? = nil
    /// The material cost by item, in the scenario's order of materials: `nil` where the plan
    /// prices no material itself (`material_cost: unit_cost` and no constrained material).
    public var materialCosts: [MaterialCostLine]? = nil
    /// For a plan in whole quantities (lots, whole units, whole workers), the objective of the
    /// plan it was rounded from, where they are relaxed: in one model the LP relaxation, a
    /// bound no whole plan goes below. `nil` when the plan is that plan itself (nothing
    /// needed rounding, or ``PlanOptions/Quantities/relaxed`` was asked for).
    public var relaxedObjective: Double? = nil

    /// How far the objective is above ``relaxedObjective``, as a share of it.
    public var gapToRelaxation: Double? {
        relaxedObjective.map { abs($0) > 0 ? (objective - $0) / abs($0) : 0 }
    }

    /// On-time orders ÷ orders.
    public var onTimeRate: Double { orders.isEmpty ? 1 : Double(orders.filter(\.onTime).count) / Double(orders.count) }
    public var lateOrders: [OrderAssignment] { orders.filter { !$0.onTime } }

    /// The plan as product × period quantities, for the capacity-load table.
    /// The workers the plan gives each labor pool whose headcount it plans, per period in
    /// horizon order, by pool id (for ``CapacityLoadAnalysis/workforce``).
    public var plannedWorkforce: [String: [Double]] {
        var workers: [String: [Double]] = [:]
        for row in resources where row.resource.kind == .laborPool {
            guard let planned = row.workers else { continue }
            workers[row.resource.id, default: []].append(planned)
        }
        return workers
    }

    /// The plan's production as plan lines, each step on the work center the plan makes it
    /// on: a product-period whose steps are split between work centers becomes as many lines
    /// as it takes (at most one more than the splits), each with its steps' work centers.
    public var plannedProduction: [PlannedProduction] {
        let routed = Dictionary(grouping: routes) { "\($0.product)\u{1}\($0.period)" }
        return products.filter { $0.production > 1e-9 }.flatMap { row in
            StepRoute.lines(of: row.product, period: row.periodIndex, quantity: row.production, routes: routed["\(row.product)\u{1}\(row.periodIndex)"] ?? [])
        }
    }
}
