/// A handle to a variable (column) of one ``LinearProgram``.
///
/// Handles are indices: valid only in the program that issued them, and checked by
/// ``LinearProgram/validate()`` before any solver sees them.
public struct VariableID: Hashable, Comparable, Sendable, Codable {
    /// Zero-based position of the column in ``LinearProgram/variables``.
    public let index: Int

    public init(index: Int) { self.index = index }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// What values a variable may take besides its bounds.
public enum VariableKind: String, Hashable, Sendable, Codable {
    case continuous
    /// Whole numbers; bounds must be whole numbers too.
    case integer
    /// 0 or 1; bounds must lie within [0, 1].
    case binary
}

/// A column: bounds, kind and objective coefficient.
///
/// An infinite bound (`-.infinity` or `.infinity`) means "no bound on that side".
public struct Variable: Hashable, Sendable, Codable {
    public var name: String
    public var lowerBound: Double
    public var upperBound: Double
    public var kind: VariableKind
    public var objective: Double

    public init(
        name: String,
        lowerBound: Double = 0,
        upperBound: Double = .infinity,
        kind: VariableKind = .continuous,
        objective: Double = 0
    ) {
        self.name = name
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.kind = kind
        self.objective = objective
    }
}
