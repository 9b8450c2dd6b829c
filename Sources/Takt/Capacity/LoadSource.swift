/// What the load is computed from.
public enum LoadSource: Sendable {
    /// The open quantity of every customer order, each routing step placed at the due date
    /// less its lead-time offset (not before the order's earliest start; inside its period
    /// when frozen).
    case orders
    /// A production plan: each quantity completed at the end of its period, each routing
    /// step placed its lead-time offset earlier.
    case plan([PlannedProduction])
    /// Quantities completed on given days (a plan whose periods are not the horizon's), each
    /// routing step placed its lead-time offset earlier.
    case completions([PlannedCompletion])
}

/// A quantity of one product completed on one day, with the steps moved to alternatives.
public struct PlannedCompletion: Hashable, Sendable, Codable {
    public var product: String
    public var day: Day
    public var quantity: Double
    public var alternatives: [StepAssignment]

    public init(product: String, day: Day, quantity: Double, alternatives: [StepAssignment] = []) {
        self.product = product
        self.day = day
        self.quantity = quantity
        self.alternatives = alternatives
    }
}

/// A problem with the request for a load table (not with the scenario, which is valid).
public enum CapacityLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownUnit(String, known: [String])
    case unknownProduct(String, line: Int)
    case periodOutOfRange(Int, line: Int, periods: Int)
    case invalidQuantity(Double, line: Int)
    case unknownAlternative(product: String, step: Int, workCenter: String, line: Int)
    case invalidThresholds(tight: Double, underload: Double)

    public var description: String {
        switch self {
        case let .unknownUnit(unit, known):
            "unknown production unit '\(unit)'; expected one of \(known.joined(separator: ", "))"
        case let .unknownProduct(product, line):
            "plan line \(line + 1): unknown product '\(product)'"
        case let .periodOutOfRange(period, line, count):
            "plan line \(line + 1): period index \(period) is outside the horizon's \(count) periods"
        case let .invalidQuantity(quantity, line):
            "plan line \(line + 1): quantity \(quantity) is not a number ≥ 0"
        case let .unknownAlternative(product, step, workCenter, line):
            "plan line \(line + 1): step \(step) of \(product) cannot run on '\(workCenter)'; expected the primary work center or one of its alternatives"
        case let .invalidThresholds(tight, underload):
            "thresholds: tight \(tight) and underload \(underload) must satisfy 0 ≤ underload ≤ tight"
        }
    }
}
