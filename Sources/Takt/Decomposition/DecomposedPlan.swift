/// A product's (or a family's) quantity for the plan year in one production unit.
public struct AnnualQuantity: Hashable, Sendable, Codable {
    /// Where an annual quantity came from: the given annual plan, its family's line, or derived.
    public enum Source: String, Hashable, Sendable, Codable {
        /// Given for the product (and unit) in the annual plan.
        case given
        /// Given for the product's family and shared among its products.
        case family
        /// Sales + target ending inventory − opening inventory, never negative.
        case derived
    }

    public var product: String
    public var family: String
    public var unit: String
    public var sales: Double
    public var openingInventory: Double
    public var targetEndingInventory: Double
    public var quantity: Double
    public var source: Source
    public var method: SplitMethod
}

/// One product (or family, with `product == nil`) in one unit and one period of one level.
public struct DecompositionLine: Hashable, Sendable, Codable {
    public var level: PlanLevel
    public var period: String
    public var periodStart: Day
    /// The period one level up; empty for the year.
    public var parentPeriod: String
    public var family: String
    public var product: String?
    public var unit: String
    public var sales: Double
    public var production: Double
    /// Stock less backlog at the period's start.
    public var openingPosition: Double
    public var endingInventory: Double
    public var endingBacklog: Double
    /// Production − sales (产销平衡): what the period adds to stock.
    public var balance: Double { production - sales }
    /// Stock less backlog at the period's end.
    public var endingPosition: Double { endingInventory - endingBacklog }
}

/// What the capacity-aware split does at one resource in one finest period.
public struct CapacityUse: Hashable, Sendable, Codable {
    public var resource: Resource
    public var period: String
    public var availableHours: Double
    public var requiredHours: Double
    public var overtimeHours: Double
    public var overtimeCost: Double
    /// Hours the period's share of the parent total needs beyond regular time and overtime:
    /// where the parent does not fit, and by how much.
    public var overloadHours: Double
}

/// Units bought from a subcontractor in one finest period by the capacity-aware split.
public struct SubcontractedQuantity: Hashable, Sendable, Codable {
    public var subcontractor: String
    public var product: String
    public var unit: String
    public var period: String
    public var quantity: Double
    /// The extra cost over making the units in-house.
    public var extraCost: Double
}

/// The costs the capacity-aware split weighs, of the plan as written out: its whole quantities
/// and whole receipts.
public struct SplitCosts: Hashable, Sendable, Codable {
    public var holding: Double = 0
    public var backlog: Double = 0
    public var overtime: Double = 0
    public var subcontracting: Double = 0
    /// Setup cost of the production runs: one per period a product with a setup cost is made in.
    public var setups: Double = 0
    /// Hours beyond regular time and overtime, summed over resources and periods.
    public var overloadHours: Double = 0
    public var total: Double { holding + backlog + overtime + subcontracting + setups }
}

/// A level's capacity-load table.
public struct LevelLoad: Hashable, Sendable, Codable {
    public var level: PlanLevel
    public var table: CapacityLoadTable
}

/// The annual plan split into every level's plan, per product and family and per unit, with
/// each level's capacity-load table. Every period's quantity is the sum of its sub-periods'.
public struct DecomposedPlan: Hashable, Sendable, Codable {
    public var scenario: String
    public var levels: [PlanLevel]
    public var annual: [AnnualQuantity]
    /// Product lines, level by level, product by product, period by period.
    public var products: [DecompositionLine]
    /// Family lines (sums of their products), in the same order.
    public var families: [DecompositionLine]
    /// Resources and finest periods the capacity-aware split loads (empty without it).
    public var capacity: [CapacityUse]
    public var subcontracting: [SubcontractedQuantity]
    public var costs: SplitCosts
    /// Which model the capacity-aware split solved, if any.
    public var capacityModel: CapacityModel?
    public var loads: [LevelLoad]

    /// Resources and periods where the parent total did not fit.
    public var overloads: [CapacityUse] { capacity.filter { $0.overloadHours > 1e-6 } }
}
