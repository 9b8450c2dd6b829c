extension LinearProgram {
    /// The longest name a row or column may have (GLPK's limit, and the LP format's).
    public static let maximumNameLength = 255

    /// Checks every value a solver would otherwise reject, or abort on.
    ///
    /// - Throws: ``LinearProgramError`` naming the first offending variable or constraint.
    /// - Complexity: O(variables + non-zeros).
    public func validate() throws(LinearProgramError) {
        let limit = Int(Int32.max) - 1
        if variables.count > limit { throw .tooLarge(what: "variables", count: variables.count, limit: limit) }
        if constraints.count > limit { throw .tooLarge(what: "constraints", count: constraints.count, limit: limit) }
        if nonZeroCount > limit { throw .tooLarge(what: "non-zeros", count: nonZeroCount, limit: limit) }
        try Self.checkName(name, item: "program")
        if !objectiveConstant.isFinite {
            throw .notFinite(item: "objective", field: "constant", value: objectiveConstant)
        }
        for variable in variables { try variable.validate() }
        // One stamp per column instead of a set per row keeps the duplicate check linear.
        var lastSeenInRow = [Int](repeating: -1, count: variables.count)
        for (rowIndex, constraint) in constraints.enumerated() {
            try constraint.validate(variableCount: variables.count)
            for term in constraint.terms {
                if lastSeenInRow[term.variable.index] == rowIndex {
                    throw .duplicateCoefficient(constraint: constraint.name, variable: variables[term.variable.index].name)
                }
                lastSeenInRow[term.variable.index] = rowIndex
            }
        }
    }

    static func checkName(_ name: String, item: @autoclosure () -> String) throws(LinearProgramError) {
        // Over the bytes in one buffer: walking the UTF-8 view was a tenth of a warm re-solve.
        var name = name
        let (length, control) = name.withUTF8 { bytes in (bytes.count, bytes.contains { $0 < 0x20 || $0 == 0x7F }) }
        if length > maximumNameLength { throw .nameTooLong(item: item(), length: length, limit: maximumNameLength) }
        // Solvers refuse control characters in names (GLPK aborts on them).
        if control { throw .invalidName(item: item(), reason: "a name cannot contain control characters") }
    }
}

extension Variable {
    var label: String { "variable '\(name)'" }

    /// Checks this column alone; ``LinearProgram/validate()`` checks the whole program.
    public func validate() throws(LinearProgramError) {
        try LinearProgram.checkName(name, item: label)
        if lowerBound.isNaN || lowerBound == .infinity {
            throw .notFinite(item: label, field: "lower bound", value: lowerBound)
        }
        if upperBound.isNaN || upperBound == -.infinity {
            throw .notFinite(item: label, field: "upper bound", value: upperBound)
        }
        if !objective.isFinite { throw .notFinite(item: label, field: "objective coefficient", value: objective) }
        if lowerBound > upperBound { throw .inconsistentBounds(item: label, lower: lowerBound, upper: upperBound) }
        switch kind {
        case .continuous: break
        case .integer:
            if !Self.isWholeOrInfinite(lowerBound) || !Self.isWholeOrInfinite(upperBound) {
                throw .invalidIntegerBounds(variable: name, lower: lowerBound, upper: upperBound)
            }
        case .binary:
            if lowerBound < 0 || upperBound > 1 || !Self.isWholeOrInfinite(lowerBound)
                || !Self.isWholeOrInfinite(upperBound)
            {
                throw .invalidIntegerBounds(variable: name, lower: lowerBound, upper: upperBound)
            }
        }
    }

    private static func isWholeOrInfinite(_ x: Double) -> Bool { x.isInfinite || x == x.rounded() }
}

extension Constraint {
    var label: String { "constraint '\(name)'" }

    /// Checks this row against a program with `variableCount` columns.
    public func validate(variableCount: Int) throws(LinearProgramError) {
        try LinearProgram.checkName(name, item: label)
        let lower = bounds.lower
        let upper = bounds.upper
        if lower.isNaN || lower == .infinity { throw .notFinite(item: label, field: "lower bound", value: lower) }
        if upper.isNaN || upper == -.infinity { throw .notFinite(item: label, field: "upper bound", value: upper) }
        if lower > upper { throw .inconsistentBounds(item: label, lower: lower, upper: upper) }
        for term in terms {
            if term.variable.index < 0 || term.variable.index >= variableCount {
                throw .unknownVariable(constraint: name, index: term.variable.index, variableCount: variableCount)
            }
            if !term.coefficient.isFinite {
                throw .notFinite(item: label, field: "coefficient of column \(term.variable.index)", value: term.coefficient)
            }
        }
    }
}
