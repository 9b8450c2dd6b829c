/// Writes a ``LinearProgram`` in the CPLEX LP text format, which `glpsol --lp` reads.
///
/// GLPK's reader takes neither double-bounded rows nor an objective constant, so, as GLPK's
/// own writer does, a ranged row `l ≤ a·x ≤ u` becomes `a·x − r = l` with a column
/// `0 ≤ r ≤ u − l` named `~r_ROW`, and the constant goes on a column fixed at 1. Free rows
/// constrain nothing and GLPK's reader has no way to write them, so they are left out.
/// Long expressions are wrapped so that no line exceeds the readers' line limits.
///
///     let text = try LPWriter().write(program)
public struct LPWriter: Sendable {
    /// Terms per line before an expression wraps.
    private static let termsPerLine = 8

    public init() {}

    /// - Throws: ``LinearProgramError`` when the program is invalid or a name cannot be written.
    /// - Complexity: O(variables + non-zeros).
    public func write(_ original: LinearProgram) throws(LinearProgramError) -> String {
        let program = Self.withRangeColumns(ModelFileNames.withConstantColumn(original))
        try ModelFileNames(format: .lp).check(program)
        let objectiveRow = ModelFileNames.objectiveName(avoiding: program)
        var out = "\\ Takt model \(program.name)\n\n"
        out += program.sense == .minimize ? "Minimize\n" : "Maximize\n"
        var objectiveTerms = program.variables.indices.compactMap { index -> (String, Double)? in
            let v = program.variables[index]
            return v.objective == 0 ? nil : (v.name, v.objective)
        }
        if objectiveTerms.isEmpty, let first = program.variables.first { objectiveTerms = [(first.name, 0)] }
        out += " \(objectiveRow):" + expression(objectiveTerms) + "\n"

        out += "\nSubject To\n"
        for constraint in program.constraints {
            var terms = constraint.terms.map { (program.variables[$0.variable.index].name, $0.coefficient) }
            // A row needs at least one term to be written; a zero term keeps an empty row.
            if terms.isEmpty, let first = program.variables.first { terms = [(first.name, 0)] }
            if terms.isEmpty { continue }
            let body = expression(terms)
            switch constraint.bounds {
            case .lessOrEqual(let v): out += " \(constraint.name):\(body) <= \(v.modelFileText)\n"
            case .greaterOrEqual(let v): out += " \(constraint.name):\(body) >= \(v.modelFileText)\n"
            case .equal(let v): out += " \(constraint.name):\(body) = \(v.modelFileText)\n"
            case .range:
                preconditionFailure("ranges were rewritten by withRangeColumns")
            case .free: out += "\\ free row \(constraint.name) left out: GLPK's reader takes no infinite bound\n"
            }
        }

        out += "\nBounds\n"
        for v in program.variables {
            let (l, u) = (v.lowerBound, v.upperBound)
            if l == u {
                out += " \(v.name) = \(l.modelFileText)\n"
            } else if l == -.infinity && u == .infinity {
                out += " \(v.name) free\n"
            } else if l != 0 || u != .infinity {
                let lower = l == -.infinity ? "-inf" : l.modelFileText
                let upper = u == .infinity ? "+inf" : u.modelFileText
                out += " \(lower) <= \(v.name) <= \(upper)\n"
            }
        }

        let general = program.variables.filter { $0.kind == .integer }.map(\.name)
        let binary = program.variables.filter { $0.kind == .binary }.map(\.name)
        if !general.isEmpty { out += "\nGeneral\n" + wrapped(general) }
        if !binary.isEmpty { out += "\nBinary\n" + wrapped(binary) }
        out += "\nEnd\n"
        return out
    }

    /// Replaces each ranged row by an equality with a bounded surplus column.
    private static func withRangeColumns(_ program: LinearProgram) -> LinearProgram {
        var copy = program
        for (index, constraint) in program.constraints.enumerated() {
            guard case .range(let lower, let upper) = constraint.bounds else { continue }
            let surplus = copy.addVariable("~r_\(constraint.name)", lowerBound: 0, upperBound: upper - lower)
            copy.constraints[index].terms.append(Term(surplus, -1))
            copy.constraints[index].bounds = .equal(lower)
        }
        return copy
    }

    private func expression(_ terms: [(String, Double)]) -> String {
        var text = ""
        for (position, (name, coefficient)) in terms.enumerated() {
            if position > 0 && position % Self.termsPerLine == 0 { text += "\n   " }
            let sign = coefficient < 0 ? "-" : "+"
            let magnitude = abs(coefficient)
            text += magnitude == 1 ? " \(sign) \(name)" : " \(sign) \(magnitude.modelFileText) \(name)"
        }
        return text
    }

    private func wrapped(_ names: [String]) -> String {
        stride(from: 0, to: names.count, by: Self.termsPerLine).map { start in
            " " + names[start..<min(start + Self.termsPerLine, names.count)].joined(separator: " ") + "\n"
        }.joined()
    }
}
