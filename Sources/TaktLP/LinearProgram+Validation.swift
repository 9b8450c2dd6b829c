extension LinearProgram {
    /// The longest name a row or column may have (GLPK's limit, and the LP format's).
    public static let maximumNameLength = 255

    /// The magnitudes a program's finite values may have. GLPK aborts the process, or
    /// asserts, on values far outside them (a scale factor out of range near 1e-300 or
    /// 1e308, `l[k] != u[k]` on bounds near 1e17), and its simplex stalls on matrices whose
    /// coefficients span too many orders of magnitude, so ``validate()`` refuses them.
    public enum Magnitudes {
        /// The largest magnitude of a finite bound or right-hand side.
        public static let bound = 1e15
        /// The largest magnitude of an objective coefficient.
        public static let objective = 1e18
        /// The range of a non-zero matrix coefficient's magnitude.
        public static let coefficient: ClosedRange<Double> = 1e-12...1e12
        /// The largest ratio of the largest to the smallest non-zero coefficient magnitude.
        public static let ratio = 1e16
        /// The largest magnitude a row's term may reach at a finite bound of its column
        /// (|coefficient| × |bound|): GLPK's presolver asserts on rows whose terms reach 1e24
        /// against a right-hand side of 7 (found by the fuzzer), and no row can hold more than
        /// a bound can anyway.
        public static let activity = 1e15
        /// The largest ratio of a row's right-hand side to the smallest reach of its terms
        /// at which a presolver may still reduce it: GLPK's asserts (npp1.c:694) on a row
        /// 1e15 from a term's reach, where the term falls below the right-hand side's
        /// rounding; 1e9 leaves six digits of margin.
        public static let presolveRatio = 1e9
    }

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
        try checkScaling()
    }

    /// Refuses a matrix whose smallest and largest non-zero coefficients are further apart
    /// than ``Magnitudes/ratio``, a term that reaches beyond ``Magnitudes/activity`` at a
    /// finite bound of its column, or a row whose terms' reaches at finite bounds are
    /// further apart than ``Magnitudes/ratio``: GLPK's presolver asserts on a row where a
    /// column fixed at 1e12 sits beside a 1e-12 coefficient on a column bounded by 1000
    /// (found by the fuzzer), and no simplex can see the smaller term beside the larger.
    private func checkScaling() throws(LinearProgramError) {
        var smallest = (value: Double.infinity, row: 0, column: 0)
        var largest = (value: 0.0, row: 0, column: 0)
        // The largest finite bound magnitude of each column (0 where it has none).
        let reach = variables.map { v in max(v.lowerBound.isFinite ? abs(v.lowerBound) : 0, v.upperBound.isFinite ? abs(v.upperBound) : 0) }
        for (r, constraint) in constraints.enumerated() {
            // The row's smallest and largest reach |coefficient × bound| at a finite bound.
            var least = (value: Double.infinity, column: 0), most = (value: 0.0, column: 0)
            for term in constraint.terms where term.coefficient != 0 {
                let size = abs(term.coefficient)
                let extent = size * reach[term.variable.index]
                if extent > Magnitudes.activity {
                    throw .outOfRange(
                        item: "constraint '\(constraint.name)'", field: "term of variable '\(variables[term.variable.index].name)'",
                        value: term.coefficient * reach[term.variable.index],
                        expected: "|coefficient × bound| of at most \(Magnitudes.activity)")
                }
                if extent > 0 && extent < least.value { least = (extent, term.variable.index) }
                if extent > most.value { most = (extent, term.variable.index) }
                if size < smallest.value { smallest = (size, r, term.variable.index) }
                if size > largest.value { largest = (size, r, term.variable.index) }
            }
            if most.value > 0, most.value / least.value > Magnitudes.ratio {
                throw .outOfRange(
                    item: "constraint '\(constraint.name)'", field: "term of variable '\(variables[least.column].name)'",
                    value: least.value,
                    expected: "|coefficient × bound| within a ratio of \(Magnitudes.ratio) of the row's largest, \(most.value) (variable '\(variables[most.column].name)')")
            }
        }
        guard largest.value > 0, largest.value / smallest.value > Magnitudes.ratio else { return }
        func at(_ entry: (value: Double, row: Int, column: Int)) -> String {
            "constraint '\(constraints[entry.row].name)', variable '\(variables[entry.column].name)'"
        }
        throw .badlyScaled(smallest: smallest.value, smallestAt: at(smallest), largest: largest.value, largestAt: at(largest), limit: Magnitudes.ratio)
    }

    /// Whether a presolver may reduce the program: false where a row's right-hand side (or,
    /// for a range, its width if smaller) is further than ``Magnitudes/presolveRatio``, above
    /// or below, from the reach |coefficient × bound| of one of its terms (at its largest
    /// finite bound one way, its smallest non-zero one the other, since the presolver may
    /// tighten a column to that), or so far above a coefficient that no column within
    /// ``Magnitudes/bound`` could make the term count. GLPK's presolver asserts (npp1.c:694)
    /// on such rows — ranged at 1e12 over 1e-12 (and, later, 1e-6) on a column of at most
    /// 1000 (and one in [-0.25, 1e13] held to [-0.25, 0] by another row) and 4.5 on a free
    /// one, found by the fuzzer; and (npp1.c:748) on a row ranged in [0, 1e-6] over terms
    /// reaching 1e15 — which the simplex proper solves; no model of the planner comes near.
    public var presolveIsSafe: Bool {
        func magnitudes(_ v: Variable) -> [Double] { [v.lowerBound, v.upperBound].filter { $0.isFinite && $0 != 0 }.map(abs) }
        let largest = variables.map { magnitudes($0).max() ?? 0 }
        let smallest = variables.map { magnitudes($0).min() ?? 0 }
        for constraint in constraints {
            let (lower, upper) = (constraint.bounds.lower, constraint.bounds.upper)
            var side = max(lower.isFinite ? abs(lower) : 0, upper.isFinite ? abs(upper) : 0)
            if lower.isFinite && upper.isFinite && upper > lower { side = min(side, upper - lower) }
            guard side > 0 else { continue }
            for term in constraint.terms where term.coefficient != 0 {
                let coefficient = abs(term.coefficient)
                // A side far beyond a term (the term lost in the side's rounding), or a term far
                // beyond a small side or a range's width (GLPK then takes the row for an
                // equality in one place and not in another).
                if side / coefficient > Magnitudes.bound { return false }
                let low = coefficient * smallest[term.variable.index], high = coefficient * largest[term.variable.index]
                if low > 0 && side / low > Magnitudes.presolveRatio { return false }
                if high > 0 && high / side > Magnitudes.presolveRatio { return false }
            }
        }
        return true
    }

    /// Refuses a finite value beyond `limit` in magnitude.
    static func checkMagnitude(_ value: Double, limit: Double, item: @autoclosure () -> String, field: String) throws(LinearProgramError) {
        if value.isFinite && abs(value) > limit {
            throw .outOfRange(item: item(), field: field, value: value, expected: "a magnitude of at most \(limit)")
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
        try LinearProgram.checkMagnitude(lowerBound, limit: LinearProgram.Magnitudes.bound, item: label, field: "lower bound")
        try LinearProgram.checkMagnitude(upperBound, limit: LinearProgram.Magnitudes.bound, item: label, field: "upper bound")
        try LinearProgram.checkMagnitude(objective, limit: LinearProgram.Magnitudes.objective, item: label, field: "objective coefficient")
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
        try LinearProgram.checkMagnitude(lower, limit: LinearProgram.Magnitudes.bound, item: label, field: "lower bound")
        try LinearProgram.checkMagnitude(upper, limit: LinearProgram.Magnitudes.bound, item: label, field: "upper bound")
        let coefficients = LinearProgram.Magnitudes.coefficient
        for term in terms {
            if term.variable.index < 0 || term.variable.index >= variableCount {
                throw .unknownVariable(constraint: name, index: term.variable.index, variableCount: variableCount)
            }
            if !term.coefficient.isFinite {
                throw .notFinite(item: label, field: "coefficient of column \(term.variable.index)", value: term.coefficient)
            }
            if term.coefficient != 0 && !coefficients.contains(abs(term.coefficient)) {
                throw .outOfRange(
                    item: label, field: "coefficient of column \(term.variable.index)", value: term.coefficient,
                    expected: "0 or a magnitude from \(coefficients.lowerBound) to \(coefficients.upperBound)")
            }
        }
    }
}
