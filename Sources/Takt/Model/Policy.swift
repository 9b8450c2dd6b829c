/// The planner's rules for what a plan may do.
public struct Policy: Hashable, Sendable, Codable {
    /// Whether workforce is planned in fractions of a worker or in whole workers.
    public enum Workforce: String, CaseIterable, Hashable, Sendable, Codable {
        case continuous, integer
    }

    /// Where a product's material cost comes from (see ``ProductCosts``).
    public enum MaterialCost: String, CaseIterable, Hashable, Sendable, Codable {
        /// `unit_cost` is the whole cost of making a unit, its materials included (constrained
        /// materials apart, which the plan buys).
        case unitCost = "unit_cost"
        /// `unit_cost` is the cost of making a unit beyond its materials, and the materials are
        /// priced from the bill of materials at their unit cost, through sub-assemblies.
        case bom
    }

    /// Whether demand may be met late.
    public var backlogAllowed: Bool
    /// How many periods late demand may be met at most; `nil` for no limit.
    public var maxBacklogPeriods: Int?
    /// Whether backlog may remain at the horizon's end.
    public var endingBacklogAllowed: Bool
    /// Whether demand may go unmet at a cost (the lost-sale cost or the lost revenue).
    public var lostSalesAllowed: Bool
    public var workforce: Workforce
    /// Multipliers on cost categories, for planners who weigh service over cost.
    public var holdingWeight: Double
    public var backlogWeight: Double
    public var overtimeWeight: Double
    public var subcontractWeight: Double
    /// A load ratio at or above this is "tight".
    public var tightThreshold: Double
    /// A load ratio below this is "underloaded".
    public var underloadThreshold: Double
    /// Where products' material costs come from.
    public var materialCost: MaterialCost

    public init(
        backlogAllowed: Bool = true, maxBacklogPeriods: Int? = nil, endingBacklogAllowed: Bool = false,
        lostSalesAllowed: Bool = false, workforce: Workforce = .integer, holdingWeight: Double = 1,
        backlogWeight: Double = 1, overtimeWeight: Double = 1, subcontractWeight: Double = 1,
        tightThreshold: Double = 0.9, underloadThreshold: Double = 0.5,
        materialCost: MaterialCost = .unitCost
    ) {
        self.backlogAllowed = backlogAllowed
        self.maxBacklogPeriods = maxBacklogPeriods
        self.endingBacklogAllowed = endingBacklogAllowed
        self.lostSalesAllowed = lostSalesAllowed
        self.workforce = workforce
        self.holdingWeight = holdingWeight
        self.backlogWeight = backlogWeight
        self.overtimeWeight = overtimeWeight
        self.subcontractWeight = subcontractWeight
        self.tightThreshold = tightThreshold
        self.underloadThreshold = underloadThreshold
        self.materialCost = materialCost
    }
}
