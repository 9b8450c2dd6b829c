import Foundation
import TaktLP

/// How a parent period's quantity is shared out among its sub-periods.
public enum SplitMethod: String, CaseIterable, Hashable, Sendable, Codable {
    /// In proportion to the sub-periods' sales (seasonal); by working days where a parent
    /// period has no sales.
    case sales
    /// In proportion to the production unit's working days (level per working day).
    case workingDays = "working-days"
    /// Equal per period at every level.
    case level
    /// Least holding, backlog, overtime and subcontracting cost within each unit's
    /// work-center and labor capacity (`CapacitySplitModel`).
    case capacity
}

/// How a product's annual quantity is shared among the production units that can make it.
public enum UnitAllocation: String, CaseIterable, Hashable, Sendable, Codable {
    /// In proportion to what each unit could make of the product alone with its capacity.
    case capacityShare = "capacity-share"
    /// By the shares given in ``DecompositionOptions/unitShares``.
    case fixed
    /// So that the units' load ratios are as even as possible (各生产单位产量平衡).
    case balanced
}

/// Whether quantities are rounded, and to what.
public enum QuantityRounding: String, CaseIterable, Hashable, Sendable, Codable {
    /// Multiples of each product's lot size (`lot_multiple`), whole units where it has none.
    case lots
    /// Whole units.
    case whole
    /// No rounding.
    case none

    /// The step a product's quantities are rounded to: its lot multiple, 1 for whole units, 0 for none.
    func step(for product: Product) -> Double {
        switch self {
        case .lots: product.lotMultiple > 0 ? product.lotMultiple : product.discrete ? 1 : 0
        case .whole: 1
        case .none: 0
        }
    }

    /// The step a subcontractor's receipts are rounded to: whole units of a discrete product,
    /// as in the period plan; lots are the workshop's batches, not a subcontractor's.
    func receiptStep(for product: Product) -> Double {
        self == .none || !product.discrete ? 0 : 1
    }
}

/// Which model the capacity-aware split solves.
public enum CapacityModel: String, CaseIterable, Hashable, Sendable, Codable {
    /// Products while the model is affordable — at most ``DecompositionOptions/exactSizeLimit``
    /// items × periods — else families.
    case automatic
    /// One item per product and unit: the least-cost split.
    case products
    /// One item per family and unit, whose split is then shared among its products.
    case families
}

/// What a decomposition does: down to which level, by which method, and how it rounds.
public struct DecompositionOptions: Hashable, Sendable {
    public var finestLevel: PlanLevel
    /// The split method of every product without one of its own.
    public var method: SplitMethod
    /// Methods per product id or family name; a product's own entry wins over its family's.
    public var methods: [String: SplitMethod]
    public var unitAllocation: UnitAllocation
    /// Unit shares per product id or family name (`["PUMP": ["PLANT-A": 0.6, "PLANT-B": 0.4]]`);
    /// they are normalised over the units that can make the product, and always win over
    /// ``unitAllocation``.
    public var unitShares: [String: [String: Double]]
    public var rounding: QuantityRounding
    public var capacityModel: CapacityModel
    /// The largest split that `automatic` solves in one model of every product: product-unit
    /// items × periods of the finest level. On generated plants, 30,000 takes in 200 products
    /// by week (0.86 s, at 46% of families first's cost) and 2,000 by month (2.0 s, at 68%),
    /// and leaves 500 products by week (7.5 s exact against 2.6 s) and 2,000 by week (32 s) to
    /// families first.
    public var exactSizeLimit: Int
    /// Seconds the whole decomposition may take, every solve included; `nil` for no limit.
    public var timeLimit: Double?
    /// The instant by which the decomposition must end: set from ``timeLimit`` when it
    /// starts, or by a caller that gives it a share of a larger budget.
    public var deadline: Deadline?
    /// Threads splitting families' products at once (families first); the result is the same
    /// for any number. By default, one per core.
    public var threads: Int
    /// Above this many non-zeros a year of weeks is planned month by month, then in windows of
    /// weeks; below it GLPK solves the whole year in about a second. (Tests lower it to reach
    /// the windows on small plants.)
    var wholeYearNonZeros = 30_000
    /// Families first: how many times each family's products are split again in what all the
    /// other families finally take (their first split is the reserve). Off by default: it
    /// costs each round about the time of the first, and the windows of a year of weeks are
    /// not one model, so a round lowers the cost in practice, not by proof. On generated
    /// plants one round cut the split cost by 12–29% (2,000 products by week: 565,468 to
    /// 402,421).
    public var refinementRounds = 0

    public init(
        to finestLevel: PlanLevel = .month, method: SplitMethod = .sales, methods: [String: SplitMethod] = [:],
        unitAllocation: UnitAllocation = .capacityShare, unitShares: [String: [String: Double]] = [:],
        rounding: QuantityRounding = .lots, capacityModel: CapacityModel = .automatic, exactSizeLimit: Int = 30_000,
        timeLimit: Double? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.finestLevel = finestLevel
        self.method = method
        self.methods = methods
        self.unitAllocation = unitAllocation
        self.unitShares = unitShares
        self.rounding = rounding
        self.capacityModel = capacityModel
        self.exactSizeLimit = exactSizeLimit
        self.timeLimit = timeLimit
        self.threads = max(1, threads)
    }

    /// These options with their deadline set from the time limit, if it is not yet.
    func started() -> DecompositionOptions {
        var started = self
        if let timeLimit { started.deadline = Deadline(after: timeLimit).earlier(deadline) }
        return started
    }

    func method(of product: Product) -> SplitMethod { methods[product.id] ?? methods[product.family] ?? method }
}
