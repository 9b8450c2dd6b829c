import TaktLP

/// One line of an approved annual plan (年度生产计划): the quantity of a product, or of a
/// whole family, for the plan year, in one production unit or (with `unit == nil`) shared
/// among the units that can make it.
public struct AnnualPlanEntry: Hashable, Sendable, Codable {
    /// A product id or a family name.
    public var item: String
    public var unit: String?
    public var quantity: Double

    public init(item: String, unit: String? = nil, quantity: Double) {
        self.item = item
        self.unit = unit
        self.quantity = quantity
    }
}

/// A decomposition that cannot be made as asked; the scenario itself is valid.
public enum DecompositionError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownItem(String)
    case unknownUnit(item: String, unit: String, known: [String])
    case invalidQuantity(item: String, quantity: Double)
    case duplicateEntry(item: String, unit: String?)
    case productAndFamily(product: String, family: String)
    case invalidShare(key: String, unit: String, share: Double)
    case missingShares(product: String)
    /// The solver stopped without a split: the time limit, or a numerical failure.
    case solverStopped(TerminationStatus)
    /// A split model the solver refused (a value out of range).
    case invalidModel(LinearProgramError)
    /// A family's split waited on another family whose split failed.
    case anotherSplitFailed
    case loadTable(String)

    public var description: String {
        switch self {
        case .unknownItem(let item): "'\(item)' is neither a product id nor a family"
        case let .unknownUnit(item, unit, known):
            "'\(item)': unit '\(unit)' cannot make it; expected one of \(known.joined(separator: ", "))"
        case let .invalidQuantity(item, quantity): "annual plan: '\(item)': quantity \(quantity) is not a number ≥ 0"
        case let .duplicateEntry(item, unit): "annual plan: '\(item)' is given twice\(unit.map { " for unit \($0)" } ?? "")"
        case let .productAndFamily(product, family):
            "annual plan: product '\(product)' is given both on its own and through its family '\(family)'"
        case let .invalidShare(key, unit, share): "unit share of '\(key)' in \(unit): \(share) is not a number ≥ 0"
        case .missingShares(let product):
            "fixed unit shares: '\(product)' can be made in several units but no shares are given for it or its family"
        case .solverStopped(let status) where status.isTimeLimit:
            "the time limit ran out before the capacity-aware split was done; allow more time (--time-limit)"
        case .solverStopped(let status): "the capacity-aware split stopped: \(status.rawValue)"
        case .invalidModel(let error): "the capacity-aware split's model is invalid: \(error)"
        case .anotherSplitFailed: "stopped: another family's split failed"
        case .loadTable(let reason): "the load table of the decomposed plan: \(reason)"
        }
    }
}
