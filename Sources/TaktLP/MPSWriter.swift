/// Writes a ``LinearProgram`` as free-format MPS text.
///
/// Integer columns sit between `MARKER INTORG`/`INTEND` lines and always carry explicit
/// bounds, since readers disagree on the default upper bound of an integer column. A
/// ranged row is written as `G` with its lower end on the RHS and `upper − lower` in RANGES.
/// The objective constant goes on a column fixed at 1, since readers disagree on the sign of
/// an objective RHS.
///
///     let text = try MPSWriter().write(program)
public struct MPSWriter: Sendable {
    /// How a maximisation is written, since not every reader takes the `OBJSENSE` section.
    public enum MaximizeEncoding: Sendable {
        /// Negate every objective coefficient: every reader minimises `−f` (GLPK's `glpsol`
        /// rejects `OBJSENSE`). The optimum read back is the negated maximum.
        case negateObjective
        /// Write `OBJSENSE MAX`, read by HiGHS, CLP and CPLEX.
        case objsenseSection
    }

    public var maximizeEncoding: MaximizeEncoding

    public init(maximizeEncoding: MaximizeEncoding = .negateObjective) {
        self.maximizeEncoding = maximizeEncoding
    }

    /// - Throws: ``LinearProgramError`` when the program is invalid or a name cannot be written.
    /// - Complexity: O(variables + non-zeros).
    public func write(_ original: LinearProgram) throws(LinearProgramError) -> String {
        let program = ModelFileNames.withConstantColumn(original)
        try ModelFileNames(format: .mps).check(program)
        let objectiveRow = ModelFileNames.objectiveName(avoiding: program)
        let negate = program.sense == .maximize && maximizeEncoding == .negateObjective
        let sign: Double = negate ? -1 : 1

        var out = "* Takt model, free MPS\n"
        if negate { out += "* maximisation written as minimisation of the negated objective\n" }
        out += "NAME \(program.name.isEmpty ? "takt" : program.name.filter { !$0.isWhitespace })\n"
        if program.sense == .maximize && maximizeEncoding == .objsenseSection {
            out += "OBJSENSE\n    MAX\n"
        }

        out += "ROWS\n N \(objectiveRow)\n"
        for constraint in program.constraints {
            let type: String
            switch constraint.bounds {
            case .lessOrEqual: type = "L"
            case .greaterOrEqual, .range: type = "G"
            case .equal: type = "E"
            case .free: type = "N"
            }
            out += " \(type) \(constraint.name)\n"
        }

        // Column-major coefficients, gathered once.
        var columns = [[(row: Int, value: Double)]](repeating: [], count: program.variables.count)
        for (rowIndex, constraint) in program.constraints.enumerated() {
            for term in constraint.terms where term.coefficient != 0 {
                columns[term.variable.index].append((rowIndex, term.coefficient))
            }
        }

        out += "COLUMNS\n"
        var inIntegerBlock = false
        var markerCount = 0
        for (index, variable) in program.variables.enumerated() {
            let isInteger = variable.kind != .continuous
            if isInteger != inIntegerBlock {
                out += " MARKER\(markerCount) 'MARKER' '\(isInteger ? "INTORG" : "INTEND")'\n"
                markerCount += 1
                inIntegerBlock = isInteger
            }
            var wroteAny = false
            if variable.objective != 0 {
                out += " \(variable.name) \(objectiveRow) \((sign * variable.objective).modelFileText)\n"
                wroteAny = true
            }
            for entry in columns[index] {
                out += " \(variable.name) \(program.constraints[entry.row].name) \(entry.value.modelFileText)\n"
                wroteAny = true
            }
            // A column with no entries must still be declared, or readers drop it.
            if !wroteAny { out += " \(variable.name) \(objectiveRow) 0\n" }
        }
        if inIntegerBlock { out += " MARKER\(markerCount) 'MARKER' 'INTEND'\n" }

        out += "RHS\n"
        var ranges = ""
        for constraint in program.constraints {
            let rhs: Double
            switch constraint.bounds {
            case .lessOrEqual(let v), .greaterOrEqual(let v), .equal(let v): rhs = v
            case .range(let lower, let upper):
                rhs = lower
                ranges += " RNG \(constraint.name) \((upper - lower).modelFileText)\n"
            case .free: continue
            }
            if rhs != 0 { out += " RHS \(constraint.name) \(rhs.modelFileText)\n" }
        }
        if !ranges.isEmpty { out += "RANGES\n" + ranges }

        var bounds = ""
        for variable in program.variables {
            bounds += boundLines(variable)
        }
        if !bounds.isEmpty { out += "BOUNDS\n" + bounds }
        out += "ENDATA\n"
        return out
    }

    private func boundLines(_ v: Variable) -> String {
        let lower = v.lowerBound, upper = v.upperBound, name = v.name
        let isInteger = v.kind != .continuous
        if lower == upper { return " FX BND \(name) \(lower.modelFileText)\n" }
        if lower == -.infinity && upper == .infinity { return " FR BND \(name)\n" }
        var lines = ""
        if lower == -.infinity {
            lines += " MI BND \(name)\n"
        } else if lower != 0 || isInteger {
            lines += " LO BND \(name) \(lower.modelFileText)\n"
        }
        if upper != .infinity {
            lines += " UP BND \(name) \(upper.modelFileText)\n"
        } else if isInteger {
            lines += " PL BND \(name)\n"
        }
        return lines
    }
}
