/// Checks the row and column names a model file will carry.
///
/// File formats identify rows and columns by name, so names must be present, unique, and
/// free of the separators the format uses. The LP format also limits the characters and
/// what a name may start with.
struct ModelFileNames {
    enum Format { case mps, lp }

    /// Characters besides letters and digits that the CPLEX LP format allows in a name.
    private static let lpPunctuation = Set("!\"#$%&()/,.;?@_`'{}|~")

    let format: Format

    /// `base`, or `base_N` with the smallest N that no name in `taken` has.
    private static func unique(_ base: String, avoiding taken: Set<String>) -> String {
        var name = base
        var suffix = 1
        while taken.contains(name) {
            name = "\(base)_\(suffix)"
            suffix += 1
        }
        return name
    }

    /// The objective row's name: `obj`, or `obj_N` when a constraint already has that name.
    static func objectiveName(avoiding program: LinearProgram) -> String {
        unique("obj", avoiding: Set(program.constraints.map(\.name)))
    }

    /// The column that carries the objective constant, fixed at 1: readers disagree on the
    /// sign of an MPS objective RHS, and GLPK's LP reader takes no constant at all.
    static func constantColumnName(avoiding program: LinearProgram) -> String {
        unique("constant", avoiding: Set(program.variables.map(\.name)))
    }

    /// The program with its objective constant moved onto a column fixed at 1.
    static func withConstantColumn(_ program: LinearProgram) -> LinearProgram {
        guard program.objectiveConstant != 0 else { return program }
        var copy = program
        copy.addVariable(
            constantColumnName(avoiding: program), lowerBound: 1, upperBound: 1, objective: program.objectiveConstant)
        copy.objectiveConstant = 0
        return copy
    }

    func check(_ program: LinearProgram) throws(LinearProgramError) {
        try program.validate()
        var columnNames = Set<String>()
        for variable in program.variables {
            try check(variable.name, item: "variable '\(variable.name)'")
            if !columnNames.insert(variable.name).inserted {
                throw .invalidName(item: "variable '\(variable.name)'", reason: "another variable has the same name")
            }
        }
        var rowNames = Set<String>()
        for constraint in program.constraints {
            try check(constraint.name, item: "constraint '\(constraint.name)'")
            if !rowNames.insert(constraint.name).inserted {
                throw .invalidName(item: "constraint '\(constraint.name)'", reason: "another constraint has the same name")
            }
        }
    }

    private func check(_ name: String, item: String) throws(LinearProgramError) {
        guard let first = name.first else {
            throw .invalidName(item: item, reason: "a model file needs a name for every row and column")
        }
        switch format {
        case .mps:
            if name.contains(where: { $0.isWhitespace }) {
                throw .invalidName(item: item, reason: "an MPS name cannot contain blanks")
            }
            if first == "*" || first == "$" {
                throw .invalidName(item: item, reason: "an MPS name cannot start with '\(first)'")
            }
        case .lp:
            for character in name where !(character.isASCII && (character.isLetter || character.isNumber))
                && !Self.lpPunctuation.contains(character)
            {
                throw .invalidName(item: item, reason: "the LP format does not allow '\(character)' in a name")
            }
            if first.isNumber || first == "." {
                throw .invalidName(item: item, reason: "an LP name cannot start with a digit or '.'")
            }
            if (first == "e" || first == "E"), name.dropFirst().first.map({ $0.isNumber || $0 == "+" || $0 == "-" }) ?? false {
                throw .invalidName(item: item, reason: "an LP name that reads as an exponent (e1, E+) is ambiguous")
            }
        }
    }
}

extension Double {
    /// The shortest text that reads back as the same number, in the form model files use.
    var modelFileText: String {
        if self == self.rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return "\(self)"
    }
}
