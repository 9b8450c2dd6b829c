/// What a solver returns: a status and, where there is one, a point with its objective.
///
/// `values` are indexed like ``LinearProgram/variables``; `rowActivities`, `shadowPrices`
/// like ``LinearProgram/constraints``. Duals exist for continuous programs solved to
/// optimality only.
public struct Solution: Hashable, Sendable, Codable {
    public var status: TerminationStatus
    /// The objective at `values`, including ``LinearProgram/objectiveConstant``.
    public var objective: Double
    /// Column values; empty when the status carries no point.
    public var values: [Double]
    /// Row activities `Σ aᵢⱼxⱼ` at `values`.
    public var rowActivities: [Double]
    /// Row duals: the change in objective per unit increase of the row's bound.
    public var shadowPrices: [Double]?
    /// Column duals (reduced costs).
    public var reducedCosts: [Double]?
    /// Simplex iterations spent by this solve.
    public var iterations: Int
    /// For a MIP, the best bound proven; `nil` for an LP.
    public var bestBound: Double?
    /// For a MIP, the objective of its LP relaxation, solved before branching: a bound no
    /// integer point beats, known even when branching stops early; `nil` for an LP.
    public var relaxationObjective: Double?
    /// For an LP solved to optimality by the simplex, its final basis, to start a similar
    /// program from (``SolveOptions/startingBasis``).
    public var basis: Basis?

    public init(
        status: TerminationStatus,
        objective: Double = .nan,
        values: [Double] = [],
        rowActivities: [Double] = [],
        shadowPrices: [Double]? = nil,
        reducedCosts: [Double]? = nil,
        iterations: Int = 0,
        bestBound: Double? = nil,
        relaxationObjective: Double? = nil,
        basis: Basis? = nil
    ) {
        self.status = status
        self.objective = objective
        self.values = values
        self.rowActivities = rowActivities
        self.shadowPrices = shadowPrices
        self.reducedCosts = reducedCosts
        self.iterations = iterations
        self.bestBound = bestBound
        self.relaxationObjective = relaxationObjective
        self.basis = basis
    }

    /// The value of one column.
    public subscript(variable: VariableID) -> Double { values[variable.index] }

    /// The shadow price of one row, if duals are known.
    public func shadowPrice(_ constraint: ConstraintID) -> Double? { shadowPrices?[constraint.index] }

    /// The reduced cost of one column, if duals are known.
    public func reducedCost(_ variable: VariableID) -> Double? { reducedCosts?[variable.index] }
}
