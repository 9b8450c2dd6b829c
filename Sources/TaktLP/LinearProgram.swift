/// Whether the objective is to be made as small or as large as possible.
public enum ObjectiveSense: String, Hashable, Sendable, Codable {
    case minimize
    case maximize
}

/// A linear or mixed-integer program, independent of any solver.
///
///     optimise  c₀ + Σⱼ cⱼ xⱼ
///     subject to  Lᵢ ≤ Σⱼ aᵢⱼ xⱼ ≤ Uᵢ   for every constraint i
///                 lⱼ ≤ xⱼ ≤ uⱼ,  xⱼ ∈ ℤ for integer and binary j
///
/// Build it with ``addVariable(_:lowerBound:upperBound:kind:objective:)`` and
/// ``addConstraint(_:_:_:)``; hand it to a ``Solver``. It is a value: copying it and changing
/// the copy leaves the original as it was.
///
///     var lp = LinearProgram(sense: .maximize)
///     let x = lp.addVariable("x", upperBound: 4, objective: 3)
///     let y = lp.addVariable("y", upperBound: 6, objective: 5)
///     lp.addConstraint("mix", [Term(x, 3), Term(y, 2)], .lessOrEqual(18))
public struct LinearProgram: Hashable, Sendable, Codable {
    public var name: String
    public var sense: ObjectiveSense
    /// The constant `c₀` added to the objective.
    public var objectiveConstant: Double
    public var variables: [Variable]
    public var constraints: [Constraint]

    public init(name: String = "takt", sense: ObjectiveSense = .minimize) {
        self.name = name
        self.sense = sense
        self.objectiveConstant = 0
        self.variables = []
        self.constraints = []
    }

    /// Whether any variable is integer or binary.
    public var isMixedInteger: Bool { variables.contains { $0.kind != .continuous } }

    /// The number of non-zero coefficients over all rows.
    public var nonZeroCount: Int { constraints.reduce(0) { $0 + $1.terms.count } }

    /// Adds a column and returns its handle.
    ///
    /// A binary variable gets bounds [0, 1] unless tighter ones are given.
    @discardableResult
    public mutating func addVariable(
        _ name: String,
        lowerBound: Double = 0,
        upperBound: Double = .infinity,
        kind: VariableKind = .continuous,
        objective: Double = 0
    ) -> VariableID {
        let upper = kind == .binary ? min(upperBound, 1) : upperBound
        variables.append(
            Variable(name: name, lowerBound: lowerBound, upperBound: upper, kind: kind, objective: objective))
        return VariableID(index: variables.count - 1)
    }

    /// Adds a row and returns its handle.
    @discardableResult
    public mutating func addConstraint(
        _ name: String, _ terms: [Term], _ bounds: ConstraintBounds
    ) -> ConstraintID {
        constraints.append(Constraint(name: name, terms: terms, bounds: bounds))
        return ConstraintID(index: constraints.count - 1)
    }

    public subscript(variable: VariableID) -> Variable {
        get { variables[variable.index] }
        set { variables[variable.index] = newValue }
    }

    public subscript(constraint: ConstraintID) -> Constraint {
        get { constraints[constraint.index] }
        set { constraints[constraint.index] = newValue }
    }

    /// The objective value `c₀ + Σ cⱼxⱼ` at the given column values.
    public func objectiveValue(at values: [Double]) -> Double {
        precondition(values.count == variables.count, "one value per variable")
        var total = objectiveConstant
        for (variable, value) in zip(variables, values) { total += variable.objective * value }
        return total
    }

    /// The activity `Σ aⱼxⱼ` of a row at the given column values.
    public func activity(of constraint: ConstraintID, at values: [Double]) -> Double {
        constraints[constraint.index].terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.index] }
    }
}
