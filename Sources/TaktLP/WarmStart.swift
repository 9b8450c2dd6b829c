/// A program kept loaded in a solver between solves, so that a re-solve after a small change
/// starts from the previous optimal basis instead of from scratch.
///
/// Every ``Solver`` makes them (``Solver/session(_:options:)``); a session lives as long as
/// its holder keeps it (inside ``Solver/withWarmStart(_:options:_:)``'s closure, or longer),
/// on the thread that made it: using it on another thread is a programmer error.
public protocol WarmStartSession: AnyObject {
    /// The program as it stands after the changes made so far.
    var program: LinearProgram { get }
    /// Changes a column's bounds.
    func setBounds(of variable: VariableID, lower: Double, upper: Double) throws(LinearProgramError)
    /// Changes a column's objective coefficient.
    func setObjective(of variable: VariableID, to coefficient: Double) throws(LinearProgramError)
    /// Changes a row's bounds (its right-hand side).
    func setBounds(of constraint: ConstraintID, to bounds: ConstraintBounds) throws(LinearProgramError)
    /// Solves the program as it stands, from the last basis.
    func solve() -> Solution
}

extension Solver {
    /// Loads `program` with ``session(_:options:)``, hands the session to `body`, and lets it
    /// go when `body` returns (a session must not outlive `body`).
    ///
    ///     try GLPKSolver().withWarmStart(program) { session in
    ///         let first = session.solve()
    ///         try session.setObjective(of: x, to: 4)
    ///         let second = session.solve()        // from `first`'s basis
    ///     }
    public func withWarmStart<Result>(
        _ program: LinearProgram, options: SolveOptions = SolveOptions(), _ body: (any WarmStartSession) throws -> Result
    ) throws -> Result {
        let session = try session(program, options: options)
        return try body(session)
    }

    /// A session for a solver that cannot keep a program loaded: each solve solves the
    /// program as it then stands, from the last solve's basis (see ``ResolvingSession``).
    public func session(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> any WarmStartSession {
        try program.validate()
        try options.validate(for: program)
        return ResolvingSession(solver: self, program: program, options: options)
    }
}

/// A warm-start session over any ``Solver``: the changes are made to a copy of the program,
/// and each solve solves that copy from the basis the last one left. What a solver that
/// keeps its problem loaded (GLPK) does faster, this does the same way for every other.
public final class ResolvingSession: WarmStartSession {
    public private(set) var program: LinearProgram
    private let solver: any Solver
    private var options: SolveOptions

    init(solver: any Solver, program: LinearProgram, options: SolveOptions) {
        self.solver = solver
        self.program = program
        self.options = options
    }

    public func setBounds(of variable: VariableID, lower: Double, upper: Double) throws(LinearProgramError) {
        try program.setBounds(of: variable, lower: lower, upper: upper)
    }

    public func setObjective(of variable: VariableID, to coefficient: Double) throws(LinearProgramError) {
        try program.setObjective(of: variable, to: coefficient)
    }

    public func setBounds(of constraint: ConstraintID, to bounds: ConstraintBounds) throws(LinearProgramError) {
        try program.setBounds(of: constraint, to: bounds)
    }

    public func solve() -> Solution {
        // Every change was checked as it was made, so the solver does not refuse the program.
        let solution = (try? solver.solve(program, options: options)) ?? Solution(status: .numericalFailure)
        if let basis = solution.basis { options.startingBasis = basis }
        return solution
    }
}

extension LinearProgram {
    /// Whether `other` differs from this program only in bounds and objective coefficients:
    /// the same columns (and kinds), the same rows with the same coefficients, the same
    /// objective constant. A session loaded with one can then be turned into the other.
    public func differsOnlyInBoundsAndCosts(from other: LinearProgram) -> Bool {
        guard variables.count == other.variables.count, constraints.count == other.constraints.count,
            objectiveConstant == other.objectiveConstant, sense == other.sense
        else { return false }
        for (a, b) in zip(variables, other.variables) where a.kind != b.kind { return false }
        for (a, b) in zip(constraints, other.constraints) where a.terms != b.terms { return false }
        return true
    }
}

extension WarmStartSession {
    /// Changes the loaded program into `target`, which must differ from it only in bounds and
    /// objective coefficients (see ``LinearProgram/differsOnlyInBoundsAndCosts(from:)``), touching
    /// only what differs.
    public func update(to target: LinearProgram) throws(LinearProgramError) {
        let current = program
        precondition(current.differsOnlyInBoundsAndCosts(from: target), "update(to:) needs a program of the same shape")
        for (index, (a, b)) in zip(current.variables, target.variables).enumerated() {
            if a.lowerBound != b.lowerBound || a.upperBound != b.upperBound {
                try setBounds(of: VariableID(index: index), lower: b.lowerBound, upper: b.upperBound)
            }
            if a.objective != b.objective { try setObjective(of: VariableID(index: index), to: b.objective) }
        }
        for (index, (a, b)) in zip(current.constraints, target.constraints).enumerated() where a.bounds != b.bounds {
            try setBounds(of: ConstraintID(index: index), to: b.bounds)
        }
    }
}

extension LinearProgram {
    /// Changes a column's bounds, checked as ``validate()`` checks them: an unknown column
    /// or a bad value throws, and the program is left as it was.
    public mutating func setBounds(of variable: VariableID, lower: Double, upper: Double) throws(LinearProgramError) {
        var changed = try column(variable)
        changed.lowerBound = lower
        changed.upperBound = upper
        try changed.validate()
        variables[variable.index] = changed
    }

    /// Changes a column's objective coefficient, checked.
    public mutating func setObjective(of variable: VariableID, to coefficient: Double) throws(LinearProgramError) {
        var changed = try column(variable)
        changed.objective = coefficient
        try changed.validate()
        variables[variable.index] = changed
    }

    /// Changes a row's bounds (its right-hand side), checked.
    public mutating func setBounds(of constraint: ConstraintID, to bounds: ConstraintBounds) throws(LinearProgramError) {
        guard constraints.indices.contains(constraint.index) else {
            throw .unknownHandle(what: "constraint", index: constraint.index, count: constraints.count)
        }
        var changed = constraints[constraint.index]
        changed.bounds = bounds
        try changed.validate(variableCount: variables.count)
        constraints[constraint.index] = changed
    }

    private func column(_ variable: VariableID) throws(LinearProgramError) -> Variable {
        guard variables.indices.contains(variable.index) else {
            throw .unknownHandle(what: "variable", index: variable.index, count: variables.count)
        }
        return variables[variable.index]
    }
}
