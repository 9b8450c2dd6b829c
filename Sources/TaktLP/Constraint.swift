/// A handle to a constraint (row) of one ``LinearProgram``.
public struct ConstraintID: Hashable, Comparable, Sendable, Codable {
    /// Zero-based position of the row in ``LinearProgram/constraints``.
    public let index: Int

    public init(index: Int) { self.index = index }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// One coefficient of a row: `coefficient × variable`.
public struct Term: Hashable, Sendable, Codable {
    public var variable: VariableID
    public var coefficient: Double

    public init(_ variable: VariableID, _ coefficient: Double) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

/// The admissible range of a row's activity `Σ aⱼxⱼ`.
public enum ConstraintBounds: Hashable, Sendable, Codable {
    /// `Σ aⱼxⱼ ≤ value`
    case lessOrEqual(Double)
    /// `Σ aⱼxⱼ ≥ value`
    case greaterOrEqual(Double)
    /// `Σ aⱼxⱼ = value`
    case equal(Double)
    /// `lower ≤ Σ aⱼxⱼ ≤ upper`
    case range(Double, Double)
    /// No bound: the row only reports its activity.
    case free

    /// The lower end, `-.infinity` when unbounded below.
    public var lower: Double {
        switch self {
        case .greaterOrEqual(let v), .equal(let v), .range(let v, _): v
        case .lessOrEqual, .free: -.infinity
        }
    }

    /// The upper end, `.infinity` when unbounded above.
    public var upper: Double {
        switch self {
        case .lessOrEqual(let v), .equal(let v), .range(_, let v): v
        case .greaterOrEqual, .free: .infinity
        }
    }
}

/// A row: a name, its coefficients and the range its activity must lie in.
public struct Constraint: Hashable, Sendable, Codable {
    public var name: String
    public var terms: [Term]
    public var bounds: ConstraintBounds

    public init(name: String, terms: [Term], bounds: ConstraintBounds) {
        self.name = name
        self.terms = terms
        self.bounds = bounds
    }
}
